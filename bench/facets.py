"""Facets and corrected searches on the benchmark data, as the benchmark sub-dealer's buyer.

    python -m bench.facets [--runs 20] [--warmups 2]

Facets (``productFacets``) count the attribute values of the products found, once per
request: for the whole catalog (every product and variant), inside a category, with a value
chosen (counts of the other attributes narrowed, its own not) and for a search. A
corrected search (``products`` with a typo or the wrong keyboard layout) finds nothing as
typed, then tries the corrections. Each request must run the same number of SQL queries as
its smaller twin and stay under the target.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass

TARGET_MEDIAN_MS = 300.0

FACETS = """
query Facets($filter: ProductFilterInput) {
  productFacets(filter: $filter) {
    attribute { id slug name unit }
    values { value { id slug name } count selected }
  }
}
"""

SEARCH = """
query Search($search: String) {
  products(first: 100, filter: {search: $search}) {
    totalCount searchCorrection
    edges { node { id name } }
  }
}
"""


@dataclass(frozen=True)
class Shape:
    name: str
    median_ms: float
    queries: int
    detail: str


@dataclass(frozen=True)
class FacetsResult:
    shapes: list[Shape]
    runs: int

    @property
    def passed(self) -> bool:
        return all(s.median_ms < TARGET_MEDIAN_MS for s in self.shapes)

    def report(self) -> str:
        lines = [f"Facets and corrected searches (as a sub-dealer buyer, {self.runs} runs)"]
        lines += [f"  {s.name:<38} {s.median_ms:8.1f} ms  {s.queries:3d} queries  {s.detail}"
                  for s in self.shapes]
        verdict = "PASS" if self.passed else "FAIL"
        lines.append(f"  target: every median < {TARGET_MEDIAN_MS:.0f} ms -> {verdict}")
        return "\n".join(lines)


def _shapes() -> list[tuple[str, str, dict]]:
    from graphql_relay import to_global_id

    from backend.catalog.models import AttributeValue, Category

    root = Category.objects.filter(depth=0).order_by("path").first()
    leaf = Category.objects.filter(products__isnull=False).order_by("path").first()
    value = AttributeValue.objects.select_related("attribute").order_by("pk").first()
    if root is None or leaf is None or value is None:
        raise SystemExit("No benchmark data: run `make bench-data` (python -m bench.generate).")
    chosen = [{"slug": value.attribute.slug, "values": [value.slug]}]
    return [
        ("facets, whole catalog", FACETS, {"filter": {}}),
        ("facets, top category", FACETS,
         {"filter": {"categories": [to_global_id("Category", root.pk)]}}),
        ("facets, category + a value chosen", FACETS,
         {"filter": {"categories": [to_global_id("Category", leaf.pk)], "attributes": chosen}}),
        ("facets, search 'дверь'", FACETS, {"filter": {"search": "дверь"}}),
        ("search 'краска комфорд' (typo)", SEARCH, {"search": "краска комфорд"}),
        ("search 'ldthm' (layout)", SEARCH, {"search": "ldthm"}),
        ("search 'несуществующее' (none)", SEARCH, {"search": "несуществующее"}),
    ]


def _detail(data: dict) -> str:
    if "productFacets" in data:
        facets = data["productFacets"]
        return f"{len(facets)} attributes, {sum(len(f['values']) for f in facets)} values"
    products = data["products"]
    return f"{products['totalCount']} found, corrected to {products['searchCorrection']!r}"


def _buyer_client():
    import json

    from django.test import Client

    from backend.accounts.models import Membership
    from backend.accounts.tokens import issue_tokens

    membership = (Membership.objects.select_related("user")
                  .filter(user__email="bench.subdealer@bench.local").first())
    if membership is None:
        raise SystemExit("No benchmark data: run `make bench-data` (python -m bench.generate).")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_tokens(membership.user).access}",
               "HTTP_X_ORGANIZATION": str(membership.organization_id)}
    client = Client()

    def call(document: str, variables: dict) -> dict:
        body = json.dumps({"query": document, "variables": variables})
        return client.post("/graphql/", body, content_type="application/json",
                           **headers).json()

    return call


def run(runs: int = 20, warmups: int = 2) -> FacetsResult:
    """Measure; Django must already be set up on the benchmark database."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.catalog_page import _time

    client = _buyer_client()
    shapes = []
    for name, document, variables in _shapes():
        def call(document=document, variables=variables):
            response = client(document, variables)
            if response.get("errors"):
                raise SystemExit(f"GraphQL error: {response['errors']}")
            return response["data"]

        with CaptureQueriesContext(connection) as captured:
            data = call()
        queries = len(captured)  # now: the next request empties the query log
        samples, _ = _time(call, runs, warmups)
        shapes.append(Shape(name, statistics.median(samples), queries, _detail(data)))
    return FacetsResult(shapes, runs)


def main() -> int:
    from bench import cli

    return cli("python -m bench.facets", __doc__, run, runs=20, warmups=2)


if __name__ == "__main__":
    sys.exit(main())
