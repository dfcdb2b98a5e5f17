"""What an order file's header cell names: the SKU, the quantity, the name, the unit, the
price or the amount, in Russian or English, any case, with or without punctuation or a unit
after it («Кол-во, шт», «Цена (руб.)»)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    SKU = "sku"
    QUANTITY = "quantity"
    NAME = "name"
    UNIT = "unit"
    PRICE = "price"
    AMOUNT = "amount"  # recognized so a «Сумма» column is never taken for a quantity


MAPPED = (Role.SKU, Role.QUANTITY, Role.NAME, Role.UNIT, Role.PRICE)

# Best first: when two columns could be the SKU («Код» and «Артикул»), the better name wins.
_ALIASES: dict[Role, tuple[str, ...]] = {
    Role.SKU: ("артикул", "sku", "артикул товара", "артикул производителя", "код товара",
               "код номенклатуры", "item code", "product code", "article", "part number",
               "vendor code", "арт", "код", "code", "item no", "item number"),
    Role.QUANTITY: ("количество", "кол во", "qty", "quantity", "order qty", "кол", "колво",
                    "к заказу", "заказ", "заказано", "count", "pcs"),
    Role.NAME: ("наименование", "наименование товара", "название", "номенклатура", "товар",
                "name", "product name", "product", "description", "описание"),
    Role.UNIT: ("ед", "ед изм", "единица", "единица измерения", "ед измерения", "unit",
                "units", "uom"),
    Role.PRICE: ("цена", "цена за ед", "цена за единицу", "price", "unit price"),
    Role.AMOUNT: ("сумма", "стоимость", "amount", "total", "sum", "line total"),
}
# A column «Количество в упаковке» is the pack size, not what is ordered.
_NOT_QUANTITY = re.compile(r"упак|в уп|pack|остат|налич|stock|мин")


def normalize(text: str | None) -> str:
    """'Кол-во, шт.:' -> 'кол во шт'."""
    cleaned = (text or "").replace("\u00a0", " ").replace("ё", "е").lower()
    return re.sub(r"[\s.:,;()\[\]\-_/\\№#*]+", " ", cleaned).strip()


_RANKS = {normalize(alias): (role, rank) for role, aliases in _ALIASES.items()
          for rank, alias in enumerate(aliases)}


@dataclass(frozen=True)
class Named:
    role: Role
    rank: int  # lower is a better name for the role


def named(cell: str | None) -> Named | None:
    """The role a header cell names: its words exactly, or its first words followed by a
    unit or a remark («Количество шт», «Price EUR»)."""
    text = normalize(cell)
    if not text or len(text) > 60:
        return None
    words = text.split(" ")
    for length in range(len(words), 0, -1):
        found = _RANKS.get(" ".join(words[:length]))
        if found is None:
            continue
        role, rank = found
        if role is Role.QUANTITY and _NOT_QUANTITY.search(text):
            return None
        return Named(role, rank if length == len(words) else rank + 100)
    return None


def header_roles(cells: list[str]) -> dict[Role, int]:
    """Column index of each role the cells name (the best name, then the leftmost)."""
    best: dict[Role, tuple[int, int]] = {}
    for index, cell in enumerate(cells):
        found = named(cell)
        if found is not None and (found.role not in best
                                  or found.rank < best[found.role][0]):
            best[found.role] = (found.rank, index)
    return {role: index for role, (_rank, index) in best.items()}
