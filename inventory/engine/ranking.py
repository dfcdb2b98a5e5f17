"""The order in which a seller's warehouses are asked for an order's units.

NEAREST: the destination's delivery zone first, then the fastest transit any carrier
offers from the warehouse's zone to the destination's, then the distance (when both have
coordinates), then the warehouse's priority, then its id. PRIORITY: priority, then id.
FEWEST_SHIPMENTS chooses its set of warehouses elsewhere (``cover.py``) and breaks ties,
and orders the chosen ones, like NEAREST.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .distance import distance_km
from .types import Location, Rate, Source, Strategy

UNKNOWN = float("inf")  # no rate or no coordinates: after every known figure


def fastest_transit(rates: Iterable[Rate], destination_zone: int | None) -> dict[int, int]:
    """The fewest transit days to the destination's zone, per origin zone."""
    fastest: dict[int, int] = {}
    if destination_zone is None:
        return fastest
    for rate in rates:
        if rate.destination_zone_id == destination_zone:
            known = fastest.get(rate.origin_zone_id)
            if known is None or rate.transit_days < known:
                fastest[rate.origin_zone_id] = rate.transit_days
    return fastest


def _nearest_key(source: Source, destination: Location | None,
                 transit: dict[int, int]) -> tuple[int, float, float, int, int]:
    if destination is None:
        return (1, UNKNOWN, UNKNOWN, source.priority, source.warehouse_id)
    zone = source.location.zone_id
    same_zone = zone is not None and zone == destination.zone_id
    days = transit.get(zone, UNKNOWN) if zone is not None else UNKNOWN
    distance = distance_km(source.location, destination)
    return (0 if same_zone else 1, days, UNKNOWN if distance is None else distance,
            source.priority, source.warehouse_id)


def rank_sources(sources: Iterable[Source], strategy: Strategy,
                 destination: Location | None, rates: Sequence[Rate]) -> list[Source]:
    """The sources in the order the strategy asks them (FEWEST_SHIPMENTS: as NEAREST)."""
    if strategy is Strategy.PRIORITY:
        return sorted(sources, key=lambda s: (s.priority, s.warehouse_id))
    transit = fastest_transit(rates, destination.zone_id if destination else None)
    return sorted(sources, key=lambda s: _nearest_key(s, destination, transit))
