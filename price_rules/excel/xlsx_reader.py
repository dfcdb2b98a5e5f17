"""A read-only xlsx stream: the first worksheet's rows, one at a time, as text.

The sheet's XML is fed to expat in small pieces and each row is handed on as soon as it
ends, so memory holds one row (plus the shared-strings table, bounded by the caller's
limit on the uncompressed size of every part). Values stay text: a number is the exact
digits the file stores ("412.5"), never a float, and the caller parses it. A part with a
DOCTYPE (entity tricks) or larger than ``max_part_bytes`` uncompressed (a zip bomb) is
refused before it is read.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterator
from typing import IO
from xml.parsers import expat

FEED_BYTES = 64 * 1024
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class XlsxError(Exception):
    """The file is not a workbook this reader can read (the message says why)."""


Row = tuple[int, list[str | None]]  # (row number as Excel shows it, values by column)


def read_rows(file: IO[bytes], *, max_part_bytes: int) -> Iterator[Row]:
    """Every non-empty row of the first worksheet of ``file``, in order."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise XlsxError("The file is not an .xlsx workbook.") from exc
    with archive:
        for info in archive.infolist():
            if info.file_size > max_part_bytes:
                raise XlsxError("The workbook unpacks to more than the upload limit allows.")
        sheet = _first_sheet(archive)
        strings = _shared_strings(archive)
        yield from _sheet_rows(archive, sheet, strings)


def _parse(archive: zipfile.ZipFile, name: str, start: Callable, end: Callable,
           text: Callable | None = None) -> Iterator[None]:
    """Feed part ``name`` to expat with these handlers; yields after each piece so the
    caller can hand on what the handlers collected."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse_doctype(*_args) -> None:
        raise XlsxError("The workbook's XML declares a DOCTYPE, which no .xlsx has.")

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        with archive.open(name) as part:
            while piece := part.read(FEED_BYTES):
                parser.Parse(piece, False)
                yield None
            parser.Parse(b"", True)
            yield None
    except KeyError as exc:
        raise XlsxError(f"The workbook lacks its part {name}.") from exc
    except (expat.ExpatError, zipfile.BadZipFile, EOFError, OSError) as exc:
        raise XlsxError(f"The workbook's part {name} is damaged.") from exc


def _first_sheet(archive: zipfile.ZipFile) -> str:
    sheet_ids: list[str] = []
    targets: dict[str, str] = {}

    def workbook_start(tag: str, attrs: dict[str, str]) -> None:
        if tag == f"{MAIN} sheet":
            sheet_ids.append(attrs.get(f"{RELATIONSHIPS} id", ""))

    def rels_start(tag: str, attrs: dict[str, str]) -> None:
        if tag.endswith(" Relationship") or tag == "Relationship":
            targets[attrs.get("Id", "")] = attrs.get("Target", "")

    for _ in _parse(archive, "xl/workbook.xml", workbook_start, lambda tag: None):
        pass
    names = set(archive.namelist())
    if "xl/_rels/workbook.xml.rels" in names and sheet_ids:
        for _ in _parse(archive, "xl/_rels/workbook.xml.rels", rels_start, lambda tag: None):
            pass
        target = targets.get(sheet_ids[0], "")
        if target:
            path = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target)))
            if path in names:
                return path
    if "xl/worksheets/sheet1.xml" in names:
        return "xl/worksheets/sheet1.xml"
    raise XlsxError("The workbook has no worksheet.")


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings: list[str] = []
    state = {"text": [], "in_t": False, "phonetic": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == f"{MAIN} rPh":
            state["phonetic"] += 1
        elif tag == f"{MAIN} t" and not state["phonetic"]:
            state["in_t"] = True

    def end(tag: str) -> None:
        if tag == f"{MAIN} t":
            state["in_t"] = False
        elif tag == f"{MAIN} rPh":
            state["phonetic"] -= 1
        elif tag == f"{MAIN} si":
            strings.append("".join(state["text"]))
            state["text"] = []

    def text(data: str) -> None:
        if state["in_t"]:
            state["text"].append(data)

    for _ in _parse(archive, "xl/sharedStrings.xml", start, end, text):
        pass
    return strings


def column_index(reference: str) -> int:
    """'A1' -> 0, 'AB12' -> 27."""
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            index = index * 26 + ord(char) - 96
        else:
            break
    return index - 1


class _SheetState:
    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        self.done: list[Row] = []
        self.row_number = 0
        self.values: dict[int, str] = {}
        self.cell_type = ""
        self.cell_column = -1
        self.next_column = 0
        self.text: list[str] = []
        self.collecting = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == f"{MAIN} row":
            self.row_number = int(attrs.get("r") or self.row_number + 1)
            self.values = {}
            self.next_column = 0
        elif tag == f"{MAIN} c":
            reference = attrs.get("r")
            self.cell_column = column_index(reference) if reference else self.next_column
            self.next_column = self.cell_column + 1
            self.cell_type = attrs.get("t", "n")
            self.text = []
        elif tag in (f"{MAIN} v", f"{MAIN} t"):
            self.collecting = True

    def end(self, tag: str) -> None:
        if tag in (f"{MAIN} v", f"{MAIN} t"):
            self.collecting = False
        elif tag == f"{MAIN} c":
            self.values[self.cell_column] = self._value("".join(self.text))
        elif tag == f"{MAIN} row" and any(v.strip() for v in self.values.values()):
            width = max(self.values) + 1
            self.done.append((self.row_number, [self.values.get(i) for i in range(width)]))

    def text_data(self, data: str) -> None:
        if self.collecting:
            self.text.append(data)

    def _value(self, raw: str) -> str:
        if self.cell_type == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                raise XlsxError("A cell refers to a shared string the workbook lacks.") from None
        if self.cell_type == "b":
            return "TRUE" if raw.strip() == "1" else "FALSE"
        return raw


def _sheet_rows(archive: zipfile.ZipFile, sheet: str, strings: list[str]) -> Iterator[Row]:
    state = _SheetState(strings)
    for _ in _parse(archive, sheet, state.start, state.end, state.text_data):
        if state.done:
            yield from state.done
            state.done.clear()
