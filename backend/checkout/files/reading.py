"""An order file's sheets as rows of text: an xlsx workbook (every worksheet, through the
project's safe reader, ``backend.core.sheets.rows``: read-only streaming after the zip-bomb
and DOCTYPE checks) or a CSV file. What the file is comes from its bytes, not its name: a
picture renamed to .xlsx is refused, a CSV saved as .txt is read.

Limits (settings): ORDER_FILE_MAX_BYTES for the upload (and, times 20, for any part of a
workbook unpacked), ORDER_FILE_MAX_ROWS for the rows of all sheets together. Cells are kept
as text (at most ``CELL_CHARS`` each, ``MAX_COLUMNS`` per row); empty rows are dropped, row
numbers are kept as the file shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from django.conf import settings

from backend.core.errors import DomainValidationError
from backend.core.sheets.rows import WorkbookError, WorkbookTooLarge, read_sheets

from ..errors import CheckoutErrorCode as Code
from .csv_text import NotText, csv_rows

CELL_CHARS = 200
MAX_COLUMNS = 60
ZIP = b"PK\x03\x04"
TEXT_NAMES = (".csv", ".txt", ".tsv")


@dataclass
class Sheet:
    name: str
    numbers: list[int] = field(default_factory=list)  # each row's number in the file
    rows: list[list[str]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def max_bytes() -> int:
    return int(getattr(settings, "ORDER_FILE_MAX_BYTES", 20 * 1024 * 1024))


def max_rows() -> int:
    return int(getattr(settings, "ORDER_FILE_MAX_ROWS", 100_000))


def read_sheets_of(upload: IO[bytes], filename: str, size: int) -> list[Sheet]:
    """The sheets of ``upload``, or DomainValidationError: FILE_TOO_LARGE, INVALID_FILE,
    TOO_MANY_LINES."""
    limit = max_bytes()
    if size > limit:
        raise DomainValidationError.single(
            Code.FILE_TOO_LARGE, f"The file is {size:,} bytes; at most {limit:,} are "
                                 "accepted.", "file", max_bytes=limit)
    upload.seek(0)
    magic = upload.read(4)
    upload.seek(0)
    budget = _RowBudget(max_rows())
    if magic == ZIP:
        return _workbook(upload, limit, budget)
    if not filename.lower().endswith(TEXT_NAMES):
        raise DomainValidationError.single(
            Code.INVALID_FILE, "The file is not a spreadsheet: upload an .xlsx workbook or "
                               "a .csv file.", "file")
    try:
        sheet = Sheet(_csv_name(filename))
        for number, cells in csv_rows(upload):
            _keep(sheet, number, cells, budget)
    except NotText as error:
        raise DomainValidationError.single(Code.INVALID_FILE, str(error), "file") from error
    return [sheet]


class _RowBudget:
    def __init__(self, limit: int) -> None:
        self.left = limit
        self.limit = limit

    def take(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise DomainValidationError.single(
                Code.TOO_MANY_LINES, f"The file has more than {self.limit:,} rows; split it "
                                     "into several files.", "file", max_rows=self.limit)


def _workbook(upload: IO[bytes], limit: int, budget: _RowBudget) -> list[Sheet]:
    sheets = []
    try:
        for name, rows in read_sheets(upload, max_part_bytes=limit * 20):
            sheet = Sheet(name[:100])
            for number, values in rows:
                _keep(sheet, number, values, budget)
            sheets.append(sheet)
    except WorkbookTooLarge as error:
        raise DomainValidationError.single(Code.FILE_TOO_LARGE, str(error), "file") from error
    except WorkbookError as error:
        raise DomainValidationError.single(Code.INVALID_FILE, str(error), "file") from error
    return sheets


def _keep(sheet: Sheet, number: int, values: list[str | None] | list[str],
          budget: _RowBudget) -> None:
    cells = [(value or "").strip()[:CELL_CHARS] for value in values[:MAX_COLUMNS]]
    while cells and not cells[-1]:
        cells.pop()
    if cells:
        budget.take()
        sheet.numbers.append(number)
        sheet.rows.append(cells)


def _csv_name(filename: str) -> str:
    base = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return (base.rsplit(".", 1)[0] or base or "CSV")[:100]
