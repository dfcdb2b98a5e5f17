"""Reading a seller's bank statement file: 1C's «1CClientBankExchange» text
(``one_c.py``), or a table exported as CSV or xlsx (``tables.py``, the header guessed).
What the file is comes from its bytes. Only money coming IN to the importing seller is
kept: a document whose recipient's INN is the seller's (or, without a recipient column,
whose payer is not the seller). Each kept line is checked (``lines.checked``); the caller
writes nothing while any line has a problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from django.conf import settings

from backend.checkout.files.csv_text import NotText, csv_rows
from backend.core.errors import DomainValidationError
from backend.core.sheets.rows import WorkbookError, read_rows

from ..errors import CreditErrorCode as Code
from ..models import StatementFormat
from . import one_c, tables
from .lines import Problem, RawLine, StatementLine, checked

ZIP = b"PK\x03\x04"
CELL_CHARS = 2000


@dataclass
class Statement:
    format: str  # StatementFormat
    lines: list[StatementLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outgoing: int = 0  # documents left out: money going out, or to another recipient


def max_bytes() -> int:
    return int(getattr(settings, "BANK_STATEMENT_MAX_BYTES", 10 * 1024 * 1024))


def read_statement(upload: IO[bytes], filename: str, size: int, seller_inn: str) -> Statement:
    limit = max_bytes()
    if size > limit:
        raise DomainValidationError.single(
            Code.INVALID, f"The file is {size:,} bytes; at most {limit:,} are accepted.",
            "file", max_bytes=limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    if one_c.is_one_c(data[:64]):
        return _kept(StatementFormat.ONE_C, one_c.documents(one_c.decode(data)), seller_inn)
    upload.seek(0)
    if data[:4] == ZIP:
        kind, raw = StatementFormat.XLSX, _workbook_lines(upload, limit)
    else:
        kind, raw = StatementFormat.CSV, _csv_lines(upload)
    if raw is None:
        raise DomainValidationError.single(
            Code.UNKNOWN_LAYOUT, "The file is not a statement we can read: upload a "
            "1CClientBankExchange export, or a CSV or xlsx table with a header row naming "
            "the columns " + ", ".join(tables.EXPECTED) + " (at least the date, the amount, "
            "and the payer's INN or the purpose).", "file", expected=list(tables.EXPECTED))
    return _kept(kind, raw, seller_inn)


def _workbook_lines(upload: IO[bytes], limit: int) -> list[RawLine] | None:
    try:
        rows = [(number, [(v or "")[:CELL_CHARS] for v in values])
                for number, values in read_rows(upload, max_part_bytes=limit * 20)]
    except WorkbookError as error:
        raise DomainValidationError.single(Code.INVALID, str(error), "file") from error
    return tables.table_lines(rows)


def _csv_lines(upload: IO[bytes]) -> list[RawLine] | None:
    try:
        rows = [(number, [c[:CELL_CHARS] for c in cells]) for number, cells in csv_rows(upload)]
    except NotText:
        return None
    return tables.table_lines(rows)


def _incoming(line: RawLine, seller_inn: str) -> bool:
    recipient = line.recipient_inn.strip()
    if recipient:
        return recipient == seller_inn
    return line.payer_inn.strip() != seller_inn


def _kept(kind: str, raw: list[RawLine], seller_inn: str) -> Statement:
    statement = Statement(kind)
    for line in raw:
        if not _incoming(line, seller_inn):
            statement.outgoing += 1
            continue
        result = checked(line)
        if isinstance(result, Problem):
            statement.problems.append(result)
        else:
            statement.lines.append(result)
    return statement
