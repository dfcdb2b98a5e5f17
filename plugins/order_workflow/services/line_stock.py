"""What an order's lines still hold of the seller's stock, and taking units off it.

Placement wrote the order's picks as its planned shipments (``orders.ShipmentLine``: a
warehouse, a quantity, a supply for a pre-order), and ``orders.services.stock.order_plan``
reads them back as what ``locks.release`` gives back when the whole order goes. So that it
keeps giving back exactly what the order still holds, every unit that leaves the plan here
(shipped, or cancelled and released) comes off those rows: a row reaching zero is deleted.

Which rows give up units: shipping takes stock picks first (pre-orders wait for their
supply), earlier shipments first; cancelling gives back pre-orders first, then the latest
shipments' stock. The caller holds the order's lock, which every writer of these rows
takes first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from backend.orders.models import Order, ShipmentLine
from backend.orders.services.stock import OrderPlan
from inventory.engine.types import Pick, PlannedShipment


@dataclass(frozen=True)
class Taken:
    """The picks taken (one per shipment row touched) and the rows' new quantities."""

    picks: tuple[Pick, ...]
    rows: tuple[tuple[ShipmentLine, Decimal], ...]

    @property
    def warehouse_ids(self) -> set[int]:
        return {pick.warehouse_id for pick in self.picks}

    def plan(self) -> OrderPlan:
        """The shape ``locks.ship`` / ``locks.release`` read."""
        return plan_of(self.picks)


def plan_of(picks: Iterable[Pick]) -> OrderPlan:
    """``picks`` in the shape ``locks`` reads (one planned shipment each)."""
    return OrderPlan(tuple(PlannedShipment(warehouse_id=pick.warehouse_id, picks=(pick,),
                                           ready_date=pick.ready_date,
                                           weight_kg=Decimal(0), volume_m3=Decimal(0))
                           for pick in picks))


def held_rows(order: Order, line_ids: Iterable[int]) -> dict[int, list[ShipmentLine]]:
    """Each line's planned-shipment rows (one query)."""
    grouped: dict[int, list[ShipmentLine]] = {}
    rows = (ShipmentLine.objects.filter(shipment__order=order, order_line_id__in=list(line_ids))
            .select_related("shipment", "order_line")
            .order_by("shipment__position", "pk"))
    for row in rows:
        grouped.setdefault(row.order_line_id, []).append(row)
    return grouped


def take(rows: Mapping[int, list[ShipmentLine]], quantities: Mapping[int, Decimal], *,
         shipping: bool) -> Taken:
    """Up to ``quantities[line]`` units off each line's rows, in the order the module's
    docstring says; a line holding fewer gives what it holds."""
    picks: list[Pick] = []
    changes: list[tuple[ShipmentLine, Decimal]] = []
    for line_id, wanted in sorted(quantities.items()):
        ordered = sorted(rows.get(line_id, []), key=lambda r: (
            r.supply_id is not None, r.shipment.position, r.pk))
        if not shipping:
            ordered.reverse()
        left = wanted
        for row in ordered:
            if left <= 0:
                break
            part = min(left, row.quantity)
            left -= part
            line = row.order_line
            changes.append((row, row.quantity - part))
            if line.variant_id is not None:
                picks.append(Pick(line_key=line.position, variant_id=line.variant_id,
                                  sku=line.sku, warehouse_id=row.shipment.warehouse_id,
                                  quantity=part, supply_id=row.supply_id,
                                  ready_date=row.shipment.ship_date))
    return Taken(tuple(picks), tuple(changes))


def write_taken(taken: Taken) -> None:
    """The rows' new quantities: emptied rows go, the others shrink."""
    gone = [row.pk for row, left in taken.rows if left <= 0]
    kept = []
    for row, left in taken.rows:
        if left > 0:
            row.quantity = left
            kept.append(row)
    if gone:
        ShipmentLine.objects.filter(pk__in=gone).delete()
    if kept:
        ShipmentLine.objects.bulk_update(kept, ["quantity"])


def held_quantity(rows: Iterable[ShipmentLine]) -> Decimal:
    return sum((row.quantity for row in rows), Decimal(0))
