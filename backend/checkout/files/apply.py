"""orderFileApply: the file's rows under the confirmed mapping, each checked like any line
a buyer hands in (``services.orderable``: the SKU, whether the buyer may order it, the
quantity rules with the nearest valid quantity), the good ones added to the buyer's cart
(``services.cart.add_valid_lines``: a SKU on several rows, or already in the cart, adds
up), and a report of every row: added as what, or skipped and why.

Which rows are order lines: those below the header with a SKU or a quantity. Left out
without a word: blank rows, the header repeated (a printed file's every page), totals rows
(«Итого», «Всего», «Total» with no SKU), section titles (no SKU, no quantity), and a form's
rows left without a quantity (a price list sent back with some quantities filled in: when
most rows with a SKU have none, those rows were not ordered; otherwise each is reported).

SKUs match without case, surrounding or doubled spaces, with Cyrillic look-alike letters
read as Latin ones and Excel's «12345.0» as 12345; the first ``SUGGESTED_SKUS`` distinct
unknown SKUs get the nearest SKUs the buyer may order (``nearest``: one query for all).

All of it in one transaction: the cart, the remembered mapping and the file's applied_at
are written together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models.functions import Upper
from django.utils import timezone

from backend.catalog.models import ProductVariant

from ..errors import CheckoutErrorCode as Code
from ..models import Cart, LineSource, OrderFile
from ..services.cart import add_valid_lines, cart_for
from ..services.orderable import LineInput, buyer_viewer
from ..services.reports import LineReport, LineReportStatus
from .cells import is_totals, parse_quantity, sku_keys, sku_text
from .columns import normalize
from .guess import Columns
from .mapping_check import check_columns, header_signature, other_sheet_columns
from .memory import remember
from .nearest import nearest_skus
from .reading import Sheet
from .stored import sheets_of

SUGGESTED_SKUS = 100
SKU_BATCH = 5000


@dataclass
class Applied:
    cart: Cart
    report: list[LineReport]

    @property
    def added_count(self) -> int:
        return sum(1 for line in self.report if line.added)

    @property
    def skipped_count(self) -> int:
        return len(self.report) - self.added_count


@dataclass
class _Row:
    number: int
    sheet: str
    sku: str  # tidied
    written_sku: str
    quantity_text: str
    quantity: Decimal | None

    @property
    def unordered(self) -> bool:
        """No quantity written, or zero."""
        return not self.quantity_text or self.quantity == 0


def apply_order_file(user, order_file: OrderFile, columns: Columns, *, remember_it: bool = True,
                     all_sheets: bool = False) -> Applied:
    """Add the file's good rows to ``user``'s cart for the file's buyer; DomainValidationError
    (MISSING_COLUMN, UNKNOWN_COLUMN, TOO_MANY_LINES) changes nothing."""
    sheets = sheets_of(order_file)
    check_columns(sheets, columns)
    mappings = (other_sheet_columns(sheets, order_file.sheets, columns) if all_sheets
                else [columns])
    rows = [row for mapping in mappings for row in _rows(sheets[mapping.sheet], mapping)]
    buyer = order_file.buyer
    with transaction.atomic():
        cart = cart_for(user, buyer, create=True)
        assert cart is not None
        report = _check_and_add(user, cart, rows)
        signature_ = header_signature(sheets[columns.sheet], columns)
        if remember_it and signature_ is not None:
            remember(buyer, signature_, columns)
        OrderFile.objects.filter(pk=order_file.pk).update(applied_at=timezone.now())
    return Applied(cart, report)


def _rows(sheet: Sheet, columns: Columns) -> list[_Row]:
    assert columns.sku is not None and columns.quantity is not None
    header: tuple[str, str] | None = None
    if columns.header_row in sheet.numbers:
        cells = sheet.rows[sheet.numbers.index(columns.header_row)]
        header = (normalize(_cell(cells, columns.sku)), normalize(_cell(cells, columns.quantity)))
    rows = []
    for number, cells in zip(sheet.numbers, sheet.rows, strict=True):
        if number <= columns.header_row:
            continue
        written = _cell(cells, columns.sku)
        quantity_text = _cell(cells, columns.quantity)
        sku = sku_text(written)
        if not sku and not quantity_text:
            continue  # a section's title, a note
        if (not sku or is_totals([sku])) and is_totals(cells):
            continue
        if header is not None and (normalize(sku), normalize(quantity_text)) == header:
            continue  # the header again, as printed on every page
        rows.append(_Row(number, sheet.name, sku, written, quantity_text,
                         parse_quantity(quantity_text) if quantity_text else None))
    with_sku = [row for row in rows if row.sku]
    if sum(1 for row in with_sku if row.unordered) * 2 > len(with_sku):
        rows = [row for row in rows if not (row.sku and row.unordered)]  # a form: see above
    return rows


def _cell(cells: list[str], column: int | None) -> str:
    return cells[column] if column is not None and 0 <= column < len(cells) else ""


def _check_and_add(user, cart: Cart, rows: list[_Row]) -> list[LineReport]:
    variants = _variants({key for row in rows if row.sku for key in sku_keys(row.sku)})
    reports: list[LineReport | None] = [None] * len(rows)
    lines: list[LineInput] = []
    positions: list[int] = []
    for position, row in enumerate(rows):
        variant_id = next((variants[k] for k in sku_keys(row.sku) if k in variants), None) \
            if row.sku else None
        if variant_id is None:
            continue
        if row.quantity is None:
            reports[position] = _skipped(row, Code.INVALID_QUANTITY, (
                "Enter a quantity." if not row.quantity_text
                else f"«{row.quantity_text[:40]}» is not a quantity."))
            continue
        lines.append(LineInput(row.quantity, variant_id=variant_id, field=f"rows.{position}"))
        positions.append(position)
    checked = add_valid_lines(cart, lines, LineSource.FILE) if lines else []
    for position, line in zip(positions, checked, strict=True):
        row = rows[position]
        problem = line.problem
        if problem is None:
            reports[position] = LineReport(
                row=row.number, sheet=row.sheet, sku=row.written_sku,
                quantity_text=row.quantity_text, status=LineReportStatus.ADDED,
                variant=line.variant, quantity=row.quantity)
        else:
            visible = problem.code not in (Code.NOT_ORDERABLE, Code.UNKNOWN_SKU)
            reports[position] = _skipped(
                row, problem.code, problem.message,
                variant=line.variant if visible else None,
                nearest_quantity=problem.params.get("nearest_quantity"))
    _report_unknown(user, cart, rows, reports)
    return [report for report in reports if report is not None]


def _report_unknown(user, cart: Cart, rows: list[_Row],
                    reports: list[LineReport | None]) -> None:
    unknown = [position for position, report in enumerate(reports) if report is None]
    typed = [sku_keys(rows[p].sku)[-1] for p in unknown if rows[p].sku]
    nearest = nearest_skus(buyer_viewer(user, cart.buyer),
                           list(dict.fromkeys(typed))[:SUGGESTED_SKUS])
    for position in unknown:
        row = rows[position]
        if not row.sku:
            reports[position] = _skipped(row, Code.UNKNOWN_SKU, "The row has no SKU.")
            continue
        reports[position] = _skipped(row, Code.UNKNOWN_SKU, f"No item has the SKU {row.sku}.",
                                     suggestions=nearest.get(sku_keys(row.sku)[-1], []))


def _skipped(row: _Row, code, message: str, **extra) -> LineReport:
    return LineReport(row=row.number, sheet=row.sheet, sku=row.written_sku,
                      quantity_text=row.quantity_text, status=LineReportStatus.SKIPPED,
                      code=code, message=message, **extra)


def _variants(keys: set[str]) -> dict[str, int]:
    """Upper-cased SKU -> variant id, for the SKUs among ``keys``: those typed as stored
    through the SKU's index, the rest (another case) by comparing upper-cased SKUs."""
    found: dict[str, int] = {}
    for batch in _batches(sorted(keys)):
        found.update(ProductVariant.objects.filter(sku__in=batch).values_list("sku", "pk"))
    rest = sorted(key for key in keys if key not in found)
    for batch in _batches(rest):
        found.update(ProductVariant.objects.annotate(key=Upper("sku")).filter(key__in=batch)
                     .values_list("key", "pk"))
    return found


def _batches(keys: list[str]) -> list[list[str]]:
    return [keys[start:start + SKU_BATCH] for start in range(0, len(keys), SKU_BATCH)]
