"""The catalog sorted by the viewer's price, and filtered by it, through GraphQL, for the
benchmark sub-dealer's and dealer's buyers, with stored sort keys (price_rules/stored_keys.py).

    python -m bench.price_sort [--runs 30] [--cold-runs 5]

- **cold**: the first sorted page after a price change (an entry of the base list written
  again, which raises the rules version at its commit): the buyer's keys are computed and
  stored by one INSERT ... SELECT, then the page reads them;
- **warm**: the following pages, which read the stored keys by an index;
- **shared**: two sub-dealers of the bench dealer that no rule names and whose inputs are
  identical (a shared set): after a change, the keys of the first (computed and stored)
  and then of the second (it reads the first's set), as ``stored_keys.stored_set`` costs.

Target: warm median under 100 ms for both buyers. The cold time is reported, not judged.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

TARGET_WARM_MS = 100.0
PAGE = 24
BUYERS = (("sub-dealer", "bench.subdealer@bench.local"), ("dealer", "bench.dealer@bench.local"))

SORTED = """
query PriceSorted($first: Int!, $filter: ProductFilterInput) {
  products(first: $first, sortBy: {field: PRICE, direction: ASC}, filter: $filter) {
    totalCount
    edges { node { id name } }
  }
}
"""


@dataclass(frozen=True)
class BuyerFigures:
    name: str
    cold_ms: list[float]
    warm_ms: list[float]
    filter_ms: list[float]
    queries_warm_1: int
    queries_warm_page: int
    keys: int

    @property
    def warm_median(self) -> float:
        return statistics.median(self.warm_ms)


@dataclass(frozen=True)
class SharedFigures:
    twins: tuple[int, int]
    first_ms: list[float]
    second_ms: list[float]


@dataclass(frozen=True)
class PriceSortResult:
    buyers: list[BuyerFigures]
    load: tuple[float, float, float]
    shared: SharedFigures | None = None

    @property
    def passed(self) -> bool:
        return all(b.warm_median < TARGET_WARM_MS and b.queries_warm_1 == b.queries_warm_page
                   for b in self.buyers)

    def report(self) -> str:
        lines = [f"Price sort ({PAGE} products sorted by the viewer's price; load average "
                 f"{self.load[0]:.1f} {self.load[1]:.1f} {self.load[2]:.1f})"]
        for b in self.buyers:
            lines += [
                f"  {b.name}: {b.keys:,} stored keys",
                f"    cold median         {statistics.median(b.cold_ms):8.1f} ms   "
                f"(first sort after a change; {len(b.cold_ms)} runs, "
                f"min {min(b.cold_ms):.0f}, max {max(b.cold_ms):.0f})",
                f"    warm median         {b.warm_median:8.1f} ms   ({len(b.warm_ms)} runs, "
                f"p95 {_percentile(b.warm_ms, 0.95):.1f})",
                f"    warm price filter   {statistics.median(b.filter_ms):8.1f} ms   "
                "(priceMin/priceMax, sorted)",
                f"    SQL queries warm    {b.queries_warm_1:4d} (first: 1) "
                f"{b.queries_warm_page:4d} (first: {PAGE})",
            ]
        if self.shared is not None:
            sh = self.shared
            lines += [
                f"  shared set: sub-dealers {sh.twins[0]} and {sh.twins[1]} (no rule names "
                "them, same inputs)",
                f"    first, keys computed   {statistics.median(sh.first_ms):8.1f} ms   "
                f"({len(sh.first_ms)} runs after a change)",
                f"    second, set shared     {statistics.median(sh.second_ms):8.1f} ms",
            ]
        verdict = "PASS" if self.passed else "FAIL"
        lines.append(f"  target: warm median < {TARGET_WARM_MS:.0f} ms, equal query counts "
                     f"-> {verdict}")
        return "\n".join(lines)


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))]


def _client(email: str) -> Callable[..., dict[str, Any]]:
    from django.test import Client

    from backend.accounts.models import Membership
    from backend.accounts.tokens import issue_tokens

    membership = (Membership.objects.select_related("user", "organization")
                  .filter(user__email=email).first())
    if membership is None:
        raise SystemExit("No benchmark data: run `make bench-data` (python -m bench.generate).")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_tokens(membership.user).access}",
               "HTTP_X_ORGANIZATION": str(membership.organization_id)}
    client = Client()

    def call(first: int = PAGE, filter_: dict | None = None) -> dict[str, Any]:
        body = json.dumps({"query": SORTED, "variables": {"first": first, "filter": filter_}})
        response = client.post("/graphql/", body, content_type="application/json", **headers)
        data: dict[str, Any] = response.json()
        if response.status_code != 200 or data.get("errors"):
            raise SystemExit(f"GraphQL error: {data}")
        return data

    call.organization_id = membership.organization_id  # type: ignore[attr-defined]
    return call


def _change_a_price() -> None:
    """Write one entry of the base list again: the rules version is raised at commit."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE price_rules_pricelistentry SET price = price WHERE id = "
                       "(SELECT min(id) FROM price_rules_pricelistentry)")


