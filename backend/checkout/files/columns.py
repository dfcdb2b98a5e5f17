"""What an order file's header cell names: the SKU, the quantity, the name, the unit, the
price or the amount, in Russian or English, any case, with or without punctuation or a unit
after it («Кол-во, шт», «Цена (руб.)»)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar


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


R = TypeVar("R", bound=StrEnum)


def alias_ranks(aliases: Mapping[R, tuple[str, ...]]) -> dict[str, tuple[R, int]]:
    """Each alias (normalized) -> its role and rank: the table ``named_by`` reads. Other
    files with headers (a partner's reconciliation statement) build their own."""
    return {normalize(alias): (role, rank) for role, names in aliases.items()
            for rank, alias in enumerate(names)}


_RANKS = alias_ranks(_ALIASES)


@dataclass(frozen=True)
class Named(Generic[R]):
    role: R
    rank: int  # lower is a better name for the role


def named(cell: str | None) -> Named[Role] | None:
    """The role a header cell names: its words exactly, or its first words followed by a
    unit or a remark («Количество шт», «Price EUR»)."""
    return named_by(cell, _RANKS)


def named_by(cell: str | None, ranks: Mapping[str, tuple[R, int]]) -> Named[R] | None:
    """``named`` with another table of roles (``alias_ranks``)."""
    text = normalize(cell)
    if not text or len(text) > 60:
        return None
    words = text.split(" ")
    for length in range(len(words), 0, -1):
        found = ranks.get(" ".join(words[:length]))
        if found is None:
            continue
        role, rank = found
        if role is Role.QUANTITY and _NOT_QUANTITY.search(text):
            return None
        return Named(role, rank if length == len(words) else rank + 100)
    return None


def header_roles(cells: list[str]) -> dict[Role, int]:
    """Column index of each role the cells name (the best name, then the leftmost)."""
    return header_roles_by(cells, _RANKS)


def header_roles_by(cells: list[str], ranks: Mapping[str, tuple[R, int]]) -> dict[R, int]:
    """``header_roles`` with another table of roles (``alias_ranks``)."""
    best: dict[R, tuple[int, int]] = {}
    for index, cell in enumerate(cells):
        found = named_by(cell, ranks)
        if found is not None and (found.role not in best
                                  or found.rank < best[found.role][0]):
            best[found.role] = (found.rank, index)
    return {role: index for role, (_rank, index) in best.items()}
