"""Upload a price list workbook into one list: every row checked, then all of it applied
through the entries service, or nothing.

The sheet is read as a stream (``backend.core.sheets.rows``: openpyxl, read-only); each
row becomes an ``EntryRow`` or errors naming its row number and column. Then the entries
service runs as it would for any caller (ownership, derived lists, duplicate tiers, the
manufacturer's floors for a dealer's resale list) and its errors that name SKUs come back
on the rows of those SKUs.
A dry run does all of it inside a savepoint that is rolled back, so it reports exactly
what applying would, and saves nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import IO

from django.conf import settings
from django.db import transaction

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.core.sheets.numbers import parse_decimal
from backend.core.sheets.rows import WorkbookError, WorkbookTooLarge, read_rows

from .. import engine
from ..errors import PriceRulesErrorCode as Code
from ..models import PriceList, PriceListEntry
from ..services.common import FloorCheck
from ..services.entries import EntryRow, replace_entries, upsert_entries
from .cells import CellError, parse_unit
from .columns import REQUIRED, Column, column_of

SKU_BATCH = 5000


class ImportMode(StrEnum):
    REPLACE = "REPLACE"  # the list becomes the file's rows
    UPSERT = "UPSERT"  # the file's tiers are added or changed; the others stay


@dataclass(frozen=True)
class ImportResult:
    rows: int  # data rows read (the header not counted)
    applied: bool  # false for a dry run
    # Tiers (variant and minimum quantity) the file adds, changes (price or unit) and, in
    # REPLACE mode, removes, against the list as it was: what a dry run lets a person check.
    added: int = 0
    changed: int = 0
    removed: int = 0


@dataclass
class _Row:
    number: int
    sku: str
    entry: EntryRow | None = None
    quantity: Decimal = Decimal(1)
    price: Decimal | None = None
    unit: str = ""


@dataclass
class _Report:
    limit: int
    errors: list[ErrorDetail] = field(default_factory=list)
    dropped: int = 0

    def add(self, code: str, message: str, row: int | None = None,
            column: Column | None = None, **params) -> None:
        if len(self.errors) >= self.limit:
            self.dropped += 1
            return
        if row is not None:
            params["row"] = row
        if column is not None:
            params["column"] = column.value
        self.errors.append(ErrorDetail(code=Code[code], message=message, field="file",
                                       params=params))

    def raise_if_any(self) -> None:
        if not self.errors:
            return
        found = sorted(self.errors, key=lambda e: (e.params.get("row") or 0))
        if self.dropped:
            found.append(ErrorDetail(
                code=Code.TOO_MANY_ERRORS, field="file",
                message=f"{self.dropped} more errors are not listed; fix these first.",
                params={"count": self.dropped}))
        raise DomainValidationError(found)


def import_price_list(actor: Organization, price_list: PriceList, upload: IO[bytes], *,
                      size: int, mode: ImportMode = ImportMode.REPLACE,
                      dry_run: bool = False) -> ImportResult:
    """Apply the workbook ``upload`` (``size`` bytes) to ``price_list`` as ``actor``, or
    raise ``DomainValidationError`` listing every problem (row, column, code) and change
    nothing."""
    report = _Report(settings.PRICE_IMPORT_MAX_ERRORS)
    max_bytes = settings.PRICE_IMPORT_MAX_BYTES
    if size > max_bytes:
        report.add("FILE_TOO_LARGE", f"The file is {size:,} bytes; at most {max_bytes:,} "
                                     "are accepted.", max_bytes=max_bytes)
        report.raise_if_any()
    rows, readable = _read(upload, price_list, report, max_bytes)
    if not readable:
        report.raise_if_any()
    entries = _resolve_skus(rows, report)
    _check_duplicates(rows, report)
    report.raise_if_any()
    write = replace_entries if mode == ImportMode.REPLACE else upsert_entries
    added, changed, removed = _changes(price_list, entries, mode)
    try:
        with transaction.atomic():
            write(actor, price_list, entries)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except DomainValidationError as error:
        _on_rows(error, rows, report, _FloorRows(actor, price_list, rows))
        report.raise_if_any()
        raise
    return ImportResult(rows=len(rows), applied=not dry_run, added=added, changed=changed,
                        removed=removed)


def _changes(price_list: PriceList, entries: list[EntryRow],
             mode: ImportMode) -> tuple[int, int, int]:
    stored = {(variant_id, quantity): (price, unit) for variant_id, quantity, price, unit
              in PriceListEntry.objects.filter(price_list=price_list).values_list(
                  "variant_id", "min_quantity", "price", "unit")}
    incoming = {(e.variant_id, e.min_quantity): (e.price, e.unit) for e in entries}
    added = sum(1 for key in incoming if key not in stored)
    changed = sum(1 for key, value in incoming.items()
                  if key in stored and stored[key] != value)
    removed = sum(1 for key in stored if key not in incoming) \
        if mode == ImportMode.REPLACE else 0
    return added, changed, removed


class _DryRun(Exception):
    """Rolls the savepoint of a dry run back after the service accepted the rows."""


def _read(upload: IO[bytes], price_list: PriceList, report: _Report,
          max_bytes: int) -> tuple[list[_Row], bool]:
    """The parsed rows, and whether the file could be read as a price list at all."""
    max_rows = settings.PRICE_IMPORT_MAX_ROWS
    columns: dict[Column, int] = {}
    rows: list[_Row] = []
    try:
        stream = read_rows(upload, max_part_bytes=max_bytes * 20)
        for number, values in stream:
            if not columns:
                columns = _header(number, values, report)
                if not columns:
                    return [], False
                continue
            if len(rows) >= max_rows:
                report.add("TOO_MANY_ROWS", f"The file has more than {max_rows:,} rows; "
                                            "split it into several uploads.", number,
                           max_rows=max_rows)
                return rows, True
            rows.append(_parse(number, values, columns, price_list, report))
    except WorkbookError as error:
        report.add("FILE_TOO_LARGE" if isinstance(error, WorkbookTooLarge) else "INVALID_FILE",
                   str(error))
        return rows, False
    if not columns:
        report.add("MISSING_COLUMN", "The sheet is empty: the first row must name the "
                                     "columns (SKU, min quantity, price, unit).")
        return rows, False
    return rows, True


def _header(number: int, values: list[str | None], report: _Report) -> dict[Column, int]:
    columns: dict[Column, int] = {}
    for index, value in enumerate(values):
        column = column_of(value)
        if column is not None and column not in columns:
            columns[column] = index
    missing = [c for c in REQUIRED if c not in columns]
    for column in missing:
        report.add("MISSING_COLUMN", f"The first row names no '{column.value}' column "
                                     "(e.g. 'SKU'/'Артикул', 'Price'/'Цена').", number, column)
    return {} if missing else columns


def _cell(values: list[str | None], columns: dict[Column, int], column: Column) -> str:
    index = columns.get(column)
    if index is None or index >= len(values):
        return ""
    return (values[index] or "").strip()


def _parse(number: int, values: list[str | None], columns: dict[Column, int],
           price_list: PriceList, report: _Report) -> _Row:
    row = _Row(number, _cell(values, columns, Column.SKU))
    if not row.sku:
        report.add("REQUIRED", "The SKU is empty.", number, Column.SKU)
    checks = (
        (Column.PRICE, lambda text: parse_decimal(text, places=2, integer_digits=12,
                                                   what="price"), "price"),
        (Column.MIN_QUANTITY, lambda text: parse_decimal(text, places=3, integer_digits=9,
                                                          what="quantity"), "quantity"),
        (Column.UNIT, parse_unit, "unit"),
    )
    for column, parse, attribute in checks:
        text = _cell(values, columns, column)
        if not text:
            if column == Column.PRICE:
                report.add("REQUIRED", "The price is empty.", number, column)
            continue
        try:
            setattr(row, attribute, parse(text))
        except CellError as error:
            report.add(error.code, str(error), number, column)
    if row.price is not None and row.price <= 0:
        report.add("NON_POSITIVE_PRICE", "A price must be above zero.", number, Column.PRICE)
        row.price = None
    if row.quantity <= 0:
        report.add("NON_POSITIVE_QUANTITY", "A minimum quantity must be above zero.",
                   number, Column.MIN_QUANTITY)
    currency = _cell(values, columns, Column.CURRENCY)
    if currency and currency.upper() != price_list.currency:
        report.add("CURRENCY_MISMATCH", f"The row is in {currency[:8]}; the list is in "
                                        f"{price_list.currency}.", number, Column.CURRENCY)
    return row


def _resolve_skus(rows: list[_Row], report: _Report) -> list[EntryRow]:
    skus = sorted({row.sku for row in rows if row.sku})
    ids: dict[str, int] = {}
    for start in range(0, len(skus), SKU_BATCH):
        ids.update(ProductVariant.objects.filter(sku__in=skus[start:start + SKU_BATCH])
                   .values_list("sku", "id"))
    entries = []
    for row in rows:
        if row.sku and row.sku not in ids:
            report.add("UNKNOWN_SKU", f"No variant has the SKU '{row.sku[:64]}'.", row.number,
                       Column.SKU, skus=[row.sku[:64]])
        elif row.sku and row.price is not None and row.quantity > 0:
            row.entry = EntryRow(variant_id=ids[row.sku], price=row.price,
                                 min_quantity=row.quantity, unit=row.unit)
            entries.append(row.entry)
    return entries


def _check_duplicates(rows: list[_Row], report: _Report) -> None:
    first: dict[tuple[int, Decimal], int] = {}
    for row in rows:
        if row.entry is None:
            continue
        key = (row.entry.variant_id, row.entry.min_quantity)
        if key in first:
            report.add("DUPLICATE_TIER", f"{row.sku} from {row.entry.min_quantity.normalize()}"
                                         f" is already on row {first[key]}.", row.number,
                       Column.MIN_QUANTITY, skus=[row.sku])
        else:
            first[key] = row.number


class _FloorRows:
    """Which rows of the file are below the manufacturer's floor: the entries service
    names the SKUs, the same floor check over the file's tiers of those SKUs names the
    tiers (``services.common.FloorCheck``, as the service runs it)."""

    def __init__(self, actor: Organization, price_list: PriceList, rows: list[_Row]) -> None:
        self.actor, self.price_list, self.rows = actor, price_list, rows

    def below(self, skus: list[str]) -> dict[int, engine.FloorViolation]:
        chosen = [r for r in self.rows if r.sku in skus and r.entry is not None]
        tiers: dict[int, list[engine.Tier]] = defaultdict(list)
        for row in chosen:
            assert row.entry is not None
            tiers[row.entry.variant_id].append(engine.Tier(row.entry.min_quantity,
                                                           row.entry.price))
        check = FloorCheck(self.actor, tiers)
        violations = check.violations(engine.PriceList(
            id=self.price_list.pk, owner_id=self.actor.id, currency=self.price_list.currency,
            entries={v: tuple(t) for v, t in tiers.items()},
            prices_include_vat=self.price_list.prices_include_vat))
        by_tier = {(v.sku, v.min_quantity): v for v in violations}
        return {row.number: by_tier[(row.sku, row.quantity)] for row in chosen
                if (row.sku, row.quantity) in by_tier}


def _on_rows(error: DomainValidationError, rows: list[_Row], report: _Report,
             floors: _FloorRows) -> None:
    """The service's errors, on the rows they are about: a floor violation on each tier
    below its floor, another error naming SKUs on every row of those SKUs."""
    numbers: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        numbers[row.sku].append(row.number)
    for detail in error.errors:
        code = detail.code_value if detail.code_value in Code.__members__ else "INVALID"
        skus = detail.params.get("skus") or []
        about = detail.params.get("list_ids") or [floors.price_list.pk]
        if code == "BELOW_MAP_FLOOR" and about == [floors.price_list.pk]:  # the file's
            # own tiers; a derived list's floor is on the SKU's rows, its message names it
            below = floors.below(skus)
            for number, violation in sorted(below.items()):
                report.add(code, f"{violation.sku}: {violation.net_price} (net) is below the "
                                 f"minimum resale price {violation.floor}.", number,
                           Column.PRICE, skus=[violation.sku])
            skus = [sku for sku in skus if sku not in {v.sku for v in below.values()}]
            if not skus:
                continue
        located = sorted((n, sku) for sku in skus for n in numbers.get(sku, ()))
        if not located:
            report.add(code, detail.message, **detail.params)
        for number, sku in located:
            report.add(code, f"{sku}: {detail.message}", number, None, skus=[sku])
