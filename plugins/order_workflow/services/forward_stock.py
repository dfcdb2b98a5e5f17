"""What forwarding does with the stock the sub-dealers' orders hold, so that no unit is
taken twice.

A sub-dealer's order was planned from its seller's warehouses (``inventory.services.
planning``: the dealer's own stock centers) and holds those units (its ``ShipmentLine``
rows, ``backend.orders.services.stock.order_plan``). Forwarding hands the lines to the
manufacturer, whose goods reach the sub-dealer instead:

- units held in the dealer's (or anyone else's but the manufacturer's) warehouses are
  released and the source's shipment lines for them deleted: the source order no longer
  holds them, so a later cancellation releases nothing twice;
- units held in the manufacturer's own warehouses (a network planning from the factory's
  stock) are carried over: their shipment lines move to the forwarded order, the
  allocation stays as it is;
- what is left of each variant is planned and allocated from the manufacturer's
  warehouses for the dealer, as placing the dealer's own order would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.utils import timezone

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.orders.models import OrderLine, Shipment, ShipmentLine
from backend.orders.services.stock import OrderPlan
from inventory.engine.types import Pick, PlannedShipment
from inventory.models import Warehouse
from inventory.services import locks
from inventory.services.planning import PlanLine, allocation_request, with_plugin_quotes

from ..errors import WorkflowErrorCode as Code

ZERO = Decimal(0)


@dataclass
class SourceStock:
    """The source lines' shipment lines split by the owner of their warehouse."""

    carried: list[ShipmentLine]  # in the manufacturer's warehouses: moved to the new order
    released: list[ShipmentLine]  # anywhere else: given back

    def carried_by_variant(self) -> dict[int, Decimal]:
        found: dict[int, Decimal] = defaultdict(Decimal)
        for row in self.carried:
            found[row.order_line.variant_id] += row.quantity
        return dict(found)


def source_stock(lines: Iterable[OrderLine], manufacturer_id: int) -> SourceStock:
    """The shipment lines ``lines`` hold, split (one query)."""
    rows = list(ShipmentLine.objects.filter(order_line__in=[line.pk for line in lines])
                .select_related("shipment", "order_line")
                .order_by("shipment__order_id", "shipment__position", "pk"))
    owners = dict(Warehouse.objects.filter(pk__in={r.shipment.warehouse_id for r in rows})
                  .values_list("pk", "owner_id"))
    stock = SourceStock([], [])
    for row in rows:
        (stock.carried if owners.get(row.shipment.warehouse_id) == manufacturer_id
         else stock.released).append(row)
    return stock


def release_source(stock: SourceStock, *, reference: str, user: Any,
                   organization: Any) -> None:
    """Give back the released rows' units and delete the rows (and the source shipments
    they leave empty)."""
    if not stock.released:
        return
    picks = [Pick(line_key=row.order_line.position, variant_id=row.order_line.variant_id,
                  sku=row.order_line.sku, warehouse_id=row.shipment.warehouse_id,
                  quantity=row.quantity, supply_id=row.supply_id,
                  ready_date=row.shipment.ship_date)
             for row in stock.released if row.order_line.variant_id is not None]
    plan = OrderPlan(tuple(PlannedShipment(warehouse_id=pick.warehouse_id, picks=(pick,),
                                           ready_date=pick.ready_date, weight_kg=ZERO,
                                           volume_m3=ZERO) for pick in picks))
    locks.release(plan, reference=reference, user=user, organization=organization)
    shipment_ids = {row.shipment_id for row in stock.released}
    ShipmentLine.objects.filter(pk__in=[row.pk for row in stock.released]).delete()
    Shipment.objects.filter(pk__in=shipment_ids, lines__isnull=True).delete()


def manufacturer_plan(dealer: Organization, needs: list[tuple[int, Decimal]],
                      preorder: bool) -> Any:
    """The delivery plan of ``needs`` ((item index, variant id, quantity) by index) from
    the manufacturer's warehouses to the dealer's region; picks keyed by item index.
    Shortfalls: OUT_OF_STOCK naming the SKU and the missing quantity."""
    from inventory.engine.delivery import plan_delivery

    wanted = [(index, variant_id, quantity) for index, (variant_id, quantity)
              in enumerate(needs) if quantity > 0]
    if not wanted:
        return _EMPTY
    request = allocation_request(dealer, [PlanLine(v, q) for _i, v, q in wanted], None, None,
                                 False, timezone.localdate())
    if preorder:
        request = replace(request, lines=tuple(replace(line, preorder_allowed=True)
                                               for line in request.lines))
    plan = with_plugin_quotes(plan_delivery(request), request)
    if plan.shortfalls:
        raise DomainValidationError([ErrorDetail(
            Code.OUT_OF_STOCK, f"{s.sku}: the manufacturer is {s.missing.normalize()} short "
                               f"of {s.requested.normalize()}.", "orders",
            {"skus": [s.sku], "missing": s.missing}) for s in plan.shortfalls])
    keys = {plan_key: index for plan_key, (index, _v, _q) in enumerate(wanted)}
    return replace(plan, shipments=tuple(
        replace(d, shipment=replace(d.shipment, picks=tuple(
            replace(p, line_key=keys[p.line_key]) for p in d.shipment.picks)))
        for d in plan.shipments))


@dataclass(frozen=True)
class _NoPlan:
    shipments: tuple = ()
    shortfalls: tuple = ()


_EMPTY = _NoPlan()


def carry_over(stock: SourceStock, order: Any, lines_by_variant: dict[int, OrderLine],
               first_position: int) -> None:
    """Move the carried rows to ``order``: one shipment per source shipment, its rows
    pointing at the forwarded line of their variant."""
    shipments: dict[int, Shipment] = {}
    for row in stock.carried:
        source = row.shipment
        if source.pk not in shipments:
            shipments[source.pk] = Shipment.objects.create(
                order=order, position=first_position + len(shipments),
                warehouse_id=source.warehouse_id, carrier_id=source.carrier_id,
                pickup=source.pickup, preorder=source.preorder, cost_net=None,
                currency=order.currency, ship_date=source.ship_date,
                arrival_date=source.arrival_date, weight_kg=ZERO)
        ShipmentLine.objects.filter(pk=row.pk).update(
            shipment=shipments[source.pk],
            order_line=lines_by_variant[row.order_line.variant_id])
    Shipment.objects.filter(pk__in={row.shipment_id for row in stock.carried},
                            lines__isnull=True).delete()
