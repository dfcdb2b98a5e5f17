"""The columns of a stock workbook: what its header may call them (Russian or English,
any case, with or without punctuation)."""

from __future__ import annotations

import re
from enum import StrEnum


class Column(StrEnum):
    SKU = "sku"
    QUANTITY = "quantity"


_ALIASES = {
    Column.SKU: ("sku", "артикул", "код", "код товара", "article", "item code"),
    Column.QUANTITY: ("quantity", "qty", "on hand", "stock", "in stock", "остаток",
                      "остатки", "количество", "кол во", "в наличии", "наличие"),
}


def normalize(header: str) -> str:
    """'Кол-во:' -> 'кол во'."""
    return re.sub(r"[\s.:,;()\-_/]+", " ", header.replace("\u00a0", " ").lower()).strip()


_BY_NAME = {normalize(alias): column for column, aliases in _ALIASES.items()
            for alias in aliases}


def column_of(header: str | None) -> Column | None:
    return _BY_NAME.get(normalize(header or ""))
