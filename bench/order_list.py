"""W3: a dealer's filtered order list, a page of 50 among the generated orders.

    python -m bench.order_list [--runs 100] [--warmups 5]

The bench dealer's admin opens /orders as the storefront does: the orders of its
organization and its sub-dealers placed in the last 180 days, PLACED or waiting for
approval, latest first, 50 a page with the total count, each order's number, buyer,
placer, totals, status and line count. Also timed: the same list searched by a number and
the second page sorted by total. The full request through the GraphQL endpoint (Django
test client, the view, the execution fast path, JSON). Target: median under 50 ms; the
report prints the SQL queries of each request, the same for a page of 10 and of 50,
and the process CPU time (this process's share: the database's work is not in it).
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bench.catalog_page import _percentile, _time
from bench.signed_in import graphql_call, member_headers

TARGET_MS = 50.0
PAGE = 50
DEALER = "bench.dealer@bench.local"

QUERY = """query OrderList($filter: OrderFilterInput, $sort: OrderSortInput, $first: Int,
  $after: String) {
  orders(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id number sellerNumber buyerReference placedAt orderType status
      paymentStatus currency totalNet grandTotalGross lineCount onBehalf
      buyer { id name } placedBy { fullName } } } } }"""


@dataclass(frozen=True)
class Shape:
    name: str
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    queries: int
    rows: int
    total: int


@dataclass(frozen=True)
class OrderListResult:
    runs: int
    orders: int
    dealer_orders: int
    shapes: tuple[Shape, ...]
    queries_first_10: int
    fallbacks: int

    @property
    def main(self) -> Shape:
        return self.shapes[0]

    @property
    def passed(self) -> bool:
        return (self.main.median_ms < TARGET_MS and self.main.rows == PAGE
                and self.queries_first_10 == self.main.queries and not self.fallbacks)

    def report(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        lines = [f"W3 order list: the bench dealer's orders, pages of {PAGE} ({self.runs} runs; "
                 f"{self.orders:,} orders, {self.dealer_orders:,} the dealer's and its "
                 "sub-dealers')"]
        for shape in self.shapes:
            lines.append(f"  {shape.name:<24}median {shape.median_ms:7.2f} ms   p95 "
                         f"{shape.p95_ms:7.2f} ms   CPU {shape.cpu_median_ms:6.2f} ms   "
                         f"{shape.queries:2d} SQL queries   {shape.rows} rows of "
                         f"{shape.total:,}")
        lines += [f"  SQL queries, first: 10    {self.queries_first_10:5d}   (the same as 50)",
                  f"  fast-path fallbacks       {self.fallbacks:5d}",
                  f"  target: median < {TARGET_MS:.0f} ms, {PAGE} rows, constant queries "
                  f"-> {verdict}"]
        return "\n".join(lines)


def _call(variables: dict[str, Any]):
    return graphql_call(DEALER, QUERY, variables, "orders")


def _counted(call) -> tuple[dict[str, Any], int, int]:
    """(answer, SQL queries, fast-path fallbacks) of one request."""
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
    return data, len(captured), sum(e.fallbacks for e in executions)


def measure_shapes(caller, wanted, runs: int, warmups: int) -> tuple[tuple[Shape, ...], int]:
    """Each ``(name, email, variables)`` of ``wanted`` asked through ``caller(email,
    variables)``, a paged connection's answer: its timing, SQL queries and rows; and the
    fast-path fallbacks of them all."""
    fallbacks = 0
    shapes = []
    for name, email, variables in wanted:
        call = caller(email, variables)
        data, queries, fell_back = _counted(call)
        fallbacks += fell_back
        samples, cpu = _time(lambda call=call: call(decode=False), runs, warmups)
        shapes.append(Shape(name, statistics.median(samples), _percentile(samples, 0.95),
                            statistics.median(cpu), queries, len(data["edges"]),
                            data["totalCount"]))
    return tuple(shapes), fallbacks


def run(runs: int = 100, warmups: int = 5) -> OrderListResult:
    from django.utils import timezone

    from backend.orders.models import Order
    from backend.orders.numbers import format_number

    _, dealer = member_headers(DEALER)
    dealer_orders = Order.objects.filter(buyer__path__startswith=dealer.path)
    some = dealer_orders.order_by("-placed_at").values_list("year", "serial")[7:8].first()
    if some is None:
        raise SystemExit("No orders: run `python -m bench.generate --only orders`.")
    since = timezone.localdate() - timedelta(days=180)
    filter = {"placedFrom": str(since), "status": ["PLACED", "AWAITING_APPROVAL"]}
    shapes_wanted = [
        ("filtered, latest first", {"filter": filter, "first": PAGE}),
        ("searched by number", {"filter": {"search": format_number(*some)}, "first": PAGE}),
        ("page 2 by total", {"filter": filter, "first": PAGE,
                             "sort": {"field": "TOTAL", "direction": "DESC"},
                             "after": None}),
    ]
    wanted = []
    for name, variables in shapes_wanted:
        if "after" in variables:
            first_page = _call({**variables, "after": None})()
            variables = {**variables, "after": first_page["pageInfo"]["endCursor"]}
        wanted.append((name, DEALER, variables))
    shapes, fallbacks = measure_shapes(lambda _email, variables: _call(variables), wanted,
                                       runs, warmups)
    _, queries_10, fell_back = _counted(_call({"filter": filter, "first": 10}))
    return OrderListResult(runs=runs, orders=Order.objects.count(),
                           dealer_orders=dealer_orders.count(), shapes=tuple(shapes),
                           queries_first_10=queries_10, fallbacks=fallbacks + fell_back)


def main() -> int:
    from bench import cli

    return cli("python -m bench.order_list", __doc__, run, runs=100, warmups=5)


if __name__ == "__main__":
    sys.exit(main())
