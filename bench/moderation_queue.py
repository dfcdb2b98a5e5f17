"""The moderation queue (issue 14): a page of 50 among the generated orders' moderations.

    python -m bench.moderation_queue [--runs 100] [--warmups 5]

The bench staff member (MODERATE_ORDERS) opens /moderation as the storefront's console
does: the manufacturer's open orders, oldest first, 50 a page with the total count, each
order's number, buyer, total and its moderation (state, version, moderator,
when submitted, over credit, open proposals). Also timed: filtered (on moderation or
awaiting the buyer, a total range, sorted by total), searched by the buyer's name, and the
bench dealer's admin's queue of its sub-dealers' orders. The full request through the
GraphQL endpoint. Target: median under 50 ms; the report prints the SQL queries of each
request (the same for a page of 10 and of 50) and the fast path's fallbacks (none).

Moderation rows are written from the generated orders first when there are none
(``bench/data/moderation.py``; ``--regenerate 1`` writes them again).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from bench.order_list import Shape, _counted, measure_shapes
from bench.signed_in import graphql_call

TARGET_MS = 50.0
PAGE = 50
STAFF = "bench.staff@bench.local"
DEALER = "bench.dealer@bench.local"

QUERY = """query Queue($filter: ModerationQueueFilter, $sort: ModerationQueueSort,
  $first: Int) {
  moderationQueue(filter: $filter, sort: $sort, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id number placedAt orderType grandTotalGross currency
      buyer { id name }
      moderation { state version submittedAt overCredit moderator { fullName }
        proposals { id kind status } } } } } }"""


@dataclass(frozen=True)
class QueueResult:
    runs: int
    orders: int
    moderations: int
    shapes: tuple[Shape, ...]
    queries_first_10: int
    fallbacks: int

    @property
    def passed(self) -> bool:
        main = self.shapes[0]
        return (all(shape.median_ms < TARGET_MS for shape in self.shapes)
                and main.rows == PAGE and self.queries_first_10 == main.queries
                and not self.fallbacks)

    def report(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        lines = [f"Moderation queue: pages of {PAGE} ({self.runs} runs; {self.orders:,} "
                 f"orders, {self.moderations:,} with a moderation)"]
        for shape in self.shapes:
            lines.append(f"  {shape.name:<26}median {shape.median_ms:7.2f} ms   p95 "
                         f"{shape.p95_ms:7.2f} ms   CPU {shape.cpu_median_ms:6.2f} ms   "
                         f"{shape.queries:2d} SQL queries   {shape.rows} rows of "
                         f"{shape.total:,}")
        lines += [f"  SQL queries, first: 10      {self.queries_first_10:5d}   (the same as 50)",
                  f"  fast-path fallbacks         {self.fallbacks:5d}",
                  f"  target: median < {TARGET_MS:.0f} ms, {PAGE} rows, constant queries "
                  f"-> {verdict}"]
        return "\n".join(lines)


def _caller(email: str, variables: dict[str, Any]):
    """A signed-in client's request of the queue, as the storefront sends it."""
    return graphql_call(email, QUERY, variables, "moderationQueue")


def run(runs: int = 100, warmups: int = 5, regenerate: int = 0) -> QueueResult:
    from backend.orders.models import Order
    from bench.data.moderation import generate_moderation
    from plugins.order_workflow.models import OrderModeration

    if regenerate or not OrderModeration.objects.exists():
        if not Order.objects.exists():
            raise SystemExit("No orders: run `python -m bench.generate --only orders`.")
        generate_moderation()
    shapes_wanted = [
        ("staff, open, oldest first", STAFF, {"first": PAGE}),
        ("staff, filtered by total", STAFF, {
            "first": PAGE, "sort": {"field": "TOTAL", "direction": "DESC"},
            "filter": {"states": ["ON_MODERATION", "AWAITING_BUYER"], "totalMin": "300000",
                       "totalMax": "600000"}}),
        ("staff, buyer searched", STAFF, {"first": PAGE, "filter": {"search": "дилер"}}),
        ("dealer, its sub-dealers'", DEALER, {"first": PAGE}),
    ]
    shapes, fallbacks = measure_shapes(_caller, shapes_wanted, runs, warmups)
    _, queries_10, fell_back = _counted(_caller(STAFF, {"first": 10}))
    return QueueResult(runs=runs, orders=Order.objects.count(),
                       moderations=OrderModeration.objects.count(), shapes=shapes,
                       queries_first_10=queries_10, fallbacks=fallbacks + fell_back)


def main() -> int:
    from bench import cli

    return cli("python -m bench.moderation_queue", __doc__, run, runs=100, warmups=5,
               regenerate=0)


if __name__ == "__main__":
    sys.exit(main())
