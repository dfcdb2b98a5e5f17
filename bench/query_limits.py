"""The heaviest queries the limits accept from an anonymous visitor, timed.

    python -m bench.query_limits [--runs 3]

Each hostile shape (a search with its count, pages of search results, catalog pages,
lookups by id, SKU lists, attribute filters, category trees) is repeated under more and
more aliases until the query limits (``GRAPHQL_MAX_COST``, ``GRAPHQL_MAX_QUERY_FIELDS``,
the document size) refuse it; the largest accepted document is then sent anonymously
through the real endpoint and timed. It prints, per shape, the aliases accepted, the
document's cost and query fields, and the median time. **Target: every median under a
second**, and PASS or FAIL.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

TARGET_MS = 1000.0
MAX_ALIASES = 5000

VARIANT = "id sku name unit packSize minOrderQuantity orderMultiple"
CARD = (f"id name slug category {{ id name }} thumbnail(size: 256) {{ url }} "
        f"variants {{ {VARIANT} }}")


@dataclass(frozen=True)
class ShapeResult:
    name: str
    aliases: int
    cost: int
    query_fields: int
    median_ms: float
    error: str | None = None


@dataclass(frozen=True)
class QueryLimitsResult:
    shapes: list[ShapeResult]
    runs: int

    @property
    def passed(self) -> bool:
        return all(s.error is None and s.median_ms < TARGET_MS for s in self.shapes)

    def report(self) -> str:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        lines = [f"Heaviest accepted anonymous queries ({self.runs} runs each; load average "
                 f"{load} at the end)",
                 f"  {'shape':32} {'aliases':>7} {'cost':>7} {'fields':>6} {'median':>10}"]
        for s in self.shapes:
            if s.error:
                lines.append(f"  {s.name:32} {s.aliases:7d}  ERROR {s.error}")
                continue
            lines.append(f"  {s.name:32} {s.aliases:7d} {s.cost:7d} {s.query_fields:6d} "
                         f"{s.median_ms:7.1f} ms")
        verdict = "PASS" if self.passed else "FAIL"
        lines.append(f"  target: every median < {TARGET_MS:.0f} ms -> {verdict}")
        return "\n".join(lines)


def _shapes() -> list[tuple[str, Callable[[int], str]]]:
    """(name, alias i -> one aliased root field) for each hostile shape."""
    from graphql_relay import offset_to_cursor, to_global_id

    from backend.catalog.models import Attribute, Product, ProductVariant

    product_ids = list(Product.objects.filter(is_published=True)
                       .order_by("pk").values_list("pk", flat=True)[:MAX_ALIASES])
    skus = list(ProductVariant.objects.order_by("pk").values_list("sku", flat=True)[:500])
    attribute_filters = ", ".join(
        f'{{slug: "{a.slug}", values: {json.dumps([v.slug for v in a.values.all()[:3]])}}}'
        for a in Attribute.objects.filter(filterable=True).prefetch_related("values")[:3])

    def after(offset: int) -> str:
        """Each alias its own page, so no two answer from the same rows."""
        return f', after: "{offset_to_cursor(offset)}"' if offset >= 0 else ""

    def search_count(term: str) -> Callable[[int], str]:
        return lambda i: f'a{i}: products(first: 1, filter: {{search: "{term}"}}) {{ totalCount }}'

    return [
        ("search + count 'дверь'", search_count("дверь")),
        ("search + count 'краска фасадная'", search_count("краска фасадная")),
        ("search + count 'x'", search_count("x")),
        ("search pages of 100", lambda i: (
            f'a{i}: products(first: 100, filter: {{search: "дверь {i}"}}) '
            f"{{ edges {{ node {{ {CARD} }} }} }}")),
        ("catalog pages of 100", lambda i: (
            f"a{i}: products(first: 100{after(i * 100 - 1)}) "
            f"{{ totalCount edges {{ node {{ {CARD} }} }} }}")),
        ("products by id", lambda i: (
            f'a{i}: node(id: "{to_global_id("Product", product_ids[i % len(product_ids)])}") '
            f"{{ id ... on Product {{ {CARD} }} }}")),
        ("variants by 500 SKUs", lambda i: (
            f"a{i}: variants(first: 100, skus: {json.dumps(skus[i:] + skus[:i])}) "
            f"{{ totalCount edges {{ node {{ {VARIANT} }} }} }}")),
        ("attribute filters", lambda i: (
            f"a{i}: products(first: 100{after(i - 1)}, "
            f"filter: {{attributes: [{attribute_filters}]}}) "
            f"{{ totalCount edges {{ node {{ {CARD} }} }} }}")),
        ("facets of the whole catalog", lambda i: (
            f"a{i}: productFacets {{ attribute {{ id name }} "
            "values { count value { id name } } }")),
        ("category trees", lambda i: (
            f"a{i}: categories(first: 100{after(i - 1)}) "
            "{ totalCount edges { node { id name children { id name } "
            "ancestors { id name } parent { id name } } } }")),
    ]


def _document(make: Callable[[int], str], aliases: int) -> str:
    return "{ " + "\n".join(make(i) for i in range(aliases)) + " }"


def _verdict(query: str):
    """(accepted, cost, query fields) by the endpoint's own limits, without running it."""
    from backend.api.schema import schema
    from backend.core.graphql.cost import check_query_limits, operation_plans, query_cost
    from backend.core.graphql.view import prepare_document

    graphql_schema = schema.graphql_schema
    prepared = prepare_document(graphql_schema, query)
    if prepared.errors:
        return False, 0, 0
    accepted = check_query_limits(prepared, None, {}, graphql_schema) is None
    fields = max(p.query_fields for p in operation_plans(prepared, None, graphql_schema))
    return accepted, query_cost(prepared, None, {}, graphql_schema), fields


def _largest_accepted(make: Callable[[int], str]) -> int:
    """The most aliases the limits accept (0 if not even one)."""
    low, high = 0, 1
    while high <= MAX_ALIASES and _verdict(_document(make, high))[0]:
        low, high = high, high * 2
    high = min(high, MAX_ALIASES + 1)
    while high - low > 1:
        middle = (low + high) // 2
        if _verdict(_document(make, middle))[0]:
            low = middle
        else:
            high = middle
    return low


def _measure(name: str, make: Callable[[int], str], runs: int) -> ShapeResult:
    from django.test import Client

    aliases = _largest_accepted(make)
    if aliases == 0:
        return ShapeResult(name, 0, 0, 0, 0.0)
    query = _document(make, aliases)
    _, cost, fields = _verdict(query)
    body = json.dumps({"query": query})
    client = Client()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.post("/graphql/", body, content_type="application/json")
        samples.append((time.perf_counter() - started) * 1000)
        answer = response.json()
        if response.status_code != 200 or answer.get("errors"):
            return ShapeResult(name, aliases, cost, fields, 0.0,
                               error=f"{response.status_code} {str(answer)[:200]}")
    return ShapeResult(name, aliases, cost, fields, statistics.median(samples))


def run(runs: int = 3) -> QueryLimitsResult:
    """Measure; Django must already be set up on the benchmark database."""
    from backend.catalog.models import Product

    if not Product.objects.exists():
        raise SystemExit("No benchmark data: run `make bench-data` (python -m bench.generate).")
    return QueryLimitsResult([_measure(name, make, runs) for name, make in _shapes()], runs)


def main() -> int:
    from bench import cli

    return cli("python -m bench.query_limits", __doc__, run, runs=3)


if __name__ == "__main__":
    sys.exit(main())
