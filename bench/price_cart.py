"""A 14-line cart priced from the database for the bench sub-dealer.

    python -m bench.price_cart [--runs 500] [--warmups 20]

What ordering will do for every cart it shows: ``load_price_context`` (the chain of
sellers, their lists' tiers of the cart's variants, promotions, markups, volume discounts
and floors, read from the tables) and the engine's ``quote_cart`` over it. The buyer is the
bench sub-dealer's organization, already loaded (the request's active organization); its
cart mixes variants on its personal list, on its dealer's resale list and priced by its
dealer's markup over the dealer's own purchase price (personal, group or base list), at
quantities that reach different tiers. Target: median under 5 ms, every line priced.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from decimal import Decimal

from bench.catalog_page import _percentile, _time

TARGET_MS = 5.0
QUANTITIES = (1, 3, 10, 25, 60, 1, 12, 2, 50, 5, 20, 1, 7, 100)


@dataclass(frozen=True)
class PriceCartResult:
    runs: int
    lines: int
    priced: int
    by_markup: int
    queries: int
    median_ms: float
    p95_ms: float
    load_median_ms: float
    quote_median_ms: float

    @property
    def passed(self) -> bool:
        return self.median_ms < TARGET_MS and self.priced == self.lines

    def report(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        return "\n".join([
            f"Price cart: {self.lines} lines for the bench sub-dealer from the database "
            f"({self.runs} runs)",
            f"  load + quote median   {self.median_ms:8.2f} ms",
            f"  load + quote p95      {self.p95_ms:8.2f} ms",
            f"  load_price_context    {self.load_median_ms:8.2f} ms   (median)",
            f"  quote_cart            {self.quote_median_ms:8.2f} ms   (median, engine only)",
            f"  SQL queries           {self.queries:8d}",
            f"  lines priced          {self.priced:5d} of {self.lines}   "
            f"({self.by_markup} by the dealer's markup)",
            f"  target: median < {TARGET_MS:.0f} ms, every line priced -> {verdict}",
        ])


def sub_dealer():
    from backend.accounts.models import Membership

    membership = (Membership.objects.select_related("organization")
                  .filter(user__email="bench.subdealer@bench.local").first())
    if membership is None:
        raise SystemExit("No benchmark data: run `make bench-data` (python -m bench.generate).")
    return membership.organization


def cart_variants(buyer) -> list[int]:
    """Four variants of the buyer's personal list, four of its dealer's resale list, six
    the dealer's lists do not price (its markup), spread over the catalog."""
    from backend.catalog.models import ProductVariant
    from price_rules.models import PriceListEntry

    def on_lists(**owner) -> list[int]:
        ids = (PriceListEntry.objects.filter(**owner).order_by("variant_id")
               .values_list("variant_id", flat=True).distinct())
        return list(ids)

    personal = on_lists(price_list__owner_id=buyer.parent_id,
                        price_list__assignments__organization_id=buyer.id)
    resale = on_lists(price_list__owner_id=buyer.parent_id,
                      price_list__assignments__is_owner_default=True)
    priced = set(personal) | set(resale)
    unpriced = [v for v in ProductVariant.objects.order_by("pk").values_list("pk", flat=True)
                if v not in priced]
    others = unpriced[len(unpriced) // 12::max(1, len(unpriced) // 6)][:6]
    if len(personal) < 4 or len(resale) < 4 or len(others) < 6:
        raise SystemExit("The bench data has no prices: run `python -m bench.generate`.")
    return (personal[::len(personal) // 4][:4] + resale[::len(resale) // 4][:4] + others)


def run(runs: int = 500, warmups: int = 20) -> PriceCartResult:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from price_rules.engine import Line, quote_cart
    from price_rules.services.context import load_price_context

    buyer = sub_dealer()
    variants = cart_variants(buyer)
    lines = [Line(v, Decimal(q)) for v, q in zip(variants, QUANTITIES, strict=True)]
    day = timezone.localdate()

    def load():
        return load_price_context(buyer, variants, day)

    def load_and_quote():
        return quote_cart(load(), lines)

    with CaptureQueriesContext(connection) as captured:
        quote = load_and_quote()
    priced = [line.price for line in quote.lines if line.price is not None]
    both, _ = _time(load_and_quote, runs, warmups)
    loads, _ = _time(load, runs, warmups)
    context = load()
    quotes, _ = _time(lambda: quote_cart(context, lines), runs, warmups)
    return PriceCartResult(
        runs=runs, lines=len(lines), priced=len(priced),
        by_markup=sum(p.by_markup for p in priced), queries=len(captured),
        median_ms=statistics.median(both), p95_ms=_percentile(both, 0.95),
        load_median_ms=statistics.median(loads), quote_median_ms=statistics.median(quotes))


def main() -> int:
    from bench import cli

    return cli("python -m bench.price_cart", __doc__, run, runs=500, warmups=20)


if __name__ == "__main__":
    sys.exit(main())
