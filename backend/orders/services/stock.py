"""What an order holds of the seller's stock, read back from its planned shipments.

Placement allocates a plan (``inventory.services.locks.allocate``) and writes its picks as
the order's shipments: a ``ShipmentLine`` is one pick (its warehouse is the shipment's, a
``supply`` makes it a pre-order against incoming supply). ``order_plan`` turns those rows
back into the plan ``locks.release`` takes, so giving an order's units back returns
exactly what placing took, whatever the stock or the planning rules have become since.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inventory.engine.types import Pick, PlannedShipment

from ..models import Order, Shipment, ShipmentLine


@dataclass(frozen=True)
class OrderPlan:
    """The shape ``locks.allocate`` and ``locks.release`` read: shipments of picks, no
    shortfalls (what an order holds was available when it was placed)."""

    shipments: tuple[PlannedShipment, ...]
    shortfalls: tuple = ()


def order_plan(order: Order) -> OrderPlan:
    """The picks ``order`` holds, one planned shipment per shipment row (one query). A
    line whose variant has since been deleted holds nothing to give back (its stock rows
    went with it) and is left out."""
    rows = (ShipmentLine.objects.filter(shipment__order=order)
            .select_related("shipment", "order_line")
            .order_by("shipment__position", "order_line__position", "pk"))
    picks: dict[int, list[Pick]] = {}
    shipments: dict[int, Shipment] = {}
    for row in rows:
        line, shipment = row.order_line, row.shipment
        shipments.setdefault(shipment.pk, shipment)
        if line.variant_id is None:
            continue
        picks.setdefault(shipment.pk, []).append(Pick(
            line_key=line.position, variant_id=line.variant_id, sku=line.sku,
            warehouse_id=shipment.warehouse_id, quantity=row.quantity,
            supply_id=row.supply_id, ready_date=shipment.ship_date))
    planned = tuple(
        PlannedShipment(warehouse_id=shipment.warehouse_id, picks=tuple(picks[pk]),
                        ready_date=shipment.ship_date, weight_kg=shipment.weight_kg,
                        volume_m3=Decimal(0))
        for pk, shipment in shipments.items() if picks.get(pk))
    return OrderPlan(planned)
