"""W1 with the viewer's price and stock per warehouse, side by side with W1 without, in one
run.

    python -m bench.catalog_stock [--runs 100] [--warmups 5]

As the bench sub-dealer's buyer, through the real GraphQL endpoint, the four pages taking
turns (the machine's drift weighs on all alike):

- W1 as ``bench.catalog_page`` sends it (100 products with all their variants);
- the same page with every variant's ``price`` and ``priceTiers`` (as ``bench.catalog_prices``);
- the same page with every variant's ``stock`` (per warehouse the viewer sees, with its
  incoming supply) and ``availability``, and every product's ``availability``;
- the page with both: the catalog as a signed-in buyer sees it.

Printed: each median, p95 and process CPU time, the SQL queries for ``first: 20`` and
``first: 100`` (equal, or the run fails), the fast-path fallbacks (0, or the run fails),
the ratios to W1 without, and how many of the page's variants show some stock.

Stock data: the bench generator's warehouses when it made some (``bench.generate``); else
this module seeds its own once (``seed_stock``: 50 warehouses, stock for every variant in
about five of them, incoming supply for every 20th), so the benchmark runs on any bench
database.

Targets: W1 with price and stock under 50 ms median and within 30% of W1 without; equal
query counts and no fallback.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from typing import Any

from bench.catalog_page import PAGE, QUERY, _count_queries, _graphql_call, _percentile
from bench.catalog_prices import _PRICE_FIELDS, SMALL_PAGE, _alternating

TARGET_MS = 50.0
TARGET_RATIO = 1.3

_STOCK_FIELDS = """
        stock { warehouse { id name city shownAs } available { exact band inStock }
                incoming { quantity { exact band } expectedDate } }
        availability { inStock available { exact band } nextIncomingDate }"""
_PRODUCT_STOCK = "\n      availability { inStock available { exact band } nextIncomingDate }"


def _page(name: str, variant_fields: str, product_fields: str = "") -> str:
    return QUERY.replace("query CatalogPage($first: Int!)", f"query {name}($first: Int!)"
                         ).replace("minOrderQuantity orderMultiple }",
                                   f"minOrderQuantity orderMultiple {variant_fields}\n      }}"
                                   f"{product_fields}")


PRICES_QUERY = _page("CatalogPagePrices", _PRICE_FIELDS)
STOCK_QUERY = _page("CatalogPageStock", _STOCK_FIELDS, _PRODUCT_STOCK)
BOTH_QUERY = _page("CatalogPagePricesStock", _PRICE_FIELDS + _STOCK_FIELDS, _PRODUCT_STOCK)


@dataclass(frozen=True)
class Series:
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    queries_small: int
    queries_page: int
    fallbacks: int

    @property
    def constant(self) -> bool:
        return self.queries_small == self.queries_page


@dataclass(frozen=True)
class CatalogStockResult:
    runs: int
    plain: Series
    priced: Series
    stocked: Series
    both: Series
    variants: int
    variants_in_stock: int
    warehouses_seen: int
    seeded: bool

    @property
    def ratio(self) -> float:
        return self.both.median_ms / self.plain.median_ms

    @property
    def passed(self) -> bool:
        series = (self.plain, self.priced, self.stocked, self.both)
        return (self.both.median_ms < TARGET_MS and self.ratio <= TARGET_RATIO
                and all(s.constant and not s.fallbacks for s in series)
                and self.variants_in_stock > 0)

    def report(self) -> str:
        def row(label: str, s: Series) -> str:
            same = "equal" if s.constant else "NOT EQUAL"
            ratio = s.median_ms / self.plain.median_ms
            cpu = s.cpu_median_ms / self.plain.cpu_median_ms
            return (f"  {label:<28}{s.median_ms:8.1f} ms  p95 {s.p95_ms:6.1f} ms  CPU "
                    f"{s.cpu_median_ms:6.1f} ms  x{ratio:5.2f} (CPU x{cpu:4.2f})   queries "
                    f"{s.queries_small} / {s.queries_page} ({same})   fallbacks {s.fallbacks}")

        return "\n".join([
            f"W1 with price and stock ({PAGE} products with all their variants, as the "
            f"sub-dealer's buyer, {self.runs} runs each, alternating; queries for "
            f"first:{SMALL_PAGE} / first:{PAGE}; ratios to W1 without)",
            row("W1 without price and stock", self.plain),
            row("W1 with prices + tiers", self.priced),
            row("W1 with stock per warehouse", self.stocked),
            row("W1 with price and stock", self.both),
            f"  variants in stock           {self.variants_in_stock:5d} of {self.variants} "
            f"({self.warehouses_seen} warehouses shown on the page"
            f"{'; stock seeded by this benchmark' if self.seeded else ''})",
            f"  target: with price and stock < {TARGET_MS:.0f} ms and <= {TARGET_RATIO:.1f} x "
            f"without, equal query counts, no fallback -> {'PASS' if self.passed else 'FAIL'}",
        ])


def seed_stock() -> bool:
    """Warehouses and stock for the bench sub-dealer's network when the data set has none
    (True when it seeded): the manufacturer's 3 factories (hidden below its dealers) and
    44 regional warehouses (half shown to sub-dealers in bands), the dealer's stock
    center, the sub-dealer's own and a sibling's shared one; every variant in about five
    of them, incoming supply for every 20th."""
    from django.db import connection, transaction

    from bench.price_cart import sub_dealer
    from inventory.models import QuantityDisplay, Warehouse, WarehouseKind

    if Warehouse.objects.exists():
        return False
    sub = sub_dealer()
    dealer = sub.parent
    factory = dealer.parent or dealer
    sibling = dealer.children.exclude(pk=sub.pk).order_by("pk").first()
    rows = [Warehouse(owner=factory, kind=WarehouseKind.FACTORY, code=f"BF-{n}",
                      name=f"Завод {n}", region="Москва", priority=n,
                      display=QuantityDisplay.EXACT, network_display=QuantityDisplay.HIDDEN)
            for n in range(3)]
    rows += [Warehouse(owner=factory, kind=WarehouseKind.REGIONAL, code=f"BR-{n}",
                       name=f"Региональный склад {n}", region="Москва", priority=10 + n,
                       display=QuantityDisplay.EXACT,
                       network_display=QuantityDisplay.BANDS if n % 2 else QuantityDisplay.HIDDEN)
             for n in range(44)]
    rows += [Warehouse(owner=owner, kind=WarehouseKind.STOCK_CENTER, code=code, name=code,
                       region="Москва", shared_with_network=True)
             for owner, code in ((dealer, "BD-1"), (sub, "BS-1"), (sibling or sub, "BS-2"))]
    with transaction.atomic():
        Warehouse.objects.bulk_create(rows)
        ids = list(Warehouse.objects.order_by("pk").values_list("pk", flat=True))
        with connection.cursor() as cursor:
            # Variant v sits in the warehouses whose position n has (v + n) % 10 == 0:
            # about five of fifty for each.
            cursor.execute("""
                INSERT INTO inventory_stockitem (warehouse_id, variant_id, on_hand, allocated,
                                                 updated_at)
                SELECT w.id, v.id, (v.id * 7 + w.n * 13) %% 300, 0, now()
                FROM catalog_productvariant v
                JOIN unnest(%s::bigint[]) WITH ORDINALITY AS w(id, n)
                  ON (v.id + w.n) %% 10 = 0""", [ids])
            cursor.execute("""
                INSERT INTO inventory_incomingsupply (warehouse_id, variant_id, quantity,
                    reserved, expected_date, reference, created_at, updated_at)
                SELECT %s, v.id, 100, 0, current_date + (v.id %% 30)::int + 1, '', now(), now()
                FROM catalog_productvariant v WHERE v.id %% 20 = 0""", [ids[3]])
            cursor.execute("ANALYZE inventory_stockitem; ANALYZE inventory_incomingsupply")
    return True


def _stock_seen(data: dict[str, Any]) -> tuple[int, int, int]:
    """(variants on the page, those in stock, distinct warehouses shown)."""
    variants = [v for edge in data["data"]["products"]["edges"]
                for v in edge["node"]["variants"]]
    warehouses = {s["warehouse"]["id"] for v in variants for s in v["stock"]}
    return len(variants), sum(v["availability"]["inStock"] for v in variants), len(warehouses)


def _counts(query: str) -> tuple[tuple[int, int], tuple[int, int]]:
    def warm(first: int) -> tuple[int, int]:
        call = _graphql_call(first, query)
        call()  # prices kept by a first page, as a buyer's later pages find them
        return _count_queries(call, first)

    return warm(SMALL_PAGE), warm(PAGE)


def _series(samples: tuple[list[float], list[float]],
            counts: tuple[tuple[int, int], tuple[int, int]]) -> Series:
    wall, cpu = samples
    small, page = counts
    return Series(median_ms=statistics.median(wall), p95_ms=_percentile(wall, 0.95),
                  cpu_median_ms=statistics.median(cpu), queries_small=small[0],
                  queries_page=page[0], fallbacks=small[1] + page[1])


def run(runs: int = 100, warmups: int = 5) -> CatalogStockResult:
    """Measure; Django must already be set up on the benchmark database."""
    seeded = seed_stock()
    queries = (QUERY, PRICES_QUERY, STOCK_QUERY, BOTH_QUERY)
    counts = [_counts(query) for query in queries]
    calls = [_graphql_call(PAGE, query) for query in queries]
    variants, in_stock, warehouses = _stock_seen(calls[3]())
    samples = _alternating([lambda call=call: call(decode=False) for call in calls], runs,
                           warmups)
    plain, priced, stocked, both = (_series(s, c) for s, c in zip(samples, counts,
                                                                   strict=True))
    return CatalogStockResult(runs=runs, plain=plain, priced=priced, stocked=stocked,
                              both=both, variants=variants, variants_in_stock=in_stock,
                              warehouses_seen=warehouses, seeded=seeded)


def main() -> int:
    from bench import cli

    return cli("python -m bench.catalog_stock", __doc__, run, runs=100, warmups=5)


if __name__ == "__main__":
    sys.exit(main())
