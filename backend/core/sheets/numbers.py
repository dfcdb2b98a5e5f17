"""A spreadsheet cell as a number: what Excel shows, within a column's size, or why not.
Shared by every upload (price lists, stock)."""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation

# Excel keeps 15 significant digits of what it shows; a computed price may be stored as
# 412.34999999999997, which is 412.35 to everyone looking at the sheet.
_EXCEL_DIGITS = Context(prec=15)
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


class CellError(ValueError):
    """The cell cannot be stored; ``code`` and the message say why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def parse_decimal(text: str, *, places: int, integer_digits: int, what: str) -> Decimal:
    """'1 234,50' or '1234.5' -> Decimal('1234.50'); at most ``places`` decimals and
    ``integer_digits`` digits before the point (the column's size)."""
    cleaned = _SPACES.sub("", text)
    if "," in cleaned:
        cleaned = cleaned.replace(",", "") if "." in cleaned else cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise CellError("INVALID_NUMBER", f"The {what} '{text[:40]}' is not a number.") from None
    if not value.is_finite():
        raise CellError("INVALID_NUMBER", f"The {what} '{text[:40]}' is not a number.")
    if len(value.as_tuple().digits) > 15:
        value = _EXCEL_DIGITS.plus(value)
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise CellError("INVALID_NUMBER",
                        f"The {what} {text[:40]} has more than {places} decimals.")
    if abs(value) >= Decimal(10) ** integer_digits:
        raise CellError("INVALID_NUMBER", f"The {what} {text[:40]} is too large.")
    return value.quantize(Decimal(1).scaleb(-places))
