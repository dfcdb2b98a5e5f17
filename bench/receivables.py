"""The receivables monitor (issue 15): a page of 50 over every credit account.

    python -m bench.receivables [--runs 30] [--warmups 3] [--regenerate 0]

The bench staff member (every permission) opens /finance/receivables as the storefront
does: every account below the manufacturer (9,999 with the generated network), 50 a page
with the total count, each row's client, limit, balance, available credit, due this week,
overdue with its days and the last payment; sorted by each field in turn (the figures
computed in SQL for every account for the sort key), the most overdue filtered
(``overdueOnly``), a search by name, and the bench dealer's admin's page of its
sub-dealers. The full request through the GraphQL endpoint. Target: median under 100 ms a
page; the report prints the SQL queries of each request (the same for a page of 10 and of
50) and the fast path's fallbacks (none).

The organizations (``bench/data/network.py``) and the credit rows (``bench/data/
credit.py``: 6 invoices per account, payments, advances, ledger entries) are generated
when absent; ``--regenerate 1`` writes the credit rows again.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from bench.order_list import Shape, _counted, measure_shapes
from bench.signed_in import graphql_call

TARGET_MS = 100.0
PAGE = 50
STAFF = "bench.staff@bench.local"
DEALER = "bench.dealer@bench.local"
SORT_FIELDS = ("OVERDUE", "CLIENT", "LIMIT", "BALANCE", "DUE_THIS_WEEK", "OVERDUE_DAYS",
               "LAST_PAYMENT")

QUERY = """query Receivables($filter: ReceivablesFilterInput, $sort: ReceivablesSortInput,
  $first: Int) {
  receivables(filter: $filter, sort: $sort, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { client { id name inn } creditLimit { amount currency }
      balance { amount } available { amount } dueThisWeek { amount } overdue { amount }
      overdueDays lastPaymentOn lastPaymentAmount { amount } } } } }"""


@dataclass(frozen=True)
class ReceivablesResult:
    runs: int
    accounts: int
    invoices: int
    shapes: tuple[Shape, ...]
    queries_first_10: int
    fallbacks: int

    @property
    def passed(self) -> bool:
        return (all(shape.median_ms < TARGET_MS for shape in self.shapes)
                and self.shapes[0].rows == PAGE
                and self.queries_first_10 == self.shapes[0].queries and not self.fallbacks)

    def report(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        lines = [f"Receivables monitor: pages of {PAGE} ({self.runs} runs; {self.accounts:,} "
                 f"accounts, {self.invoices:,} invoices)"]
        for shape in self.shapes:
            lines.append(f"  {shape.name:<30}median {shape.median_ms:7.2f} ms   p95 "
                         f"{shape.p95_ms:7.2f} ms   CPU {shape.cpu_median_ms:6.2f} ms   "
                         f"{shape.queries:2d} SQL queries   {shape.rows} rows of "
                         f"{shape.total:,}")
        lines += [f"  SQL queries, first: 10          {self.queries_first_10:5d}   "
                  "(the same as 50)",
                  f"  fast-path fallbacks             {self.fallbacks:5d}",
                  f"  target: median < {TARGET_MS:.0f} ms, {PAGE} rows, constant queries "
                  f"-> {verdict}"]
        return "\n".join(lines)


def _caller(email: str, variables: dict[str, Any]):
    """A signed-in client's request of the monitor, as the storefront sends it."""
    return graphql_call(email, QUERY, variables, "receivables")


def _data(regenerate: int) -> None:
    from backend.accounts.models import Organization
    from bench.data.credit import generate_credit
    from bench.data.network import generate_organizations, generate_users
    from plugins.credit.models import CreditAccount

    if not Organization.objects.exists():
        generate_organizations(10_000)
        generate_users()
    if regenerate or not CreditAccount.objects.exists():
        generate_credit()


def run(runs: int = 30, warmups: int = 3, regenerate: int = 0) -> ReceivablesResult:
    from plugins.credit.models import CreditAccount, Invoice

    _data(regenerate)
    shapes_wanted = [
        *((f"staff, by {field.lower()} desc", STAFF,
           {"first": PAGE, "sort": {"field": field, "direction": "DESC"}})
          for field in SORT_FIELDS),
        ("staff, by client asc", STAFF, {"first": PAGE, "sort": {"field": "CLIENT"}}),
        ("staff, overdue only", STAFF, {"first": PAGE, "filter": {"overdueOnly": True}}),
        ("staff, client searched", STAFF, {"first": PAGE, "filter": {"search": "строй"}}),
        ("dealer, its sub-dealers", DEALER, {"first": PAGE}),
    ]
    shapes, fallbacks = measure_shapes(_caller, shapes_wanted, runs, warmups)
    _, queries_10, fell_back = _counted(_caller(STAFF, {"first": 10}))
    return ReceivablesResult(runs=runs, accounts=CreditAccount.objects.count(),
                             invoices=Invoice.objects.count(), shapes=shapes,
                             queries_first_10=queries_10, fallbacks=fallbacks + fell_back)


def main() -> int:
    from bench import cli

    return cli("python -m bench.receivables", __doc__, run, runs=30, warmups=3, regenerate=0)


if __name__ == "__main__":
    sys.exit(main())
