"""Grouping the plan's takes into shipments: one per warehouse and ready date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from .ledger import ZERO, Take
from .types import Pick, PlannedShipment


def build_shipments(takes: Sequence[Take], rank: Mapping[int, int], *,
                    together: bool = False) -> tuple[PlannedShipment, ...]:
    """Stock and supply ready on the same day at one warehouse leave together. With
    ``together`` (one shipment) each warehouse's parts wait for its latest one. Shipments
    come earliest first, then in the warehouses' rank; picks by line, stock before supply."""
    groups: dict[tuple[int, date | None], list[Take]] = {}
    for take in takes:
        groups.setdefault((take.warehouse_id, None if together else take.ready_date),
                          []).append(take)
    shipments = []
    for (warehouse_id, _), members in groups.items():
        members.sort(key=lambda t: (t.line.key, t.supply_id is not None, t.supply_id or 0))
        weight = volume = ZERO
        picks = []
        for take in members:
            line = take.line
            weight += take.quantity * line.weight_kg
            volume += take.quantity * line.volume_m3
            picks.append(Pick(line.key, line.variant_id, line.sku, warehouse_id, take.quantity,
                              take.supply_id, take.ready_date))
        shipments.append(PlannedShipment(warehouse_id, tuple(picks),
                                         max(t.ready_date for t in members),
                                         _normal(weight), _normal(volume)))
    shipments.sort(key=lambda s: (s.ready_date, rank[s.warehouse_id], s.warehouse_id))
    return tuple(shipments)


def _normal(amount: Decimal) -> Decimal:
    return amount if amount else ZERO
