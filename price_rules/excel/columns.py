"""The columns of a price list workbook: what an upload's header may call them (Russian
or English, any case, with or without punctuation), and how exports name them."""

from __future__ import annotations

import re
from enum import StrEnum


class Column(StrEnum):
    SKU = "sku"
    MIN_QUANTITY = "min_quantity"
    PRICE = "price"
    UNIT = "unit"
    CURRENCY = "currency"


REQUIRED = (Column.SKU, Column.PRICE)

_ALIASES = {
    Column.SKU: ("sku", "артикул", "код", "код товара", "article", "item code"),
    Column.MIN_QUANTITY: ("min quantity", "minimum quantity", "min qty", "from quantity",
                          "quantity from", "from", "мин количество",
                          "минимальное количество", "количество от", "от", "от количества"),
    Column.PRICE: ("price", "unit price", "price per unit", "цена", "цена за единицу",
                   "цена за ед"),
    Column.UNIT: ("unit", "unit of sale", "единица", "единица продажи", "ед", "ед изм",
                  "единица измерения"),
    Column.CURRENCY: ("currency", "валюта"),
}


def normalize(header: str) -> str:
    """'Мин. количество:' -> 'мин количество'."""
    return re.sub(r"[\s.:,;()\-_/]+", " ", header.replace("\u00a0", " ").lower()).strip()


_BY_NAME = {normalize(alias): column for column, aliases in _ALIASES.items()
            for alias in aliases}


def column_of(header: str | None) -> Column | None:
    return _BY_NAME.get(normalize(header or ""))


# What exports write (the importer reads both languages back).
LIST_HEADERS = {
    "ru": ("Артикул", "Товар", "Мин. количество", "Цена", "Единица", "Валюта"),
    "en": ("SKU", "Product", "Min quantity", "Price", "Unit", "Currency"),
}
MY_PRICE_HEADERS = {
    "ru": ("Артикул", "Товар", "Вариант", "Мин. количество", "Цена без НДС", "Цена с НДС",
           "Ставка НДС, %", "Единица", "Валюта", "Акции"),
    "en": ("SKU", "Product", "Variant", "Min quantity", "Net price", "Gross price",
           "VAT, %", "Unit", "Currency", "Promotions"),
}
SHEET_NAMES = {"ru": "Прайс-лист", "en": "Price list"}
