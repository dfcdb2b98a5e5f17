"""A statement exported as a table (CSV or xlsx): which row is the header and which
columns hold the document's number, date, amount, the payer's INN and name, the
recipient's INN and the purpose. The header is the first of the first ``HEADER_SEARCH``
rows naming a date, an amount, and the payer's INN or the purpose; a file without one is
UNKNOWN_LAYOUT, its message naming the columns expected."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lines import RawLine

HEADER_SEARCH = 25
EXPECTED = ("Номер / Number", "Дата / Date", "Сумма / Amount",
            "ИНН плательщика / Payer INN", "Плательщик / Payer",
            "Назначение платежа / Purpose")
REQUIRED = ("date", "amount")

# A column's role when its normalized header holds every word of one of the entries
# (checked in this order: «инн плательщика» is the INN, not the payer's name).
_ROLES: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("payer_inn", (("инн", "плат"), ("payer", "inn"), ("payer", "tax"))),
    ("recipient_inn", (("инн", "получ"), ("recipient", "inn"), ("beneficiary", "inn"))),
    ("purpose", (("назначен",), ("purpose",), ("description",), ("details",))),
    ("debit", (("дебет",), ("списан",), ("расход",), ("debit",), ("withdrawal",))),
    ("amount", (("сумм",), ("кредит",), ("поступ",), ("приход",), ("amount",),
                ("credit",))),
    ("date", (("дата",), ("date",))),
    ("number", (("номер",), ("№",), ("number",), ("doc",))),
    ("payer_name", (("плательщик",), ("контрагент",), ("payer",), ("counterparty",))),
    ("payer_inn", (("инн",), ("inn",))),
)
_WORDS = re.compile(r"[^\w№]+")


def normalize(cell: str) -> str:
    return _WORDS.sub(" ", cell.lower().replace("ё", "е")).strip()


def _role(cell: str) -> str | None:
    words = normalize(cell)
    if not words:
        return None
    tokens = words.split()
    for role, entries in _ROLES:
        for entry in entries:
            if all(any(token.startswith(part) or (part == "№" and "№" in token)
                       for token in tokens) for part in entry):
                return role
    return None


def header_columns(cells: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _role(cell)
        if role is not None and role not in roles:
            roles[role] = index
    return roles


def _is_header(roles: dict[str, int]) -> bool:
    return all(r in roles for r in REQUIRED) and ("payer_inn" in roles or "purpose" in roles)


def find_header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]] | None:
    """(the header's index in ``rows``, its columns), or None."""
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH]):
        roles = header_columns(cells)
        if _is_header(roles):
            return index, roles
    return None


def table_lines(rows: Iterable[tuple[int, list[str]]]) -> list[RawLine] | None:
    """The incoming lines below the header (None: no header found). A row with nothing in
    the amount but something in a debit column is money going out: left out."""
    rows = list(rows)
    found = find_header(rows)
    if found is None:
        return None
    index, roles = found

    def cell(cells: list[str], role: str) -> str:
        column = roles.get(role)
        return (cells[column] or "").strip() if column is not None and column < len(cells) \
            else ""

    lines = []
    for number, cells in rows[index + 1:]:
        if not cell(cells, "amount") and cell(cells, "debit"):
            continue
        lines.append(RawLine(
            place=f"row {number}", number=cell(cells, "number"), date=cell(cells, "date"),
            amount=cell(cells, "amount"), payer_inn=cell(cells, "payer_inn"),
            payer_name=cell(cells, "payer_name"), recipient_inn=cell(cells, "recipient_inn"),
            purpose=cell(cells, "purpose")))
    return lines
