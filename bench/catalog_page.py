"""W1 catalog page: one page of products with category, thumbnail and variants, through
GraphQL, as the benchmark sub-dealer's buyer.

    python -m bench.catalog_page [--runs 100] [--warmups 5]

The request goes through the whole Django stack in-process (middleware, authentication,
the GraphQL view), which is the server-side time; no network or browser is involved.
A raw-SQL baseline fetches the same answer in two queries, in the same run. The process
CPU time per request is printed beside the wall time: on a shared machine the wall time
drifts with the neighbours (the same code measured 22 and 41 ms minutes apart), and the
CPU time and the raw-SQL baseline show how fast the machine was at the time. The page
must be built by the execution fast path throughout: the report counts the fallbacks to
graphql-core's general path (0, or the run fails).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.signed_in import graphql_call

TARGET_MEDIAN_MS = 50.0
PAGE = 100

QUERY = """
query CatalogPage($first: Int!) {
  products(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name slug
      category { id name }
      thumbnail(size: 256) { url }
      variants { id sku name unit packSize minOrderQuantity orderMultiple }
    } }
  }
}
"""

# The same answer in two queries: the page (with category, first image and the total),
# then the page's variants.
RAW_PAGE_SQL = """
SELECT p.id, p.name, p.slug, c.id, c.name, img.thumbnails ->> '256', img.image,
       (SELECT count(*) FROM catalog_product WHERE is_published) AS total
FROM catalog_product p
JOIN catalog_category c ON c.id = p.category_id
LEFT JOIN LATERAL (
    SELECT i.image, i.thumbnails FROM catalog_productimage i
    WHERE i.product_id = p.id ORDER BY i.sort_order, i.id LIMIT 1
) img ON true
WHERE p.is_published
ORDER BY p.name, p.id
LIMIT %s
"""
RAW_VARIANTS_SQL = """
SELECT id, product_id, sku, name, unit, pack_size, min_order_quantity, order_multiple
FROM catalog_productvariant
WHERE product_id = ANY(%s)
ORDER BY product_id, sort_order, sku
"""


@dataclass(frozen=True)
class CatalogPageResult:
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    queries_first_10: int
    queries_first_100: int
    raw_median_ms: float
    runs: int
    fallbacks: int = 0  # to the general path, in the checked requests of 10 and 100


    @property
    def ratio(self) -> float:
        return self.median_ms / self.raw_median_ms

    @property
    def passed(self) -> bool:
        return (self.median_ms < TARGET_MEDIAN_MS
                and self.queries_first_10 == self.queries_first_100 and not self.fallbacks)

    def report(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        same = "equal" if self.queries_first_10 == self.queries_first_100 else "NOT EQUAL"
        return "\n".join([
            f"W1 catalog page ({PAGE} products with variants, as a sub-dealer buyer, "
            f"{self.runs} runs)",
            f"  GraphQL median        {self.median_ms:8.1f} ms",
            f"  GraphQL p95           {self.p95_ms:8.1f} ms",
            f"  CPU time median       {self.cpu_median_ms:8.1f} ms   (this process, per request)",
            f"  SQL queries first:10  {self.queries_first_10:8d}",
            f"  SQL queries first:100 {self.queries_first_100:8d}   ({same})",
            f"  raw SQL median        {self.raw_median_ms:8.1f} ms   (2 queries)",
            f"  GraphQL / raw         {self.ratio:8.1f} x",
            f"  fast-path fallbacks   {self.fallbacks:8d}   (first:10 and first:100)",
            f"  target: median < {TARGET_MEDIAN_MS:.0f} ms, equal query counts, "
            f"no fallback -> {verdict}",
        ])


def _percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def _time(call: Callable[[], object], runs: int, warmups: int) -> tuple[list[float], list[float]]:
    """(wall ms, process CPU ms) per call."""
    for _ in range(warmups):
        call()
    wall, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return wall, cpu


def _graphql_call(first: int, query: str = QUERY,
                  variables: dict[str, Any] | None = None) -> Callable[..., dict[str, Any]]:
    """The bench sub-dealer's buyer asking ``query`` for ``first`` products."""
    return graphql_call("bench.subdealer@bench.local", query,
                        {"first": first, **(variables or {})}, None)


def _count_queries(call: Callable[[], dict[str, Any]], first: int) -> tuple[int, int]:
    """(SQL queries, fast-path fallbacks) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from backend.core.graphql.view import PortalGraphQLView

    base = PortalGraphQLView.execution_context_class
    executions = []

    class Counted(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            executions.append(self)

    PortalGraphQLView.execution_context_class = Counted
    try:
        with CaptureQueriesContext(connection) as captured:
            data = call()
    finally:
        PortalGraphQLView.execution_context_class = base
    edges = data["data"]["products"]["edges"]
    if len(edges) != first or not all(e["node"]["variants"] for e in edges):
        raise SystemExit(f"expected {first} products with variants, got {len(edges)}")
    return len(captured), sum(execution.fallbacks for execution in executions)


def _raw_call() -> list[Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(RAW_PAGE_SQL, [PAGE + 1])
        page = cursor.fetchall()[:PAGE]
        cursor.execute(RAW_VARIANTS_SQL, [[row[0] for row in page]])
        return [page, cursor.fetchall()]


def run(runs: int = 100, warmups: int = 5) -> CatalogPageResult:
    """Measure; Django must already be set up on the benchmark database."""
    page = _graphql_call(PAGE)
    queries_10, fallbacks_10 = _count_queries(_graphql_call(10), 10)
    queries_100, fallbacks_100 = _count_queries(page, PAGE)
    page()  # answers without errors (checked once; timing skips the client's decoding)
    samples, cpu = _time(lambda: page(decode=False), runs, warmups)
    raw, _ = _time(_raw_call, runs, warmups)
    return CatalogPageResult(
        median_ms=statistics.median(samples), p95_ms=_percentile(samples, 0.95),
        cpu_median_ms=statistics.median(cpu),
        queries_first_10=queries_10, queries_first_100=queries_100,
        raw_median_ms=statistics.median(raw), runs=runs,
        fallbacks=fallbacks_10 + fallbacks_100,
    )


def main() -> int:
    from bench import cli

    return cli("python -m bench.catalog_page", __doc__, run, runs=100, warmups=5)


if __name__ == "__main__":
    sys.exit(main())
