"""An order file's cells as people write them: a SKU with stray spaces, in another case,
typed with Cyrillic letters that look Latin, or stored by Excel as a number (12345.0); a
quantity as «10 шт», «10,5», «1 000», «1.000,5» or 12.0; a totals row."""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation

from .columns import normalize

_INVISIBLE = re.compile(r"[\u00a0\u2007\u202f\u200b\ufeff]")
_FLOAT_INTEGER = re.compile(r"^(\d+)\.0$")
# Cyrillic letters typed for their Latin look-alikes (a Russian keyboard left on).
_LATIN = str.maketrans("АВЕКМНОРСТХУ", "ABEKMHOPCTXY")
_CYRILLIC = re.compile(r"[А-ЯЁ]")

# The number at the start, then anything that is not a digit (a unit: «шт», «pcs», «м2»).
_QUANTITY = re.compile(r"^([+-]?[\d\s'.,]*\d[\d\s'.,]*)(?:\s*[^\d\s'.,+-].*)?$")
_EXCEL_DIGITS = Context(prec=15)
TOTALS = ("итого", "итог", "всего", "total", "grand total", "subtotal", "sum total")


def sku_text(cell: str) -> str:
    """The SKU a cell holds, tidied: no invisible or surrounding spaces, and a whole number
    Excel stored as a float («12345.0») as the code it was typed as."""
    text = " ".join(_INVISIBLE.sub(" ", cell).split())
    whole = _FLOAT_INTEGER.match(text)
    return whole.group(1) if whole else text


def sku_keys(text: str) -> tuple[str, ...]:
    """How ``text`` may match a SKU, best first: as typed (any case), then with Cyrillic
    look-alikes read as Latin letters, then without inner spaces."""
    key = text.upper()
    keys = [key]
    if _CYRILLIC.search(key):
        keys.append(key.translate(_LATIN))
    if " " in key:
        keys.extend(k.replace(" ", "") for k in list(keys))
    return tuple(dict.fromkeys(keys))


def parse_quantity(cell: str) -> Decimal | None:
    """The number a quantity cell holds, or None when it holds none. Spaces and
    apostrophes group thousands; a lone comma or dot is the decimal point; with both, the
    last one is; Excel's float noise is rounded to the 15 digits Excel shows."""
    text = _INVISIBLE.sub(" ", cell).strip()
    match = _QUANTITY.match(text)
    if match is None:
        return None
    number = re.sub(r"[\s']+", "", match.group(1))
    if "," in number and "." in number:
        decimal_mark = "," if number.rfind(",") > number.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        number = number.replace(thousands, "").replace(decimal_mark, ".")
    elif number.count(",") > 1 or number.count(".") > 1:
        number = number.replace(",", "").replace(".", "")
    else:
        number = number.replace(",", ".")
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    if len(value.as_tuple().digits) > 15:
        value = _EXCEL_DIGITS.plus(value)
    return value


def is_totals(cells: list[str]) -> bool:
    """Whether a row is a totals row: a cell starting with «Итого», «Всего» or «Total»."""
    for cell in cells:
        text = normalize(cell)
        if text and any(text == word or text.startswith(word + " ") for word in TOTALS):
            return True
    return False
