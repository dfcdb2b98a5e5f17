"""Whether a mapping the person confirmed fits the file: MISSING_COLUMN when it names no
SKU or no quantity column (or the same column for both), UNKNOWN_COLUMN when it names a
sheet, a header row or a column the file lacks. And, for «every sheet», the mapping of
each other sheet."""

from __future__ import annotations

from dataclasses import replace

from backend.core.errors import ErrorCollector

from ..errors import CheckoutErrorCode as Code
from .columns import MAPPED, Role
from .guess import HEADER_SEARCH_ROWS, Columns, signature
from .reading import Sheet


def check_columns(sheets: list[Sheet], columns: Columns) -> None:
    """Raise DomainValidationError naming each bad part of ``columns`` (fields
    ``columns.<part>``)."""
    errors = ErrorCollector()
    if not 0 <= columns.sheet < len(sheets):
        errors.add(Code.UNKNOWN_COLUMN, f"The file has no sheet {columns.sheet + 1}.",
                   "columns.sheet")
        errors.raise_if_any()
    sheet = sheets[columns.sheet]
    if columns.header_row and columns.header_row not in sheet.numbers:
        errors.add(Code.UNKNOWN_COLUMN, f"Row {columns.header_row} of {sheet.name} is empty "
                                        "or not in the file.", "columns.headerRow")
    for role in (Role.SKU, Role.QUANTITY):
        column = getattr(columns, role.value)
        if column is None or column < 0:
            errors.add(Code.MISSING_COLUMN, f"Choose the {_what(role)} column.",
                       f"columns.{role.value}")
    if columns.sku is not None and columns.sku == columns.quantity:
        errors.add(Code.MISSING_COLUMN, "The SKU and the quantity must be different "
                                        "columns.", "columns.quantity")
    width = sheet.width
    for role in MAPPED:
        column = getattr(columns, role.value)
        if column is not None and (column >= width or column < -1):
            errors.add(Code.UNKNOWN_COLUMN, f"{sheet.name} has no column {column + 1} "
                                            f"(it has {width}).", f"columns.{role.value}")
    errors.raise_if_any()


def _what(role: Role) -> str:
    return "SKU" if role is Role.SKU else "quantity"


def header_signature(sheet: Sheet, columns: Columns) -> str | None:
    if not columns.header_row or columns.header_row not in sheet.numbers:
        return None
    return signature(sheet.rows[sheet.numbers.index(columns.header_row)])


def other_sheet_columns(sheets: list[Sheet], stored: list[dict], columns: Columns
                        ) -> list[Columns]:
    """The mapping of every sheet for «every sheet»: the confirmed one for its sheet; on
    another sheet, the same columns under the same header wherever that header is, else
    that sheet's own complete guess; a sheet with neither is left out."""
    wanted = header_signature(sheets[columns.sheet], columns)
    found = []
    for index, sheet in enumerate(sheets):
        if index == columns.sheet:
            found.append(columns)
            continue
        same = next((number for number, cells in zip(sheet.numbers[:HEADER_SEARCH_ROWS],
                                                     sheet.rows, strict=False)
                     if wanted is not None and signature(cells) == wanted), None)
        if same is not None:
            found.append(replace(columns, sheet=index, header_row=same))
            continue
        guessed = stored[index].get("columns") or {}
        if {"sku", "quantity"} <= set(guessed):
            found.append(Columns(sheet=index, header_row=stored[index]["header_row"] or 0,
                                 **guessed))
    return found
