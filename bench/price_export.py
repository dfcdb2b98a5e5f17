"""W4 price list export: one dealer's 100,000-row price list as xlsx, through the real
download view, with memory bounded.

    python -m bench.price_export [--rows 100000]

Two workbooks, each fetched from a signed link (``priceListExport``'s) by
``django.test.Client`` and read chunk by chunk as a browser would, never held whole:

- the dealer's own 100,000-row resale list (``/downloads/prices/<token>/`` for the list),
  beside a raw-SQL baseline that reads the same rows with a server-side cursor;
- "download my price list": every variant the dealer may see, resolved for it by
  ``load_price_context`` + ``resolve_many`` in batches, one row per tier.

Each prints its time (and the process's CPU time, the steadier figure on a shared
machine: the database's own work is not in it), rows, file size and the peak of the
process's resident memory above where it started (sampled every 10 ms), which stays
bounded whatever the number of rows: rows are read in batches, openpyxl's write-only
sheet spools them to a temporary file, and the finished workbook is streamed from another
(so the first byte comes when the workbook is complete). If the benchmark data lacks the
lists (``bench.generate`` may not make them), they are created first: the manufacturer's
base list for every variant (tiers from 1, 10, 50) assigned as its default, and the
dealer's resale list of ``--rows`` entries. Target: each under 20 s, peak under 256 MB.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

TARGET_S = 20.0
MEMORY_BOUND_MB = 256.0
BASE_NAME = "Bench: base list"
RESALE_NAME = "Bench: dealer resale list"


class PeakMemory:
    """The process's resident memory, sampled in a thread: the peak above the start."""

    def __init__(self, every: float = 0.01) -> None:
        self.every = every
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.start = self.peak = self._rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * self.page

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            time.sleep(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())

    @property
    def delta_mb(self) -> float:
        return (self.peak - self.start) / 2**20


@dataclass(frozen=True)
class Export:
    name: str
    seconds: float
    rows: int
    bytes: int
    peak_mb: float
    first_byte_s: float
    cpu_seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.seconds < TARGET_S and self.peak_mb < MEMORY_BOUND_MB

    def line(self) -> str:
        return (f"  {self.name:<34} {self.seconds:6.2f} s (cpu {self.cpu_seconds:5.2f} s)  "
                f"{self.rows:>8,} rows  "
                f"{self.bytes / 2**20:6.1f} MB xlsx  peak +{self.peak_mb:5.1f} MB RSS  "
                f"(first byte {self.first_byte_s:.2f} s) {'ok' if self.passed else 'MISSED'}")


@dataclass(frozen=True)
class PriceExportResult:
    dealer: str
    created: list[str]
    exports: list[Export]
    raw_seconds: float
    raw_rows: int

    @property
    def passed(self) -> bool:
        return all(e.passed for e in self.exports)

    def report(self) -> str:
        made = f" (created: {', '.join(self.created)})" if self.created else ""
        lines = [f"W4 price list export as xlsx, for {self.dealer}{made}; target < "
                 f"{TARGET_S:.0f} s and peak < {MEMORY_BOUND_MB:.0f} MB each"]
        lines += [e.line() for e in self.exports]
        listed = self.exports[0]
        lines.append(f"  raw SQL, the list's rows only        {self.raw_seconds:6.2f} s  "
                     f"{self.raw_rows:>8,} rows  (the workbook takes "
                     f"{listed.seconds / max(self.raw_seconds, 1e-9):.1f}x: the xlsx is the work)")
        return "\n".join(lines)


