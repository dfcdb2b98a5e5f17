"""One cell of an uploaded price list as a value the list can store, or why not."""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation

from backend.catalog.models import Unit

# Excel keeps 15 significant digits of what it shows; a computed price may be stored as
# 412.34999999999997, which is 412.35 to everyone looking at the sheet.
_EXCEL_DIGITS = Context(prec=15)
_SPACES = re.compile(r"[\s\u00a0\u202f']+")

_UNITS = {alias: unit for unit, aliases in {
    Unit.PIECE: ("pcs", "pc", "piece", "pieces", "шт", "штука", "штук"),
    Unit.METER: ("m", "meter", "metre", "м", "метр", "пог м", "пм"),
    Unit.SQUARE_METER: ("m2", "m²", "sq m", "м2", "м²", "кв м"),
    Unit.CUBIC_METER: ("m3", "m³", "cu m", "м3", "м³", "куб м"),
    Unit.KILOGRAM: ("kg", "kilogram", "кг", "килограмм"),
    Unit.LITER: ("l", "liter", "litre", "л", "литр"),
    Unit.PACK: ("pack", "упак", "уп", "упаковка"),
    Unit.SET: ("set", "компл", "комплект", "набор"),
}.items() for alias in (*aliases, unit.value.lower())}


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


def parse_unit(text: str) -> str:
    """A unit of sale as the catalog's code ('шт.' -> 'PCS'); '' when the cell is empty."""
    cleaned = re.sub(r"[\s.]+", " ", text.lower()).strip()
    if not cleaned:
        return ""
    unit = _UNITS.get(cleaned)
    if unit is None:
        raise CellError("UNKNOWN_UNIT", f"Unknown unit '{text[:20]}' (use one of "
                                        f"{', '.join(Unit.values)}).")
    return unit.value
