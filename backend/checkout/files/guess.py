"""Which row of a sheet is its header and which columns hold the SKU, the quantity, the
name, the unit and the price.

The header is the first of the sheet's first ``HEADER_SEARCH_ROWS`` rows (title rows,
the buyer's and seller's details, a date, come above it) that names both an SKU and a
quantity column; a row whose signature the organization has a confirmed mapping for wins
over any guess. A sheet without such a row but whose rows hold a code and a number is read
without a header (``header_row`` 0). Otherwise the row naming the most columns is offered,
for the person to finish the mapping.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from .cells import parse_quantity, sku_text
from .columns import MAPPED, header_roles, normalize
from .reading import Sheet

HEADER_SEARCH_ROWS = 25
SNIFF_ROWS = 30


@dataclass(frozen=True)
class Columns:
    """A sheet's mapping: ``header_row`` is the header's row number in the file (0: no
    header, every row is data); columns are 0-based indexes."""

    sheet: int
    header_row: int
    sku: int | None = None
    quantity: int | None = None
    name: int | None = None
    unit: int | None = None
    price: int | None = None

    @property
    def complete(self) -> bool:
        return self.sku is not None and self.quantity is not None

    def roles(self) -> dict[str, int]:
        return {role.value: getattr(self, role.value) for role in MAPPED
                if getattr(self, role.value) is not None}


@dataclass(frozen=True)
class Guess:
    columns: Columns | None  # None: nothing looks like a header or like order lines
    remembered: bool = False


def signature(cells: list[str]) -> str:
    """The header's identity across files: its normalized cells, in order."""
    text = "\x1f".join(normalize(cell) for cell in cells).rstrip("\x1f")
    return hashlib.sha256(text.encode()).hexdigest()


def candidate_signatures(sheet: Sheet) -> list[str]:
    return [signature(cells) for cells in sheet.rows[:HEADER_SEARCH_ROWS]]


def guess_sheet(index: int, sheet: Sheet, remembered: dict[str, dict[str, int]]) -> Guess:
    """The mapping of ``sheet`` (the ``index``-th): remembered, named, sniffed or partial."""
    head = sheet.rows[:HEADER_SEARCH_ROWS]
    for position, cells in enumerate(head):
        mapping = remembered.get(signature(cells))
        if mapping is not None:
            columns = _columns(index, sheet.numbers[position], mapping)
            if columns.complete:
                return Guess(columns, remembered=True)
    partial: Columns | None = None
    best = 0
    for position, cells in enumerate(head):
        roles = header_roles(cells)
        columns = _columns(index, sheet.numbers[position], roles)
        if columns.complete:
            return Guess(columns)
        named = len(columns.roles())
        if named > best and (columns.sku is not None or columns.quantity is not None):
            partial, best = columns, named
    sniffed = _sniff(index, sheet)
    if sniffed is not None:
        return Guess(sniffed)
    return Guess(partial if best >= 2 else None)


def _columns(index: int, header_row: int, roles: Mapping[str, object]) -> Columns:
    """``roles`` by role name (a Role is its name) -> Columns, ignoring what is not one."""
    found = {role.value: column for role in MAPPED
             if isinstance(column := roles.get(role.value), int) and column >= 0}
    return Columns(sheet=index, header_row=header_row, **found)


def _sniff(index: int, sheet: Sheet) -> Columns | None:
    """A headerless sheet: the column most often holding a code (letters or dashes with
    digits) and, right of it, the one most often holding a number."""
    rows = sheet.rows[:SNIFF_ROWS]
    if len(rows) < 1:
        return None
    width = max(len(row) for row in rows)
    need = max(1, (len(rows) * 6 + 9) // 10)

    def count(column: int, test) -> int:
        return sum(1 for row in rows if column < len(row) and row[column] and test(row[column]))

    codes = [count(c, _looks_like_code) for c in range(width)]
    sku = max(range(width), key=lambda c: (codes[c], -c), default=None)
    if sku is None or codes[sku] < need:
        return None
    for column in range(sku + 1, width):
        if count(column, lambda text: parse_quantity(text) is not None) >= need:
            return Columns(sheet=index, header_row=0, sku=sku, quantity=column)
    return None


def _looks_like_code(text: str) -> bool:
    text = sku_text(text)
    if not 3 <= len(text) <= 64 or " " in text.strip():
        return False
    has_digit = any(c.isdigit() for c in text)
    return has_digit and any(c.isalpha() or c in "-_./" for c in text)
