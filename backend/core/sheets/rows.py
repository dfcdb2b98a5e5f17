"""The rows of an uploaded workbook's sheets (the first, or each), one at a time, as text.

openpyxl reads the sheet in read-only mode (one row in memory, plus the shared strings)
with cached values for formulas (``data_only``). Before it opens anything, the archive is
checked here, because openpyxl guards against hostile XML only when defusedxml is
installed, and it is not among our dependencies: a part that unpacks to more than
``max_part_bytes`` (a zip bomb) or declares a DOCTYPE (entity expansion; no workbook has
one) is refused unread.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, time
from typing import IO
from xml.parsers import expat

import openpyxl

FEED_BYTES = 64 * 1024

Row = tuple[int, list[str | None]]  # (row number as Excel shows it, values by column)


class WorkbookError(Exception):
    """The file is not a workbook that can be read (the message says why)."""


class WorkbookTooLarge(WorkbookError):
    """A part of the workbook unpacks to more than the limit."""


def read_rows(file: IO[bytes], *, max_part_bytes: int) -> Iterator[Row]:
    """Every non-empty row of the first worksheet of ``file``, in order."""
    sheets = read_sheets(file, max_part_bytes=max_part_bytes)
    try:
        for _name, rows in sheets:
            yield from rows
            return
    finally:
        sheets.close()


def read_sheets(file: IO[bytes], *,
                max_part_bytes: int) -> Iterator[tuple[str, Iterator[Row]]]:
    """Every worksheet of ``file`` as (its name, its non-empty rows), in the workbook's
    order; each sheet's rows are to be read before the next sheet is asked for."""
    check_archive(file, max_part_bytes=max_part_bytes)
    try:
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises whatever its parsers meet in a broken file
        raise WorkbookError("The file is not an .xlsx workbook Excel can open.") from exc
    try:
        if not book.worksheets:
            raise WorkbookError("The workbook has no worksheet.")
        for sheet in book.worksheets:
            yield sheet.title, _sheet_rows(sheet)
    finally:
        book.close()


def _sheet_rows(sheet: object) -> Iterator[Row]:
    # Without this, read-only mode stops at the <dimension> the file declares, and some
    # programs that write xlsx declare a wrong one: rows would be lost silently.
    sheet.reset_dimensions()  # type: ignore[attr-defined]
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    number = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise WorkbookError("The workbook's sheet is damaged.") from exc
        number += 1  # empty rows come too (as ()), so this is Excel's row number
        texts = [as_text(value) for value in values]
        if any(text and text.strip() for text in texts):
            yield number, texts


def as_text(value: object) -> str | None:
    """A cell's value as the importer parses it. A float is its shortest repr (a computed
    412.34999999999997 stays so; ``numbers.parse_decimal`` rounds to Excel's 15 digits)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def check_archive(file: IO[bytes], *, max_part_bytes: int) -> None:
    """Refuse a file that is not a zip, has a part larger than ``max_part_bytes`` unpacked
    (``zipfile`` never unpacks more than a member declares, so the declared sizes bound
    it) or an XML part with a DOCTYPE."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookError("The file is not an .xlsx workbook.") from exc
    with archive:
        members = archive.infolist()
        for info in members:
            if info.file_size > max_part_bytes:
                raise WorkbookTooLarge("The workbook unpacks to more than the upload limit "
                                       "allows.")
        for info in members:
            if not info.is_dir():
                _refuse_doctype(archive, info)
    file.seek(0)


class _Prolog(Exception):
    """The root element started (a DOCTYPE can only come before it), or the part is not
    XML (openpyxl would not parse it as XML either)."""


def _refuse_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    parser = expat.ParserCreate()

    def doctype(*_args: object) -> None:
        raise WorkbookError("The workbook's XML declares a DOCTYPE, which no .xlsx has.")

    def root(*_args: object) -> None:
        raise _Prolog

    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        with archive.open(info) as part:
            while piece := part.read(FEED_BYTES):
                parser.Parse(piece, False)
    except (_Prolog, expat.ExpatError):
        return
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise WorkbookError(f"The workbook's part {info.filename} is damaged.") from exc
