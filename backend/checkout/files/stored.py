"""An order file as stored (``OrderFile.sheets``) and read back: per sheet its name, its
rows as text with their numbers, and the mapping guessed when it was uploaded. The
storefront's dialog shows each sheet's header and first rows, and the guessed mapping to
confirm or change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import OrderFile
from .guess import Columns, Guess
from .reading import Sheet

PREVIEW_ROWS = 10


def as_stored(sheets: list[Sheet], guesses: list[Guess]) -> list[dict[str, Any]]:
    return [{"name": sheet.name, "header_row": guess.columns.header_row if guess.columns
             else None, "columns": guess.columns.roles() if guess.columns else None,
             "remembered": guess.remembered, "numbers": sheet.numbers, "rows": sheet.rows}
            for sheet, guess in zip(sheets, guesses, strict=True)]


def sheets_of(order_file: OrderFile) -> list[Sheet]:
    return [Sheet(s["name"], s["numbers"], s["rows"]) for s in order_file.sheets]


@dataclass(frozen=True)
class SheetView:
    index: int
    name: str
    row_count: int  # the rows below the header (every row without one)
    header_row: int | None  # the guessed header's row number in the file
    headers: list[str]
    preview: list[list[str]]  # the first rows below the header, as wide as the widest


def sheet_views(order_file: OrderFile) -> list[SheetView]:
    views = []
    for index, stored in enumerate(order_file.sheets):
        numbers, rows = stored["numbers"], stored["rows"]
        header_row = stored.get("header_row") or None
        start = numbers.index(header_row) + 1 if header_row in numbers else 0
        headers = rows[start - 1] if start else []
        preview = rows[start:start + PREVIEW_ROWS]
        width = max([len(headers), *(len(row) for row in preview)])
        views.append(SheetView(
            index=index, name=stored["name"], row_count=len(rows) - start,
            header_row=header_row, headers=_padded(headers, width),
            preview=[_padded(row, width) for row in preview]))
    return views


def _padded(cells: list[str], width: int) -> list[str]:
    return list(cells) + [""] * (width - len(cells))


def guessed_columns(order_file: OrderFile) -> tuple[Columns, bool]:
    """The mapping to offer (the first sheet with a remembered, then a complete, then any
    guess; else the first sheet with no columns) and whether it was remembered."""
    sheets = order_file.sheets
    ranked = sorted(
        (index for index, s in enumerate(sheets) if s.get("columns") is not None),
        key=lambda i: (not sheets[i]["remembered"],
                       not {"sku", "quantity"} <= set(sheets[i]["columns"]), i))
    if not ranked:
        first = next((i for i, s in enumerate(sheets) if s["rows"]), 0)
        return Columns(sheet=first, header_row=0), False
    index = ranked[0]
    stored = sheets[index]
    return (Columns(sheet=index, header_row=stored["header_row"] or 0, **stored["columns"]),
            bool(stored["remembered"]))
