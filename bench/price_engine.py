"""The price engine alone: resolve a 14-line cart for a sub-dealer, inputs already built.

    python -m bench.price_engine [--variants 100000] [--runs 2000]

No database: the engine is pure, so this measures the decision itself, the part a service
adds to its queries. The context is the issue's bench shape, scaled by ``--variants``: the
manufacturer's base list (every variant, three tiers), 20 price-group lists and a personal
list of 500 entries for the dealer, the dealer's resale list for a tenth of the catalog and
a markup for the rest, 50 promotions (stacking and exclusive, on variants, products and
categories), a floor per category and per 50th variant, and a volume discount. The cart's
14 lines mix resale-list and markup prices with tiers. Target: median under 5 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from price_rules.engine import (
    Assignment,
    AssignmentKind,
    Buyer,
    ChainLink,
    DiscountKind,
    Line,
    MapFloors,
    PriceContext,
    PriceFormula,
    PriceList,
    Promotion,
    Seller,
    Stacking,
    Tier,
    Variant,
    VolumeDiscount,
    VolumeStep,
    quote_cart,
    resolve_many,
)

TARGET_MS = 5.0
MANUFACTURER, DEALER, SUB_DEALER = 1, 2, 3
DAY = date(2026, 6, 1)
CATEGORIES = 216


def _tiers(base: Decimal) -> tuple[Tier, ...]:
    return (Tier(Decimal(1), base), Tier(Decimal(10), (base * Decimal("0.95")).quantize(
        Decimal("0.01"))), Tier(Decimal(50), (base * Decimal("0.9")).quantize(Decimal("0.01"))))


def build_context(variant_count: int) -> tuple[PriceContext, list[Line]]:
    variants = {i: Variant(i, f"SKU-{i:06d}", product_id=(i + 4) // 5,
                           category_path=(1000 + i % CATEGORIES, 999))
                for i in range(1, variant_count + 1)}
    base_prices = {i: Decimal(100 + i % 9000) for i in variants}
    lists = [PriceList(1, MANUFACTURER, "RUB", {i: _tiers(p) for i, p in base_prices.items()})]
    assignments = [Assignment(1, AssignmentKind.OWNER_DEFAULT)]
    group_size = max(variant_count // 20, 1)
    for group in range(20):
        ids = range(1 + group * group_size, 1 + (group + 1) * group_size)
        lists.append(PriceList(10 + group, MANUFACTURER, "RUB",
                               {i: _tiers(base_prices[i] * Decimal("0.9")) for i in ids},
                               priority=group))
        assignments.append(Assignment(10 + group, AssignmentKind.PRICE_GROUP, group))
    lists.append(PriceList(50, MANUFACTURER, "RUB",
                           {i: _tiers(base_prices[i] * Decimal("0.8"))
                            for i in range(1, min(500, variant_count) + 1)}))
    assignments.append(Assignment(50, AssignmentKind.ORGANIZATION, DEALER))
    resale = PriceList(60, DEALER, "RUB", {i: _tiers(base_prices[i] * Decimal("1.3"))
                                           for i in range(1, variant_count + 1, 10)})
    step = max(variant_count // 14, 1)
    # Odd lines are on the resale list (every tenth variant), even ones priced by markup.
    cart = [Line(1 + (n * step) // 10 * 10 if n % 2 else 2 + n * step, Decimal(n * 7 % 60 + 1))
            for n in range(14)]
    in_cart = [line.variant_id for line in cart]
    promotions = tuple(
        Promotion(id=n, owner_id=MANUFACTURER if n < 40 else DEALER,
                  kind=DiscountKind.PERCENT if n % 3 else DiscountKind.FIXED,
                  value=Decimal(5 + n % 10), currency="RUB",
                  stacking=Stacking.STACKS if n % 2 else Stacking.BEST_PRICE_WINS,
                  starts=date(2026, 5, 1), ends=date(2026, 6, 30),
                  variant_ids=frozenset({*range(n, variant_count, 997), in_cart[n % 14]}
                                        if n % 5 == 0 else range(n, variant_count, 997)),
                  product_ids=frozenset({n * 3}),
                  category_ids=frozenset({1000 + n * 4}))
        for n in range(1, 51))
    floors = MapFloors(MANUFACTURER, "RUB",
                       variant_floors={i: base_prices[i] for i in range(1, variant_count, 50)},
                       category_percents={999: Decimal(90)}, base_prices=base_prices)
    dealer = Seller(DEALER, lists=(resale,), assignments=(
        Assignment(60, AssignmentKind.OWNER_DEFAULT),), markup=PriceFormula(percent=Decimal(25)),
        promotions=promotions, volume_discounts=(VolumeDiscount(
            1, DEALER, "RUB", (VolumeStep(Decimal(300_000), Decimal(3)),)),))
    factory = Seller(MANUFACTURER, lists=tuple(lists), assignments=tuple(assignments),
                     promotions=promotions)
    context = PriceContext(
        chain=(ChainLink(Buyer(SUB_DEALER, "RUB", frozenset({3}), "Tatarstan"), dealer),
               ChainLink(Buyer(DEALER, "RUB", frozenset({5}), "Moscow"), factory)),
        variants=variants, on_date=DAY, vat_rate=Decimal("0.22"), floors=floors)
    return context, cart


@dataclass
class PriceEngineResult:
    variants: int
    runs: int
    priced: int
    cart_median_ms: float
    cart_p95_ms: float
    lines_median_ms: float

    @property
    def passed(self) -> bool:
        return self.cart_median_ms < TARGET_MS

    def report(self) -> str:
        verdict = "ok" if self.passed else "MISSED"
        return "\n".join([
            f"Price engine: a 14-line cart for a sub-dealer ({self.variants:,} variants, "
            f"{self.priced} of 14 lines priced, {self.runs} runs)",
            f"  quote_cart (lines, promotions, floors, volume discount): median "
            f"{self.cart_median_ms:.3f} ms, p95 {self.cart_p95_ms:.3f} ms "
            f"(target < {TARGET_MS:.0f} ms) {verdict}",
            f"  resolve_many (the lines alone):                          median "
            f"{self.lines_median_ms:.3f} ms",
        ])


def _timed(action, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def run(variants: int = 100_000, runs: int = 2000) -> PriceEngineResult:
    context, cart = build_context(variants)
    priced = sum(p is not None for p in resolve_many(context, cart))
    for _ in range(min(runs, 50)):  # warm up
        quote_cart(context, cart)
    cart_times = _timed(lambda: quote_cart(context, cart), runs)
    line_times = _timed(lambda: resolve_many(context, cart), runs)
    return PriceEngineResult(
        variants=variants, runs=runs, priced=priced,
        cart_median_ms=statistics.median(cart_times),
        cart_p95_ms=statistics.quantiles(cart_times, n=20)[-1],
        lines_median_ms=statistics.median(line_times))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    result = run(args.variants, args.runs)
    print(result.report())
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
