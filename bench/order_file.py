"""A 10,000-row messy order file, uploaded and applied into the bench sub-dealer's cart.

    python -m bench.order_file [--rows 10000] [--runs 3]

The workbook is built in memory as buyers make them: a merged title row and the buyer's
details above a Russian header in its own column order, blank rows and a section title
every few hundred rows, a totals row, SKUs in lower case or with stray spaces, quantities
as «12 шт», «1 000» or 12.0, and one row in a hundred an unknown SKU or a quantity off the
pack rules. Each run does what the two mutations do: ``upload_order_file`` (read the
workbook through the safe reader, guess the header and columns, store the rows as text)
and ``apply_order_file`` (every row checked: SKU, visibility, the buyer's price, quantity
rules; the good rows written into the cart; the report), inside a transaction rolled back
afterwards, so the database is left as it was. The file's rows are distinct variants, so
the cart's line limit is lifted for the run (CART_MAX_LINES: 500 by default).

Target: under 10 s per run (median), every good row added, every bad row reported. The
peak of memory Python allocated during one more run (tracemalloc) shows it is bounded by
the file, not by the catalog; the SQL query count shows it does not grow with the rows.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass

TARGET_S = 10.0
BAD_EVERY = 100  # one row in a hundred has a problem


@dataclass(frozen=True)
class OrderFileResult:
    rows: int
    file_bytes: int
    runs: int
    median_s: float
    upload_median_s: float
    apply_median_s: float
    cpu_median_s: float
    queries: int
    upload_peak_mb: float
    apply_peak_mb: float
    added: int
    skipped: int
    expected_skipped: int

    @property
    def passed(self) -> bool:
        return (self.median_s < TARGET_S and self.skipped == self.expected_skipped
                and self.added + self.skipped == self.rows)

    def report(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        return "\n".join([
            f"Order file: {self.rows:,} rows ({self.file_bytes / 1024:,.0f} KB xlsx) uploaded "
            f"and applied into the bench sub-dealer's cart ({self.runs} runs)",
            f"  upload + apply median {self.median_s:8.2f} s",
            f"  upload (read, guess)  {self.upload_median_s:8.2f} s   (median)",
            f"  apply (check, add)    {self.apply_median_s:8.2f} s   (median)",
            f"  Python CPU            {self.cpu_median_s:8.2f} s   (median, this process)",
            f"  SQL queries           {self.queries:8d}",
            f"  peak memory, upload   {self.upload_peak_mb:8.1f} MB   (tracemalloc, one run)",
            f"  peak memory, apply    {self.apply_peak_mb:8.1f} MB   (over what upload kept)",
            f"  rows added / skipped  {self.added:,} / {self.skipped:,} "
            f"(expected {self.expected_skipped:,} skipped)",
            f"  target: median < {TARGET_S:.0f} s, every row reported -> {verdict}",
        ])


def messy_workbook(skus: list[str], rows: int) -> tuple[bytes, int]:
    """The workbook and how many of its rows must be skipped."""
    import openpyxl

    book = openpyxl.Workbook(write_only=False)
    sheet = book.active
    sheet.title = "Заказ"
    sheet.append(["Заказ покупателя № 418 от 30.11.2026"])
    sheet.merge_cells("A1:G1")
    sheet.append(["Покупатель: ООО «Бенч-субдилер», ИНН 7700000000"])
    sheet.append([])
    sheet.append(["№", "Наименование", "Ед.", "Кол-во", "Артикул", "Цена", "Сумма"])
    bad = 0
    for i in range(rows):
        sku = skus[i % len(skus)]
        quantity: object = [12, "12 шт", "1 000", 12.0, " 5 "][i % 5]
        if i % 7 == 3:
            sku = f"  {sku.lower()} "
        if i % BAD_EVERY == 50:
            sku, bad = sku.strip() + "-X", bad + 1
        elif i % BAD_EVERY == 99:
            quantity, bad = "2,5", bad + 1
        if i and i % 500 == 0:
            sheet.append([])
            sheet.append([None, f"Раздел {i // 500}"])
        sheet.append([i + 1, f"Товар {i + 1}", "шт", quantity, sku, 100.0, 1200.0])
    sheet.append([None, "Итого", None, rows * 12, None, None, rows * 1200])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), bad


def _orderable_skus(buyer, count: int) -> list[str]:
    from backend.catalog.models import ProductVariant

    return list(ProductVariant.objects.filter(product__is_published=True, unit="PCS",
                                              min_order_quantity=1, order_multiple=1)
                .order_by("pk").values_list("sku", flat=True)[:count])


class _Rollback(Exception):
    pass


def run(rows: int = 10_000, runs: int = 3) -> OrderFileResult:
    from django.conf import settings
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from backend.accounts.models import Membership
    from backend.checkout.files.apply import apply_order_file
    from backend.checkout.files.stored import guessed_columns
    from backend.checkout.files.upload import upload_order_file

    membership = (Membership.objects.select_related("organization", "user")
                  .filter(user__email="bench.subdealer@bench.local").first())
    if membership is None:
        raise SystemExit("No benchmark data: run `make bench-data` (python -m bench.generate).")
    user, buyer = membership.user, membership.organization
    skus = _orderable_skus(buyer, rows)
    content, expected_bad = messy_workbook(skus, rows)
    settings.CART_MAX_LINES = max(settings.CART_MAX_LINES, rows + 1)

    def once():
        timings = []
        try:
            with transaction.atomic():
                started = time.perf_counter()
                order_file = upload_order_file(user, buyer, io.BytesIO(content),
                                               filename="Заказ 418.xlsx", size=len(content))
                timings.append(time.perf_counter() - started)
                if tracemalloc.is_tracing():
                    peaks.append(tracemalloc.get_traced_memory()[1])
                    tracemalloc.reset_peak()
                columns, _ = guessed_columns(order_file)
                started = time.perf_counter()
                applied = apply_order_file(user, order_file, columns)
                timings.append(time.perf_counter() - started)
                raise _Rollback(applied, timings)
        except _Rollback as done:
            return done.args

    uploads, applies, peaks, cpus = [], [], [], []
    with CaptureQueriesContext(connection) as captured:
        applied, _timings = once()
    queries = len(captured)
    for _ in range(runs):
        cpu_started = time.process_time()
        _, (upload_s, apply_s) = once()
        cpus.append(time.process_time() - cpu_started)
        uploads.append(upload_s)
        applies.append(apply_s)
    tracemalloc.start()
    once()
    peaks.append(tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    totals = [u + a for u, a in zip(uploads, applies, strict=True)]
    return OrderFileResult(
        rows=rows, file_bytes=len(content), runs=runs, median_s=statistics.median(totals),
        upload_median_s=statistics.median(uploads), apply_median_s=statistics.median(applies),
        cpu_median_s=statistics.median(cpus),
        queries=queries, upload_peak_mb=peaks[0] / 2**20, apply_peak_mb=peaks[1] / 2**20,
        added=applied.added_count, skipped=applied.skipped_count,
        expected_skipped=expected_bad)


def main() -> int:
    from bench import cli

    return cli("python -m bench.order_file", __doc__, run, rows=10_000, runs=3)


if __name__ == "__main__":
    sys.exit(main())
