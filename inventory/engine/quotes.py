"""Delivery quotes from a rate table: which carrier, what it costs, when it arrives.

A rate serves one (origin zone, destination zone) pair: cost = the largest of its minimum
charge, weight x per-kg and volume x per-m3, rounded half up to 0.01 in the rate's
currency; delivery date = ready date + transit days. A rate with ``max_weight_kg`` refuses
heavier shipments. Among the rates that serve a shipment the cheapest wins (ties: fewer
transit days, then the carrier's id); with ``fastest`` the earliest arrival wins (ties:
cheaper, then the carrier's id): that is what a buyer asking for one shipment wants.
Pickup at the warehouse is free and is ready on the ready date, with no carrier.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from .types import Location, Quote, QuoteProblem, QuoteRequest, Rate, Source

CENT = Decimal("0.01")


def shipping_cost(rate: Rate, weight_kg: Decimal, volume_m3: Decimal) -> Decimal:
    cost = max(rate.min_charge, weight_kg * rate.per_kg, volume_m3 * rate.per_m3)
    return cost.quantize(CENT, rounding=ROUND_HALF_UP)


class RateTable:
    """Rates indexed by their pair of zones, for asking many shipments at once."""

    def __init__(self, rates: Iterable[Rate]) -> None:
        self._by_zones: dict[tuple[int, int], list[Rate]] = {}
        for rate in rates:
            self._by_zones.setdefault((rate.origin_zone_id, rate.destination_zone_id),
                                      []).append(rate)

    def best(self, origin: Location, destination: Location | None, weight_kg: Decimal,
             volume_m3: Decimal, *, fastest: bool = False) -> tuple[Rate, Decimal] | QuoteProblem:
        """The chosen rate and its cost, or why there is none."""
        if destination is None or destination.zone_id is None:
            return QuoteProblem.NO_DELIVERY_ZONE
        if origin.zone_id is None:
            return QuoteProblem.NO_RATE
        found: tuple[tuple[Decimal | int, ...], Rate, Decimal] | None = None
        for rate in self._by_zones.get((origin.zone_id, destination.zone_id), ()):
            if rate.max_weight_kg is not None and weight_kg > rate.max_weight_kg:
                continue
            cost = shipping_cost(rate, weight_kg, volume_m3)
            key: tuple[Decimal | int, ...] = ((rate.transit_days, cost, rate.carrier_id) if fastest
                                              else (cost, rate.transit_days, rate.carrier_id))
            if found is None or key < found[0]:
                found = (key, rate, cost)
        if found is None:
            return QuoteProblem.NO_RATE
        return found[1], found[2]

    def quote(self, request: QuoteRequest, *, fastest: bool = False) -> Quote | QuoteProblem:
        if request.destination.pickup_warehouse_id is not None:
            return pickup_quote(request)
        chosen = self.best(request.origin, request.destination.location, request.weight_kg,
                           request.volume_m3, fastest=fastest)
        if isinstance(chosen, QuoteProblem):
            return chosen
        rate, cost = chosen
        return Quote(carrier_id=rate.carrier_id, carrier_code=rate.carrier_code,
                     carrier_name=rate.carrier_name, cost=cost, currency=rate.currency,
                     transit_days=rate.transit_days,
                     delivery_date=request.ready_date + timedelta(days=rate.transit_days))


def pickup_quote(request: QuoteRequest) -> Quote:
    """Free, no carrier, on the ready date. Its currency is "": nothing to pay in any."""
    return Quote(carrier_id=None, carrier_code="", carrier_name="", cost=Decimal(0),
                 currency="", transit_days=0, delivery_date=request.ready_date, pickup=True)


def quote(request: QuoteRequest, rates: Sequence[Rate], pickup_warehouse: Source | None = None,
          *, fastest: bool = False) -> Quote | QuoteProblem:
    """One shipment's delivery. Pickup when the destination names a pickup warehouse or
    ``pickup_warehouse`` is given (whether that warehouse allows pickup is the
    allocation's rule: it refuses the lines, so no shipment is quoted from there)."""
    if pickup_warehouse is not None:
        return pickup_quote(request)
    return RateTable(rates).quote(request, fastest=fastest)
