"""Upload a warehouse's stock from a workbook: every row checked, then all of it applied
(``services.levels``, under the rows' locks, movements UPLOAD), or nothing.

The sheet is read as a stream (``backend.core.sheets.rows``: openpyxl read-only, after
the archive checks). The header is the first row naming both an SKU and a quantity
column (Артикул / SKU, Остаток / Количество / Quantity / On hand, any order): title rows
above it are skipped. Each data row becomes a level or errors naming its row number,
column and value: an empty or unknown SKU, a SKU on two rows, a quantity that is not a
number, negative, a fraction of a whole unit, or below what orders hold. A dry run does
all of it inside a savepoint that is rolled back, so it reports exactly what applying
would. ``full``: the file is the warehouse's whole stock (``levels.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.db import transaction

from backend.catalog.models import ProductVariant
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.core.sheets.numbers import CellError, parse_decimal
from backend.core.sheets.rows import WorkbookError, WorkbookTooLarge, read_rows

from ..errors import InventoryErrorCode as Code
from ..models import MovementReason, Warehouse
from ..services.common import Actor
from ..services.levels import Level, LevelsResult, apply_levels, level_errors
from .columns import Column, column_of

HEADER_SEARCH_ROWS = 10  # title rows a sheet may have above its header
SKU_BATCH = 5000


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


@dataclass(frozen=True)
class UploadResult:
    rows: int
    added: int
    changed: int
    unchanged: int
    zeroed: int
    applied: bool


class UploadRejected(DomainValidationError):
    """The upload's problems: ``errors`` each with params row (None for the whole file),
    column and value."""


@dataclass
class _Report:
    limit: int
    errors: list[ErrorDetail] = field(default_factory=list)
    dropped: int = 0

    def add(self, code: Any, message: str, row: int | None = None,
            column: Column | None = None, value: str | None = None, **params: Any) -> None:
        if len(self.errors) >= self.limit:
            self.dropped += 1
            return
        params.update(row=row, column=column.value if column else None,
                      value=(value or "")[:64] or None)
        self.errors.append(ErrorDetail(code=code, message=message, field="file",
                                       params=params))

    def raise_if_any(self) -> None:
        if not self.errors:
            return
        found = sorted(self.errors, key=lambda e: e.params.get("row") or 0)
        if self.dropped:
            found.append(ErrorDetail(Code.TOO_MANY_ERRORS, f"{self.dropped} more errors are "
                                     "not listed; fix these first.", "file",
                                     {"row": None, "column": None, "value": None}))
        raise UploadRejected(found)


@dataclass
class _Row:
    number: int
    sku: str
    text: str
    level: Level | None = None


def upload_stock(warehouse: Warehouse, upload: IO[bytes], *, size: int, actor: Actor,
                 name: str = "", full: bool = False, dry_run: bool = True) -> UploadResult:
    """Apply the workbook to ``warehouse``'s stock, or raise ``UploadRejected`` naming
    every problem and change nothing."""
    report = _Report(_limit("STOCK_UPLOAD_MAX_ERRORS", 200))
    max_bytes = _limit("STOCK_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
    if size > max_bytes:
        report.add(Code.FILE_TOO_LARGE, f"The file is {size:,} bytes; at most {max_bytes:,} "
                                        "are accepted.")
        report.raise_if_any()
    rows = _read(upload, report, max_bytes)
    report.raise_if_any()
    levels = _levels(rows, report)
    report.raise_if_any()
    try:
        with transaction.atomic():
            result = apply_levels(warehouse, levels, full=full, reason=MovementReason.UPLOAD,
                                  actor=actor, reference=name[:64])
            if dry_run:
                raise _DryRun(result)
    except _DryRun as done:
        result = done.result
    except DomainValidationError as error:
        for detail in error.errors:
            row = detail.params.get("row")
            report.add(detail.code, detail.message, row, Column.QUANTITY,
                       _text_of(rows, row), skus=detail.params.get("skus"))
        report.raise_if_any()
        raise
    return _result(result, applied=not dry_run)


class _DryRun(Exception):
    def __init__(self, result: LevelsResult) -> None:
        super().__init__("dry run")
        self.result = result


def _result(result: LevelsResult, *, applied: bool) -> UploadResult:
    return UploadResult(rows=result.rows, added=result.added, changed=result.changed,
                        unchanged=result.unchanged, zeroed=result.zeroed, applied=applied)


def _text_of(rows: list[_Row], number: int | None) -> str | None:
    return next((row.text for row in rows if row.number == number), None)


def _read(upload: IO[bytes], report: _Report, max_bytes: int) -> list[_Row]:
    max_rows = _limit("STOCK_UPLOAD_MAX_ROWS", 100_000)
    columns: dict[Column, int] = {}
    rows: list[_Row] = []
    seen = 0
    try:
        for number, values in read_rows(upload, max_part_bytes=max_bytes * 20):
            if not columns:
                seen += 1
                columns = _header(values)
                if not columns and seen >= HEADER_SEARCH_ROWS:
                    break
                continue
            if len(rows) >= max_rows:
                report.add(Code.TOO_MANY_ROWS, f"The file has more than {max_rows:,} rows; "
                                               "split it into several uploads.", number)
                return rows
            rows.append(_Row(number, _cell(values, columns, Column.SKU),
                             _cell(values, columns, Column.QUANTITY)))
    except WorkbookError as error:
        code = Code.FILE_TOO_LARGE if isinstance(error, WorkbookTooLarge) else Code.INVALID_FILE
        report.add(code, str(error))
        return []
    if not columns:
        report.add(Code.MISSING_STOCK_COLUMN, "No row names both an SKU column ('SKU' / "
                                              "'Артикул') and a quantity column ('Quantity'"
                                              " / 'Остаток' / 'Количество').")
    return rows


def _header(values: list[str | None]) -> dict[Column, int]:
    columns: dict[Column, int] = {}
    for index, value in enumerate(values):
        column = column_of(value)
        if column is not None and column not in columns:
            columns[column] = index
    return columns if len(columns) == len(Column) else {}


def _cell(values: list[str | None], columns: dict[Column, int], column: Column) -> str:
    index = columns[column]
    return (values[index] or "").strip() if index < len(values) else ""


def _levels(rows: list[_Row], report: _Report) -> list[Level]:
    variants = _variants({row.sku for row in rows if row.sku})
    first: dict[str, int] = {}
    levels = []
    for row in rows:
        if not row.sku:
            report.add(Code.REQUIRED, "The SKU is empty.", row.number, Column.SKU)
        elif row.sku not in variants:
            report.add(Code.UNKNOWN_SKU, f"No variant has the SKU '{row.sku[:64]}'.",
                       row.number, Column.SKU, row.sku, skus=[row.sku[:64]])
        elif row.sku in first:
            report.add(Code.DUPLICATE_STOCK_ROW, f"{row.sku} is already on row "
                                                 f"{first[row.sku]}.", row.number, Column.SKU,
                       row.sku, skus=[row.sku])
        if row.sku:
            first.setdefault(row.sku, row.number)
        quantity = None
        if not row.text:
            report.add(Code.REQUIRED, "The quantity is empty.", row.number, Column.QUANTITY)
        else:
            try:
                quantity = parse_decimal(row.text, places=3, integer_digits=11,
                                         what="quantity")
            except CellError as error:
                report.add(Code.INVALID_NUMBER, str(error), row.number, Column.QUANTITY,
                           row.text)
        if quantity is None or row.sku not in variants or first[row.sku] != row.number:
            continue
        pk, unit = variants[row.sku]
        level = Level(variant_id=pk, sku=row.sku, unit=unit, on_hand=quantity, row=row.number)
        for detail in level_errors([level]):
            report.add(detail.code, detail.message, row.number, Column.QUANTITY, row.text,
                       skus=[row.sku])
        levels.append(level)
    return levels


def _variants(skus: set[str]) -> dict[str, tuple[int, str]]:
    ordered = sorted(skus)
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(ordered), SKU_BATCH):
        for sku, pk, unit in ProductVariant.objects.filter(
                sku__in=ordered[start:start + SKU_BATCH]).values_list("sku", "pk", "unit"):
            found[sku] = (pk, unit)
    return found
