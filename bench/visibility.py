"""Organization visibility at scale: resolve the organizations a dealer's user may see
(10,000 organizations in a 4-level tree) and filter a 1,000,000-row orders table by them.

    python -m bench.visibility [--orders 1000000] [--runs 50]

Orders do not exist in the product yet, so this uses a stand-in table ``bench_order``
(buyer organization, creation time, total) built in the benchmark database with the
indexes an orders table will have. The visibility query itself is the product's own
(``backend.accounts.visibility.visible_organizations``), compiled by Django. Target:
each query's median under 20 ms; the plans (printed) use the path and buyer indexes.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass

TARGET_MS = 20.0

CREATE_ORDERS = """
CREATE TABLE IF NOT EXISTS bench_order (
    id bigserial PRIMARY KEY,
    buyer_id bigint NOT NULL REFERENCES accounts_organization(id),
    created_at timestamptz NOT NULL,
    total numeric(14, 2) NOT NULL
);
CREATE INDEX IF NOT EXISTS bench_order_buyer_created ON bench_order (buyer_id, created_at DESC);
CREATE INDEX IF NOT EXISTS bench_order_created ON bench_order (created_at DESC);
"""
FILL_ORDERS = """
INSERT INTO bench_order (buyer_id, created_at, total)
SELECT ids.id[1 + (g * 7919) %% array_length(ids.id, 1)],
       now() - (g %% 730) * interval '1 day' - (g %% 86400) * interval '1 second',
       round((100 + (g * 37) %% 100000)::numeric, 2)
FROM generate_series(1::bigint, %s::bigint) AS g,
     (SELECT array_agg(id ORDER BY id) AS id FROM accounts_organization
      WHERE kind <> 'MANUFACTURER') AS ids
"""
# The visible organizations are resolved first (one index range scan) and passed as an
# array: the planner then reads only those buyers' index entries, instead of walking the
# whole table in date order and testing each row against a subquery.
PAGE_SQL = """
SELECT o.id, o.buyer_id, o.created_at, o.total FROM bench_order o
WHERE o.buyer_id = ANY(%s)
ORDER BY o.created_at DESC LIMIT 50
"""
COUNT_SQL = "SELECT count(*) FROM bench_order o WHERE o.buyer_id = ANY(%s)"


@dataclass(frozen=True)
class VisibilityResult:
    organizations: int
    orders: int
    visible: int
    medians_ms: dict[str, float]
    plans: dict[str, str]

    @property
    def passed(self) -> bool:
        uses_indexes = all("Index" in plan for plan in self.plans.values())
        return uses_indexes and all(m < TARGET_MS for m in self.medians_ms.values())

    def report(self) -> str:
        lines = [f"Visibility ({self.organizations} organizations, {self.orders} orders; "
                 f"a dealer's user sees {self.visible} organizations)"]
        for name, median in self.medians_ms.items():
            lines.append(f"  {name:<34} {median:8.2f} ms median")
        for name, plan in self.plans.items():
            lines.append(f"  plan of {name}:")
            lines += [f"    {line}" for line in plan.splitlines()]
        verdict = "PASS" if self.passed else "FAIL"
        lines.append(f"  target: every median < {TARGET_MS:.0f} ms, plans use indexes "
                     f"-> {verdict}")
        return "\n".join(lines)


def ensure_orders(count: int) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(CREATE_ORDERS)
        cursor.execute("SELECT count(*) FROM bench_order")
        existing = cursor.fetchone()[0]
        if existing != count:
            cursor.execute("TRUNCATE bench_order")
            started = time.perf_counter()
            cursor.execute(FILL_ORDERS, [count])
            cursor.execute("VACUUM ANALYZE bench_order")  # as autovacuum soon would
            print(f"  filled bench_order with {count} rows in "
                  f"{time.perf_counter() - started:.1f} s", flush=True)
    return count


def _median_ms(call, runs: int) -> float:
    for _ in range(3):
        call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def run(orders: int = 1_000_000, runs: int = 50) -> VisibilityResult:
    from django.db import connection

    from backend.accounts.models import Membership, Organization
    from backend.accounts.visibility import visible_organizations
    from backend.core.viewer import Viewer

    ensure_orders(orders)
    membership = (Membership.objects.select_related("user", "organization")
                  .filter(user__email="bench.dealer@bench.local").first())
    if membership is None:
        raise SystemExit("No benchmark data: run `make bench-data` (python -m bench.generate).")
    viewer = Viewer(user=membership.user, organization=membership.organization,
                    membership=membership)
    def resolve():
        return list(visible_organizations(viewer).order_by().values_list("id", flat=True))

    def execute(statement):
        def call():
            with connection.cursor() as cursor:
                cursor.execute(statement, [resolve()])
                return cursor.fetchall()
        return call

    medians = {
        "visible organizations": _median_ms(resolve, runs),
        "orders page (resolve + 50 newest)": _median_ms(execute(PAGE_SQL), runs),
        "orders count (resolve + count)": _median_ms(execute(COUNT_SQL), runs),
    }
    plans = {}
    sql, params = visible_organizations(viewer).order_by().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        for name, statement, args in (("visible organizations", sql, params),
                                      ("orders page", PAGE_SQL, [resolve()])):
            cursor.execute(f"EXPLAIN {statement}", args)
            plans[name] = "\n".join(row[0] for row in cursor.fetchall())
    return VisibilityResult(
        organizations=Organization.objects.count(), orders=orders, visible=len(resolve()),
        medians_ms=medians, plans=plans,
    )


def main() -> int:
    from bench import cli

    return cli("python -m bench.visibility", __doc__, run, orders=1_000_000, runs=50)


if __name__ == "__main__":
    sys.exit(main())
