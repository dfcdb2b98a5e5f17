"""A one-sheet workbook written row by row with openpyxl's write-only mode.

openpyxl spools the sheet's rows to a temporary file as they are appended, so neither the
rows nor the sheet sit in memory; ``save`` then packs that file into the workbook. The
zip can only be written once the last row is in, so the caller gets a finished file,
not a stream of chunks (the download view serves it from a temporary file).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Cell = str | int | Decimal | None

MONEY = "0.00"  # a price shows its kopecks/cents: 1400.00, not 1400


def write_workbook(target: IO[bytes], sheet_name: str, header: Sequence[str],
                   rows: Iterable[Sequence[Cell]], *, widths: Sequence[int] = (),
                   formats: Mapping[int, str] | None = None) -> int:
    """Write to ``target`` a workbook of one sheet: a bold, frozen ``header`` row, then
    ``rows``, consumed lazily; ``formats`` gives a number format by column index. Returns
    the number of rows written after the header."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(sheet_name))
    try:
        # Column widths and the frozen pane go before the first row: write-only mode has
        # already written the sheet's top when the first row arrives.
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        sheet.append([_styled(sheet, _clean(text), font=bold) for text in header])
        # One styled cell per formatted column, given a new value for each row: openpyxl
        # writes a row's cells as it is appended, so the cell is free again afterwards.
        styled = {index: _styled(sheet, None, number_format=number_format)
                  for index, number_format in (formats or {}).items()}
        count = 0
        for row in rows:
            values: list[object] = [_clean(value) for value in row]
            for index, cell in styled.items():
                if index < len(values) and values[index] is not None:
                    cell.value = values[index]
                    values[index] = cell
            sheet.append(values)
            count += 1
        book.save(target)
    except BaseException:
        _drop_spooled_rows(sheet)
        raise
    return count


def sheet_title(name: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", ILLEGAL_CHARACTERS_RE.sub("", name)).strip()
    return cleaned[:31] or "Sheet1"


def _clean(value: Cell) -> Cell:
    """An empty text is no cell; control characters (a name pasted from a PDF may hold
    some) cannot be written to XML and are dropped."""
    if isinstance(value, str):
        if not value:
            return None
        if ILLEGAL_CHARACTERS_RE.search(value):
            return str(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _styled(sheet: WriteOnlyWorksheet, value: Cell, *, font: Font | None = None,
            number_format: str | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    if font is not None:
        cell.font = font
    if number_format is not None:
        cell.number_format = number_format
    return cell


def _drop_spooled_rows(sheet: WriteOnlyWorksheet) -> None:
    """openpyxl removes its temporary file of rows when the workbook is saved, or at the
    process's exit; a failed export would leave it on disk until the worker restarts."""
    if not sheet.closed:
        # Ends openpyxl's row writer now, which would otherwise try to finish the file
        # whenever it is garbage collected.
        with contextlib.suppress(Exception):
            sheet.close()
    writer = getattr(sheet, "_writer", None)
    path = getattr(writer, "out", None)
    if isinstance(path, str) and os.path.exists(path):
        os.remove(path)