def _ms(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _queries(call: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def _buyer(name: str, email: str, runs: int, cold_runs: int) -> BuyerFigures:
    from django.db import connection

    call = _client(email)
    cold = []
    for _ in range(cold_runs):
        _change_a_price()
        cold.append(_ms(call))
    call()
    warm = [_ms(call) for _ in range(runs)]
    page = call()["data"]["products"]
    if page["totalCount"] and not page["edges"]:
        raise SystemExit("a sorted page without products")
    filtered = [_ms(lambda: call(filter_={"priceMin": "100", "priceMax": "5000"}))
                for _ in range(max(5, runs // 3))]
    from backend.accounts.models import Organization
    from price_rules.stored_keys import key_owner

    owner = key_owner(Organization.objects.get(pk=call.organization_id))  # type: ignore[attr-defined]
    with connection.cursor() as cursor:
        cursor.execute("SELECT keys FROM price_rules_buyer_price_key_set WHERE buyer_id = %s "
                       "ORDER BY version DESC, day DESC LIMIT 1", [owner])
        row = cursor.fetchone()
    return BuyerFigures(name, cold, warm, filtered, _queries(lambda: call(first=1)),
                        _queries(call), row[0] if row else 0)


def _shared(cold_runs: int) -> SharedFigures | None:
    """Two sub-dealers of the bench dealer that read one shared set, if the data has them."""
    from django.utils import timezone

    from backend.accounts.models import Membership, Organization
    from price_rules.stored_keys import key_owner, stored_set

    dealer = (Membership.objects.filter(user__email=BUYERS[1][1])
              .values_list("organization_id", flat=True).first())
    by_owner: dict[int, list[Organization]] = {}
    for sub in Organization.objects.filter(parent_id=dealer).order_by("pk"):
        by_owner.setdefault(key_owner(sub), []).append(sub)
    twins = next((subs[:2] for owner, subs in by_owner.items()
                  if owner < 0 and len(subs) > 1), None)
    if twins is None:
        return None
    first, second = [], []
    for _ in range(cold_runs):
        _change_a_price()
        first.append(_ms(lambda: stored_set(twins[0], timezone.localdate())))
        second.append(_ms(lambda: stored_set(twins[1], timezone.localdate())))
    return SharedFigures((twins[0].pk, twins[1].pk), first, second)


def run(runs: int = 30, cold_runs: int = 5) -> PriceSortResult:
    """Measure; Django must already be set up on the benchmark database."""
    import os

    figures = [_buyer(name, email, runs, cold_runs) for name, email in BUYERS]
    return PriceSortResult(figures, os.getloadavg(), _shared(cold_runs))


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args(argv)
    from bench import setup_django

    print(f"Benchmark database: {setup_django()}", flush=True)
    result = run(args.runs, args.cold_runs)
    print(result.report())
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
