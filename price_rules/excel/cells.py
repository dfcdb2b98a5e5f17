"""One cell of an uploaded price list as a value the list can store, or why not (numbers:
``backend.core.sheets.numbers``)."""

from __future__ import annotations

import re

from backend.catalog.models import Unit
from backend.core.sheets.numbers import CellError

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
