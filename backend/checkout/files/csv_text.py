"""A CSV order file's rows: its encoding (UTF-8 with or without a BOM, else Windows-1251,
what Russian Excel saves «CSV» in) and its separator (comma, semicolon or tab) found from
its first lines, then read as a stream."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from typing import IO

SAMPLE_BYTES = 64 * 1024
SEPARATORS = (";", "\t", ",")  # on a tie, the one least likely inside a cell wins
SAMPLE_LINES = 50


class NotText(ValueError):
    """The bytes are not text (a picture, an archive, a binary format)."""


def encoding_of(sample: bytes) -> str:
    if b"\x00" in sample:
        raise NotText("The file is not text.")
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        # The sample may end inside a character: decode incrementally, never final.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    text = sample.decode("cp1251", errors="replace")
    controls = sum(1 for c in text if c < " " and c not in "\r\n\t")
    if controls > len(text) // 100:
        raise NotText("The file is not text.")
    return "cp1251"


def separator_of(lines: list[str]) -> str:
    """The separator that splits the most lines into the same number of cells (> 1)."""
    best, best_score = ",", -1
    for separator in SEPARATORS:
        widths = [len(row) for row in csv.reader(lines, delimiter=separator)]
        common = Counter(w for w in widths if w > 1).most_common(1)
        score = common[0][1] * 1000 + common[0][0] if common else 0
        if score > best_score:
            best, best_score = separator, score
    return best


def csv_rows(upload: IO[bytes]) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of every non-empty record; raises NotText."""
    upload.seek(0)
    sample = upload.read(SAMPLE_BYTES)
    encoding = encoding_of(sample)
    head = sample.decode(encoding, errors="ignore").splitlines()[:SAMPLE_LINES]
    separator = separator_of(head[:-1] if len(head) > 1 else head)
    upload.seek(0)
    text = io.TextIOWrapper(upload, encoding=encoding, errors="replace", newline="")
    try:
        for number, cells in enumerate(csv.reader(text, delimiter=separator), start=1):
            if any(cell.strip() for cell in cells):
                yield number, cells
    except csv.Error as error:
        raise NotText(f"The CSV file cannot be read: {error}.") from error
    finally:
        text.detach()