def _ensure_lists(rows: int) -> tuple[object, object, list[str]]:
    """The bench dealer, its resale list of ``rows`` entries, and what had to be made."""
    from django.db import connection, transaction

    from backend.accounts.models import Membership, Organization
    from price_rules.models import PriceList, PriceListAssignment, PriceListEntry, PriceListKind

    dealer = Membership.objects.select_related("organization").get(
        user__email="bench.dealer@bench.local").organization
    manufacturer = Organization.objects.get(parent__isnull=True)
    from backend.catalog.models import ProductVariant

    entries = PriceListEntry._meta.db_table
    rows = min(rows, ProductVariant.objects.count())
    created = []
    with transaction.atomic():
        if not PriceList.objects.filter(owner=manufacturer, is_base=True).exists():
            base = PriceList.objects.create(owner=manufacturer, name=BASE_NAME, is_base=True)
            PriceListAssignment.objects.create(price_list=base, is_owner_default=True)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {entries} (price_list_id, variant_id, min_quantity, price, unit)"
                    " SELECT %s, v.id, q.quantity, round((100 + v.id %% 9000) * q.factor, 2), ''"
                    " FROM catalog_productvariant v, (VALUES (1, 1.0), (10, 0.95), (50, 0.9))"
                    " AS q(quantity, factor)", [base.pk])
            created.append("the manufacturer's base list")
        resale = PriceList.objects.filter(owner=dealer, name=RESALE_NAME).first()
        if resale is None or resale.entries.count() < rows:
            if resale is None:
                resale = PriceList.objects.create(owner=dealer, name=RESALE_NAME,
                                                  kind=PriceListKind.RESALE)
            PriceListEntry.objects.filter(price_list=resale).delete()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {entries} (price_list_id, variant_id, min_quantity, price, unit)"
                    " SELECT %s, v.id, 1, round((100 + v.id %% 9000) * 1.3, 2), ''"
                    " FROM catalog_productvariant v ORDER BY v.id LIMIT %s", [resale.pk, rows])
            created.append(f"the dealer's resale list of {rows:,} rows")
    if created:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {entries}")
    return dealer, resale, created


def _download(viewer, price_list_id: int | None, name: str) -> Export:
    from django.test import Client

    from price_rules.excel.downloads import sign_download

    url = sign_download(viewer, price_list_id=price_list_id, language="ru").url
    size = 0
    first = None
    with PeakMemory() as memory:
        cpu = time.process_time()
        started = time.perf_counter()
        response = Client().get(url)
        assert response.status_code == 200, response.status_code
        for chunk in response.streaming_content:
            if first is None:
                first = time.perf_counter() - started
            size += len(chunk)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    return Export(name, seconds, 0, size, memory.delta_mb, first or seconds, cpu)


def _count_rows_of(viewer, price_list_id: int | None) -> int:
    """Data rows the workbook holds, counted by reading it back (outside the timing)."""
    import io

    from django.test import Client

    from backend.core.sheets.rows import read_rows
    from price_rules.excel.downloads import sign_download

    url = sign_download(viewer, price_list_id=price_list_id, language="ru").url
    content = b"".join(Client().get(url).streaming_content)
    return sum(1 for _ in read_rows(io.BytesIO(content), max_part_bytes=2**31)) - 1


def _raw_rows(price_list_id: int) -> tuple[float, int]:
    """The same rows by one SQL statement through a server-side cursor, nothing else."""
    from django.db import connection, transaction

    started = time.perf_counter()
    count = 0
    with transaction.atomic(), connection.chunked_cursor() as cursor:
        cursor.execute(
            "SELECT v.sku, p.name, v.name, e.min_quantity, e.price, e.unit "
            "FROM price_rules_pricelistentry e "
            "JOIN catalog_productvariant v ON v.id = e.variant_id "
            "JOIN catalog_product p ON p.id = v.product_id WHERE e.price_list_id = %s "
            "ORDER BY v.sku, e.min_quantity", [price_list_id])
        while batch := cursor.fetchmany(5000):
            count += len(batch)
    return time.perf_counter() - started, count


def run(rows: int = 100_000) -> PriceExportResult:
    from backend.accounts.models import User
    from backend.accounts.tokens import AccessClaims
    from backend.accounts.viewer import viewer_for_claims

    dealer, resale, created = _ensure_lists(rows)
    user = User.objects.get(email="bench.dealer@bench.local")
    viewer = viewer_for_claims(AccessClaims(user.pk, user.token_version), dealer.pk)
    raw_seconds, raw_rows = _raw_rows(resale.pk)
    exports = []
    for list_id, name in ((resale.pk, "the dealer's resale list"),
                          (None, "download my price list (resolved)")):
        export = _download(viewer, list_id, name)
        counted = _count_rows_of(viewer, list_id)
        exports.append(Export(export.name, export.seconds, counted, export.bytes,
                              export.peak_mb, export.first_byte_s, export.cpu_seconds))
    return PriceExportResult(dealer=dealer.name, created=created, exports=exports,
                             raw_seconds=raw_seconds, raw_rows=raw_rows)


def main() -> int:
    from bench import cli

    return cli("python -m bench.price_export", __doc__, run, rows=100_000)


if __name__ == "__main__":
    raise SystemExit(main())
