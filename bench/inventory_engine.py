"""The allocation and delivery engines alone: plan a 14-line order across 50 warehouses.

    python -m bench.inventory_engine [--runs 2000]

No database: the engines are pure, so this measures the decision itself, the part the
planning service adds to its queries. The network is the issue's shape: 50 warehouses in 8
delivery zones (3 factories, regional warehouses, partners' stock centers), each of the
order's variants stocked in about a dozen of them in quantities smaller than the lines (so
plans split), incoming supply for some variants, a tariff of two carriers between every
pair of zones. The order: 14 lines to Vladivostok, two of them larger than all the stock
(pre-ordered against supply), one of those without pre-orders (a shortfall). Each strategy
is timed through ``plan_delivery`` (allocation and a quote per shipment), and so is "one
shipment only". Target: median under 2 ms each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from inventory.engine import (
    AllocationRequest,
    DeliveryPlan,
    Destination,
    Line,
    Location,
    Rate,
    Source,
    Stock,
    Strategy,
    Supply,
    plan_delivery,
)
from inventory.engine.cover import fewest_warehouses
from inventory.engine.ledger import Ledger
from inventory.engine.ranking import rank_sources

TARGET_MS = 2.0
WAREHOUSES, LINES, ZONES = 50, 14, 8
TODAY = date(2026, 6, 1)
# One city per zone: Moscow, Saint Petersburg, Krasnodar, Kazan, Yekaterinburg,
# Novosibirsk, Khabarovsk, Vladivostok.
CITIES = [(55.75, 37.62), (59.94, 30.31), (45.04, 38.98), (55.79, 49.12), (56.84, 60.60),
          (55.03, 82.92), (48.48, 135.08), (43.12, 131.89)]
VLADIVOSTOK_ZONE = 8


def build_request(seed: int = 12) -> AllocationRequest:
    rnd = random.Random(seed)
    sources = []
    for warehouse_id in range(1, WAREHOUSES + 1):
        zone = 1 + (warehouse_id * 3) % ZONES
        lat, lon = CITIES[zone - 1]
        sources.append(Source(
            warehouse_id, f"WH-{warehouse_id:02d}",
            Location(f"region-{zone}", zone, Decimal(f"{lat + rnd.uniform(-1, 1):.4f}"),
                     Decimal(f"{lon + rnd.uniform(-1, 1):.4f}")),
            priority=1 if warehouse_id <= 3 else rnd.randint(2, 20),
            handling_days=rnd.randint(0, 3), pickup_allowed=warehouse_id % 4 == 0))
    lines: list[Line] = []
    stock: list[Stock] = []
    supply: list[Supply] = []
    factories, regional, centers = [1, 2, 3], list(range(4, 16)), list(range(16, 51))
    for key in range(1, LINES + 1):
        variant = 1000 + key * 7
        quantity = Decimal(rnd.randint(5, 60))
        # A factory holds most of a line, regional warehouses and stock centers a part:
        # near the buyer there is seldom enough, so the nearest plan splits.
        holders = [1, rnd.choice(factories[1:]), *rnd.sample(regional, 4),
                   *rnd.sample(centers, 6)]
        held = [rnd.randint(30, 70), rnd.randint(10, 50), *(rnd.randint(3, 25) for _ in range(4)),
                *(rnd.randint(1, 8) for _ in range(6))]
        if key in (5, 11):  # scarce: less than the line in the whole network
            holders, held = holders[-3:], [1, 2, 1]
        stock.extend(Stock(w, variant, Decimal(q)) for w, q in zip(holders, held, strict=True))
        if key % 3 == 2:
            for n in range(3):
                supply.append(Supply(key * 10 + n, rnd.choice(factories), variant,
                                     Decimal(rnd.randint(10, 80)),
                                     TODAY + timedelta(days=rnd.randint(5, 40))))
        lines.append(Line(key, variant, f"SKU-{variant}", quantity,
                          preorder_allowed=key != 11,
                          weight_kg=Decimal(f"{rnd.uniform(0.5, 25):.3f}"),
                          volume_m3=Decimal(f"{rnd.uniform(0.001, 0.2):.4f}")))
    rates = tuple(
        Rate(carrier, f"C{carrier}", f"Carrier {carrier}", origin, destination, "RUB",
             per_kg=Decimal(8 + carrier * 3 + abs(origin - destination)),
             per_m3=Decimal(2000 + 500 * carrier), min_charge=Decimal(400 * carrier),
             transit_days=1 + abs(origin - destination) * (3 - carrier),
             max_weight_kg=Decimal(1500) if carrier == 2 else None)
        for carrier in (1, 2) for origin in range(1, ZONES + 1)
        for destination in range(1, ZONES + 1))
    lat, lon = CITIES[VLADIVOSTOK_ZONE - 1]
    return AllocationRequest(
        tuple(lines), tuple(sources), tuple(stock), tuple(supply),
        Destination(Location("Primorsky Krai", VLADIVOSTOK_ZONE, Decimal(str(lat)),
                             Decimal(str(lon)))),
        Strategy.NEAREST, TODAY, rates=rates)


@dataclass
class Shape:
    name: str
    shipments: int
    shortfalls: int
    median_ms: float
    p95_ms: float
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.median_ms < TARGET_MS


@dataclass
class InventoryEngineResult:
    runs: int
    shapes: list[Shape]
    scattered: Shape | None = None  # fewest shipments' hard case, shown without a target

    @property
    def passed(self) -> bool:
        return all(shape.passed for shape in self.shapes)

    def report(self) -> str:
        lines = [f"Inventory engine: a {LINES}-line order across {WAREHOUSES} warehouses "
                 f"(plan_delivery: allocation and quotes, {self.runs} runs)"]
        for shape in self.shapes:
            verdict = "ok" if shape.passed else "MISSED"
            lines.append(
                f"  {shape.name:<20} {shape.shipments:>2} shipments, {shape.shortfalls} short: "
                f"median {shape.median_ms:.3f} ms, p95 {shape.p95_ms:.3f} ms "
                f"(target < {TARGET_MS:.0f} ms) {verdict}{shape.note}")
        if self.scattered is not None:
            hard = self.scattered
            lines.append(
                f"  fewest shipments when each of the {WAREHOUSES} warehouses holds a little of "
                f"every line (no target): {hard.shipments} shipments, median "
                f"{hard.median_ms:.3f} ms, max {hard.p95_ms:.3f} ms{hard.note}")
        return "\n".join(lines)


def _timed(request: AllocationRequest, runs: int) -> tuple[DeliveryPlan, list[float]]:
    plan = plan_delivery(request)
    for _ in range(min(runs, 50)):  # warm up
        plan_delivery(request)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        plan_delivery(request)
        timings.append((time.perf_counter() - started) * 1000)
    return plan, timings


def _cover_note(request: AllocationRequest) -> str:
    sources = {s.warehouse_id: s for s in request.sources}
    ranked = rank_sources(sources.values(), request.strategy, request.destination.location,
                          request.rates)
    rank = {s.warehouse_id: n for n, s in enumerate(ranked)}
    cover = fewest_warehouses(sorted(request.lines, key=lambda line: line.key), ranked,
                              Ledger.build(sources, request.stock, request.supply,
                                           request.today, rank))
    proof = "proved the fewest" if cover.minimal else "greedy, not proved"
    return f"\n{'':<22} stock from {len(cover.sources)} warehouses ({proof})"


def run(runs: int = 2000) -> InventoryEngineResult:
    base = build_request()
    shapes = []
    for name, request in [
        ("nearest", base),
        ("fewest shipments", replace(base, strategy=Strategy.FEWEST_SHIPMENTS)),
        ("priority", replace(base, strategy=Strategy.PRIORITY)),
        ("one shipment", replace(base, one_shipment=True)),
    ]:
        plan, timings = _timed(request, runs)
        shapes.append(Shape(name, len(plan.shipments), len(plan.shortfalls),
                            statistics.median(timings),
                            statistics.quantiles(timings, n=20)[-1] if runs > 1 else timings[0],
                            _cover_note(request) if name == "fewest shipments" else ""))
    # Not a target: the cover's hard case, every warehouse holding a little of everything.
    dense = replace(base, strategy=Strategy.FEWEST_SHIPMENTS, supply=(), stock=tuple(
        Stock(s.warehouse_id, line.variant_id, Decimal(1 + (s.warehouse_id + 3 * line.key) % 8))
        for s in base.sources for line in base.lines))
    dense_runs = max(runs // 10, 1)
    cpu_started = time.process_time()
    plan, timings = _timed(dense, dense_runs)
    cpu_ms = (time.process_time() - cpu_started) * 1000 / (dense_runs + min(dense_runs, 50) + 1)
    scattered = Shape("  everything scattered", len(plan.shipments), len(plan.shortfalls),
                      statistics.median(timings), max(timings),
                      f" (CPU {cpu_ms:.3f} ms a run)" + _cover_note(dense))
    return InventoryEngineResult(runs, shapes, scattered)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    result = run(args.runs)
    print(result.report())
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
