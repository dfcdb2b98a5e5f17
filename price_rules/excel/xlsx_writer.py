"""A write-only xlsx stream: one worksheet, written row by row straight into the zip.

The workbook is yielded in chunks while rows are still being produced, so a whole list
never sits in memory, neither as rows nor as the file: the zip goes to a sink that is
emptied at every chunk (``zipfile`` writes data descriptors when its output cannot seek).
Strings are inline (``inlineStr``), so no shared-strings table grows with the rows.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

Cell = str | int | Decimal | None

CHUNK_BYTES = 256 * 1024

# Characters XML 1.0 cannot carry at all (a name pasted from a PDF may hold some).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '</Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>')
# Style 0: plain; style 1: bold (the header row).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="2">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '</cellXfs></styleSheet>')


def _workbook(sheet_name: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name={quoteattr(_sheet_name(sheet_name))} sheetId="1" '
            'r:id="rId1"/></sheets></workbook>')


def _sheet_name(name: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", _NOT_XML.sub("", name)).strip()
    return cleaned[:31] or "Sheet1"


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Text that needs escaping or cleaning; most cells have none, and skip the work.
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value)) if _SPECIAL.search(value) else value


def _cells(number: int, values: Sequence[Cell], letters: list[str], style: str) -> str:
    """One row's cells. Numbers go as their digits (xsd:double takes '1E+1' too), text
    inline; empty cells are left out, as Excel does."""
    parts = []
    for index, value in enumerate(values):
        if value is None or value == "":
            continue
        kind = type(value)
        if kind is str:
            parts.append(f'<c r="{letters[index]}{number}"{style} t="inlineStr"><is>'
                         f'<t xml:space="preserve">{_text(value)}</t></is></c>')
        elif kind is Decimal or kind is int:
            parts.append(f'<c r="{letters[index]}{number}"{style}><v>{value}</v></c>')
        elif isinstance(value, bool | float):
            raise TypeError("a price list cell is text, a Decimal or an int")
        else:
            parts.append(f'<c r="{letters[index]}{number}"{style} t="inlineStr"><is>'
                         f'<t xml:space="preserve">{_text(str(value))}</t></is></c>')
    return "".join(parts)


class _Sink:
    """Where the zip goes: bytes collected until the next chunk is taken. It has no
    ``tell``/``seek``, so ``zipfile`` streams (data descriptors after each member)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        self.size = 0
        return data


def xlsx_chunks(sheet_name: str, header: Sequence[str], rows: Iterable[Sequence[Cell]], *,
                widths: Sequence[int] = ()) -> Iterator[bytes]:
    """The bytes of a workbook with one sheet: a bold, frozen ``header`` row, then
    ``rows``, consumed lazily. Each chunk is about ``CHUNK_BYTES``."""
    letters = [column_letters(i) for i in range(max(len(header), 1) + 64)]
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _workbook(sheet_name))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
                           for i, w in enumerate(widths))
            sheet.write((
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>").encode())
            number = 1
            sheet.write(_row(number, header, letters, ' s="1"').encode())
            for row in rows:
                number += 1
                sheet.write(_row(number, row, letters, "").encode())
                if sink.size >= CHUNK_BYTES:
                    yield sink.take()
            sheet.write(b"</sheetData></worksheet>")
    yield sink.take()


def _row(number: int, values: Sequence[Cell], letters: list[str], style: str) -> str:
    while len(letters) < len(values):
        letters.append(column_letters(len(letters)))
    return f'<row r="{number}">{_cells(number, values, letters, style)}</row>'
