"""W1 with the viewer's prices, side by side with W1 without, in one run.

    python -m bench.catalog_prices [--runs 200] [--warmups 5] [--sort-runs 20] [--cold-runs 10]

As the bench sub-dealer's buyer (its dealer prices a fiftieth of the catalog with a resale
list, nine of its sub-dealers with personal lists, the rest by its markup over its own
purchase price from the manufacturer's personal, group and base lists; promotions at both
links; MAP floors), through the real GraphQL endpoint:

- W1 as ``bench.catalog_page`` sends it (100 products with all their variants);
- the same page with every variant's ``price`` (at its minimum order, with the next tier and
  the promotions applied) and ``priceTiers``: warm (the buyer's prices kept by an earlier
  page, ``price_rules/schema/kept_prices.py``) and cold (the first page after a rules change:
  one base entry written again before each timed request, which raises the rules version);
- that page sorted by the viewer's price (``sortBy: {field: PRICE}``).

The two W1 requests alternate, so that the machine's drift (it is shared) weighs on both
alike. Printed: each median and p95, the ratio priced / plain (warm), the SQL queries of
each request for 20 and for 100 products (equal, or the run fails; warm pages counted warm,
cold ones cold), the fallbacks from the
execution fast path (0, or the run fails), the share of variants priced, and the floor:
raw SQL returning the page, its variants and each variant's price (the three statements a
hand-written endpoint would need, the price one being ``price_rules.sort_keys``' statement
per variant; its prices are checked equal to the API's).

Targets: W1 with prices (warm) under 50 ms median and within 20% of W1 without; sorted by
price under 100 ms median. The cold page is reported, not judged.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bench.catalog_page import (
    PAGE,
    QUERY,
    RAW_PAGE_SQL,
    RAW_VARIANTS_SQL,
    _count_queries,
    _graphql_call,
    _percentile,
    _time,
)

TARGET_MS = 50.0
TARGET_RATIO = 1.2
TARGET_SORTED_MS = 100.0
SMALL_PAGE = 20

_PRICE_FIELDS = """
        price { currency net gross listNet listGross minQuantity unit
                nextTier { minQuantity net gross } promotions { id name kind value } }
        priceTiers { minQuantity net gross }"""
PRICES_QUERY = QUERY.replace("query CatalogPage($first: Int!)",
                             "query CatalogPagePrices($first: Int!)").replace(
    "minOrderQuantity orderMultiple }",
    f"minOrderQuantity orderMultiple {_PRICE_FIELDS}\n      }}")
SORTED_QUERY = PRICES_QUERY.replace(
    "query CatalogPagePrices($first: Int!)",
    "query CatalogPageByPrice($first: Int!, $sortBy: ProductSortingInput)").replace(
    "products(first: $first)", "products(first: $first, sortBy: $sortBy)")
BY_PRICE = {"sortBy": {"field": "PRICE", "direction": "ASC"}}


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
class CatalogPricesResult:
    runs: int
    plain: Series
    priced: Series
    cold: Series | None
    sorted: Series | None
    raw_median_ms: float
    raw_queries: int
    variants: int
    variants_priced: int
    raw_mismatches: int

    @property
    def ratio(self) -> float:
        return self.priced.median_ms / self.plain.median_ms

    @property
    def passed(self) -> bool:
        series = [self.plain, self.priced, *([self.sorted] if self.sorted else []),
                  *([self.cold] if self.cold else [])]
        return (self.priced.median_ms < TARGET_MS and self.ratio <= TARGET_RATIO
                and (self.sorted is None or self.sorted.median_ms < TARGET_SORTED_MS)
                and all(s.constant and not s.fallbacks for s in series)
                and self.variants_priced > 0 and not self.raw_mismatches)

    def report(self) -> str:
        def row(label: str, s: Series) -> str:
            same = "equal" if s.constant else "NOT EQUAL"
            return (f"  {label:<24}{s.median_ms:8.1f} ms  p95 {s.p95_ms:6.1f} ms  CPU "
                    f"{s.cpu_median_ms:6.1f} ms   queries {s.queries_small} / "
                    f"{s.queries_page} ({same})   fallbacks {s.fallbacks}")

        lines = [
            f"W1 with prices ({PAGE} products with all their variants, as the sub-dealer's "
            f"buyer, {self.runs} runs each, alternating; queries for first:{SMALL_PAGE} / "
            f"first:{PAGE})",
            row("W1 without prices", self.plain),
            row("W1 with prices + tiers", self.priced),
        ]
        if self.cold is not None:
            lines.append(row("  cold, after a change", self.cold))
        if self.sorted is not None:
            lines.append(row("  sorted by price", self.sorted))
        else:
            lines.append("  sorted by price          (ProductSortField.PRICE not in the schema)")
        lines += [
            f"  priced / plain          {self.ratio:8.2f} x    (target <= {TARGET_RATIO:.2f}; "
            f"CPU time {self.priced.cpu_median_ms / self.plain.cpu_median_ms:.2f} x)",
            f"  variants priced         {self.variants_priced:5d} of {self.variants}",
            f"  raw SQL floor           {self.raw_median_ms:8.1f} ms  ({self.raw_queries} "
            f"statements: page, variants, prices; {self.raw_mismatches} prices differ "
            "from the API's)",
            f"  priced / raw SQL        {self.priced.median_ms / self.raw_median_ms:8.1f} x",
            f"  target: with prices < {TARGET_MS:.0f} ms and <= {TARGET_RATIO:.1f} x without, "
            f"sorted < {TARGET_SORTED_MS:.0f} ms, equal query counts, no fallback -> "
            f"{'PASS' if self.passed else 'FAIL'}",
        ]
        return "\n".join(lines)


def _series(samples: tuple[list[float], list[float]], small: tuple[int, int],
            page: tuple[int, int]) -> Series:
    wall, cpu = samples
    return Series(median_ms=statistics.median(wall), p95_ms=_percentile(wall, 0.95),
                  cpu_median_ms=statistics.median(cpu),
                  queries_small=small[0], queries_page=page[0], fallbacks=small[1] + page[1])


def _alternating(calls: list[Callable[[], object]], runs: int,
                 warmups: int) -> list[tuple[list[float], list[float]]]:
    """(wall ms, process CPU ms) of each call, the calls taking turns."""
    for _ in range(warmups):
        for call in calls:
            call()
    samples: list[tuple[list[float], list[float]]] = [([], []) for _ in calls]
    for _ in range(runs):
        for call, (wall, cpu) in zip(calls, samples, strict=True):
            started, cpu_started = time.perf_counter(), time.process_time()
            call()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
    return samples


def _api_prices(data: dict[str, Any]) -> tuple[int, dict[str, Decimal]]:
    """(variants on the page, {variant global id: gross price} of the priced ones)."""
    variants = [v for edge in data["data"]["products"]["edges"]
                for v in edge["node"]["variants"]]
    return len(variants), {v["id"]: Decimal(v["price"]["gross"]) for v in variants
                           if v["price"] is not None}


def _raw_floor(buyer) -> Callable[[], list[Any]]:
    """The page, its variants and each variant's price at its minimum order, in raw SQL.

    The price statement is built once, from the viewer's rules (as a hand-written endpoint
    would prepare it), by ``price_rules.sort_keys``' builder over the page's products."""
    from django.db import connection
    from django.utils import timezone

    from backend.accounts.models import Organization
    from price_rules.services.context import load_price_context
    from price_rules.sort_keys import _Builder

    context = load_price_context(buyer, [], timezone.localdate())
    root = Organization.objects.get(id=context.floors.owner_id)
    builder = _Builder(context, root, "SELECT unnest(%s::bigint[])", [None])
    top = builder.link(0)
    prices_sql = (f"WITH {', '.join(builder.sql.parts)} SELECT kv.id, {top}.net, "
                  f"{top}.gross FROM kv JOIN {top} ON {top}.variant_id = kv.id")

    def call() -> list[Any]:
        with connection.cursor() as cursor:
            cursor.execute(RAW_PAGE_SQL, [PAGE + 1])
            page = cursor.fetchall()[:PAGE]
            products = [row[0] for row in page]
            cursor.execute(RAW_VARIANTS_SQL, [products])
            variants = cursor.fetchall()
            cursor.execute(prices_sql, [products, *builder.sql.params[1:]])
            return [page, variants, cursor.fetchall()]

    return call


def _sort_available() -> bool:
    from backend.api.schema import schema

    sort_field = schema.graphql_schema.get_type("ProductSortField")
    return sort_field is not None and "PRICE" in getattr(sort_field, "values", {})


def _warm_count(call: Callable[[], dict[str, Any]], first: int) -> tuple[int, int]:
    """(SQL queries, fallbacks) of a request made again: its prices kept by the first."""
    call()
    return _count_queries(call, first)


def _cold_count(call: Callable[[], dict[str, Any]], first: int) -> tuple[int, int]:
    """(SQL queries, fallbacks) of the first request after a rules change."""
    from bench.price_sort import _change_a_price

    _change_a_price()
    return _count_queries(call, first)


def _cold(call: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """(wall ms, process CPU ms) of ``call`` made each time just after a rules change (the
    change itself not timed)."""
    from bench.price_sort import _change_a_price

    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        _change_a_price()
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return wall, cpu


def run(runs: int = 200, warmups: int = 5, sort_runs: int = 20,
        cold_runs: int = 10) -> CatalogPricesResult:
    """Measure; Django must already be set up on the benchmark database."""
    from graphql_relay import to_global_id

    from bench.price_cart import sub_dealer

    plain, priced = _graphql_call(PAGE), _graphql_call(PAGE, PRICES_QUERY)
    counts = {
        "plain": [_warm_count(_graphql_call(n), n) for n in (SMALL_PAGE, PAGE)],
        "priced": [_warm_count(_graphql_call(n, PRICES_QUERY), n) for n in (SMALL_PAGE, PAGE)],
        "cold": [_cold_count(_graphql_call(n, PRICES_QUERY), n) for n in (SMALL_PAGE, PAGE)],
    }
    sortable = _sort_available()
    if sortable:
        # Stored sort keys are filled by the first sort after a change (bench.price_sort
        # times that cold sort); the counts here are of the warm page.
        _graphql_call(SMALL_PAGE, SORTED_QUERY, BY_PRICE)()
        counts["sorted"] = [_warm_count(_graphql_call(n, SORTED_QUERY, BY_PRICE), n)
                            for n in (SMALL_PAGE, PAGE)]
    variants, api_prices = _api_prices(priced())
    raw = _raw_floor(sub_dealer())
    raw_prices = {to_global_id("ProductVariant", variant_id): gross
                  for variant_id, _net, gross in raw()[2]}
    mismatches = sum(raw_prices.get(key) != gross for key, gross in api_prices.items())

    plain_ms, priced_ms = _alternating([lambda: plain(decode=False),
                                        lambda: priced(decode=False)], runs, warmups)
    cold_ms = _cold(lambda: priced(decode=False), cold_runs)
    sorted_series = None
    if sortable:
        by_price = _graphql_call(PAGE, SORTED_QUERY, BY_PRICE)
        by_price()  # answers without errors
        sorted_series = _series(_time(lambda: by_price(decode=False), sort_runs,
                                      min(warmups, 3)), *counts["sorted"])
    raw_ms, _ = _time(raw, runs, warmups)
    return CatalogPricesResult(
        runs=runs, plain=_series(plain_ms, *counts["plain"]),
        priced=_series(priced_ms, *counts["priced"]),
        cold=_series(cold_ms, *counts["cold"]) if cold_runs else None, sorted=sorted_series,
        raw_median_ms=statistics.median(raw_ms), raw_queries=3, variants=variants,
        variants_priced=len(api_prices), raw_mismatches=mismatches)


def main() -> int:
    from bench import cli

    return cli("python -m bench.catalog_prices", __doc__, run, runs=200, warmups=5,
               sort_runs=20, cold_runs=10)


if __name__ == "__main__":
    sys.exit(main())
