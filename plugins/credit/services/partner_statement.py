"""A partner's own reconciliation statement file (xlsx or CSV, in its own layout) read
into rows of date, document, debit and credit.

The file is read by the order files' reader (``backend.checkout.files.reading``: the
same limits, encodings and safe xlsx reading) and its header named by their header
naming (``columns.header_roles_by``) with this file's roles: the date, the document, the
debit and the credit (or one signed amount). A 1C statement sets both parties' columns side
by side under one header; the leftmost of each name is the uploader's own books.

The mapping is offered to the person as the header's cells in order, each with the field
it is read as (``ColumnMapping``); the person answers the same list, changed. A cell's text
names its column; the same text twice (both parties' «Дата») names the next such column
left to right, so the list sent back as it came names the same columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import IO

from backend.checkout.files.cells import is_totals, parse_quantity
from backend.checkout.files.columns import alias_ranks, header_roles_by, normalize
from backend.checkout.files.guess import HEADER_SEARCH_ROWS
from backend.checkout.files.reading import Sheet, read_sheets_of
from backend.core.errors import DomainValidationError, ErrorCollector

from ..engine.comparison import PartnerRow
from ..errors import CreditErrorCode as Code


class Field(StrEnum):
    DATE = "date"
    DOCUMENT = "document"
    DEBIT = "debit"
    CREDIT = "credit"
    AMOUNT = "amount"  # one signed column instead of a debit and a credit


_ALIASES: dict[Field, tuple[str, ...]] = {
    Field.DATE: ("дата", "дата документа", "дата операции", "date", "document date",
                 "posting date"),
    Field.DOCUMENT: ("документ", "наименование документа", "содержание операции",
                     "операция", "основание", "содержание", "document", "description",
                     "operation", "reference"),
    Field.DEBIT: ("дебет", "дт", "дебет руб", "debit", "dr"),
    Field.CREDIT: ("кредит", "кт", "кредит руб", "credit", "cr"),
    Field.AMOUNT: ("сумма", "amount", "sum"),
}
_RANKS = alias_ranks(_ALIASES)
NEEDED = "a date column and either a debit and a credit column or one signed amount column"
# Rows that carry balances, not documents: «Сальдо начальное», «Обороты за период».
_BALANCE_ROW = re.compile(r"^(сальдо|обороты|остаток|opening|closing|balance|turnover)")
_DAY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class ColumnMapping:
    column: str  # the header cell's text
    field: Field | None


@dataclass(frozen=True)
class Layout:
    """Where a partner's statement's columns are: ``header`` is the header's row number in
    the file, the rest 0-based column indexes."""

    header: int
    date: int
    document: int | None = None
    debit: int | None = None
    credit: int | None = None
    amount: int | None = None

    def as_stored(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if value is not None}


def read_statement_sheet(upload: IO[bytes], filename: str, size: int) -> Sheet:
    """The file's first sheet with rows, or DomainValidationError (the reader's
    FILE_TOO_LARGE, INVALID_FILE, TOO_MANY_LINES; the codes fall back to INVALID with the
    reader's message in this plugin's errors)."""
    sheets = read_sheets_of(upload, filename, size)
    for sheet in sheets:
        if sheet.rows:
            return sheet
    raise DomainValidationError.single(Code.INVALID, "The file has no rows.", "file")


def guess_layout(sheet: Sheet) -> tuple[Layout | None, list[ColumnMapping]]:
    """The layout when the header names what is needed (None otherwise), and the mapping
    to offer: the header row naming the most fields, each cell with its field."""
    best: tuple[int, int, dict[Field, int]] | None = None
    for position, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        roles = header_roles_by(cells, _RANKS)
        if best is None or len(roles) > len(best[2]):
            best = (position, sheet.numbers[position], roles)
    if best is None or not best[2]:
        return None, []
    position, number, roles = best
    cells = sheet.rows[position]
    by_column = {column: field for field, column in roles.items()}
    mapping = [ColumnMapping(cell, by_column.get(index)) for index, cell in enumerate(cells)]
    layout = _layout(number, roles)
    return (layout if layout is not None and _complete(roles) else None), mapping


def layout_of(sheet: Sheet, mapping: list[ColumnMapping]) -> Layout:
    """The layout the person's mapping names, or MAPPING_REQUIRED / INVALID naming what
    is wrong."""
    errors = ErrorCollector()
    wanted = [(normalize(item.column), item.field) for item in mapping]
    for position, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        texts = [normalize(cell) for cell in cells]
        roles: dict[Field, int] = {}
        used: set[int] = set()
        for text, field in wanted:
            column = next((index for index, cell in enumerate(texts)
                           if cell == text and index not in used), None)
            if column is None:
                break
            used.add(column)
            if field is not None:
                if field in roles:
                    errors.add(Code.INVALID, f"Only one column can be the {field.value}.",
                               "mapping")
                    errors.raise_if_any()
                roles[field] = column
        else:
            if not _complete(roles):
                raise DomainValidationError.single(
                    Code.MAPPING_REQUIRED, f"Choose {NEEDED}.", "mapping")
            layout = _layout(sheet.numbers[position], roles)
            assert layout is not None
            return layout
    raise DomainValidationError.single(
        Code.MAPPING_REQUIRED, "The file has no header row with these columns; choose the "
                               f"columns again ({NEEDED}).", "mapping")


def _complete(roles: dict[Field, int]) -> bool:
    return Field.DATE in roles and ({Field.DEBIT, Field.CREDIT} <= set(roles)
                                    or Field.AMOUNT in roles)


def _layout(header: int, roles: dict[Field, int]) -> Layout | None:
    if Field.DATE not in roles:
        return None
    return Layout(header=header, **{field.value: column for field, column in roles.items()})


def stored_layout(values: dict) -> Layout:
    return Layout(**values)


def partner_rows(sheet: Sheet, layout: Layout) -> list[PartnerRow]:
    """The document rows below the header: a row without a date in the date column, a
    balance or totals row, or one with neither amount, is not a document and is passed
    over. An amount that is not a number is refused with its row number."""
    rows = []
    for number, cells in zip(sheet.numbers, sheet.rows, strict=True):
        if number <= layout.header or is_totals(cells):
            continue
        day = parse_day(_cell(cells, layout.date))
        document = _cell(cells, layout.document)
        if day is None or _BALANCE_ROW.match(normalize(document)):
            continue
        debit, credit = Decimal(0), Decimal(0)
        if layout.amount is not None:
            amount = _amount(cells, layout.amount, number)
            debit, credit = (amount, Decimal(0)) if amount > 0 else (Decimal(0), -amount)
        else:
            debit = _amount(cells, layout.debit, number)
            credit = _amount(cells, layout.credit, number)
        if debit or credit:
            rows.append(PartnerRow(day, document, debit, credit))
    return rows


def _cell(cells: list[str], column: int | None) -> str:
    return cells[column] if column is not None and column < len(cells) else ""


def _amount(cells: list[str], column: int | None, number: int) -> Decimal:
    text = _cell(cells, column)
    if not text:
        return Decimal(0)
    value = parse_quantity(text)
    if value is None:
        raise DomainValidationError.single(
            Code.INVALID, f"Row {number}: «{text}» is not an amount.", "file", row=number)
    return value


def parse_day(text: str) -> date | None:
    """«15.01.2026», «15.01.26», «15/01/2026», «2026-01-15» (an xlsx date) or None."""
    text = text.strip()
    try:
        found = _ISO_DAY.match(text)
        if found is not None:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        found = _DAY.match(text)
        if found is not None:
            year = int(found.group(3))
            return date(year + 2000 if year < 100 else year, int(found.group(2)),
                        int(found.group(1)))
    except ValueError:
        return None
    return None
