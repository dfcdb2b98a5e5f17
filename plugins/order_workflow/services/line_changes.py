"""The buyer changes a line's quantity while the order is open (``orderLineQuantityChange``).

Only pending units change: a smaller quantity takes units off PENDING (NOT_ENOUGH_UNITS
when fewer are pending) and gives back the stock the line then holds beyond its units
still to ship; a larger one adds pending units and takes their stock from the warehouse
the line is planned from (OUT_OF_STOCK naming the SKU and the missing quantity). The
line's and the order's totals follow at the line's own prices; the moderation's version
moves on (a moderator holding the old one gets CONCURRENT_CHANGE); event LINE_CHANGED.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F

from backend.core.errors import DomainValidationError, ErrorDetail
from backend.core.viewer import Viewer
from backend.orders.models import Order, OrderLine, Shipment, ShipmentLine
from backend.orders.numbers import format_number
from backend.orders.services import events
from backend.orders.visibility import visible_order_lines
from inventory.engine.types import Pick
from inventory.services import locks
from inventory.services.common import quantity_error

from ..errors import WorkflowErrorCode as Code
from ..models import OPEN_STATES, LineUnits, OrderModeration
from ..people import may_answer
from .line_stock import plan_of
from .locking import changed_by
from .units import release_surplus

CENT = Decimal("0.01")


def change_quantity(viewer: Viewer, line: OrderLine | int, quantity: Decimal,
                    version: int | None = None) -> OrderLine:
    """The line (its ``order`` attached) with ``quantity`` units (see the docstring)."""
    pk: Any = getattr(line, "pk", line)
    # No savepoint of its own: a refusal rolls back the caller's whole transaction (a
    # mutation's), and two round trips less on the hot path.
    with transaction.atomic(savepoint=False):
        order_id = visible_order_lines(viewer).filter(pk=pk).values_list(
            "order_id", flat=True).first()
        if order_id is None:
            raise DomainValidationError.single(Code.NOT_FOUND, "No order line with this ID.",
                                               "line")
        order = Order.objects.select_for_update(of=("self",)).get(pk=order_id)
        moderation = OrderModeration.objects.filter(order=order).first()
        _check(viewer, order, moderation, version)
        units = LineUnits.objects.select_for_update(of=("self",)).select_related(
            "line").get(line_id=pk)
        changed = units.line
        problem = quantity_error(quantity, changed.unit, positive=True)
        if problem is not None:
            raise DomainValidationError.single(Code.INVALID, problem[1], "quantity")
        delta = quantity - changed.quantity
        if delta == 0:
            changed.order = order
            return changed
        if units.pending + delta < 0:
            raise DomainValidationError.single(
                Code.NOT_ENOUGH_UNITS,
                f"{changed.sku}: only {units.pending.normalize()} units are pending; the "
                f"quantity cannot go below {(changed.quantity - units.pending).normalize()}.",
                "quantity")
        before = changed.quantity
        LineUnits.objects.filter(pk=units.pk).update(pending=F("pending") + delta)
        if delta < 0:
            still = units.pending + delta + units.in_production + units.ready
            release_surplus(viewer, order, {changed.pk: still})
        else:
            _allocate(viewer, order, changed, delta)
        _totals(order, changed, quantity)
        OrderModeration.objects.filter(pk=moderation.pk).update(version=F("version") + 1)
        events.record(order, "LINE_CHANGED", user=viewer.user, acting_as=viewer.organization,
                      before={"moderation_state": moderation.state, "line": changed.pk,
                              "sku": changed.sku, "quantity": str(before)},
                      after={"moderation_state": moderation.state, "line": changed.pk,
                             "sku": changed.sku, "quantity": str(quantity)})
    changed.order = order
    return changed


def _check(viewer: Viewer, order: Order, moderation: OrderModeration | None,
           version: int | None) -> None:
    if not may_answer(viewer, order.buyer_id):
        raise DomainValidationError.single(
            Code.PERMISSION_DENIED, "Only the buyer, acting for itself, changes its lines.",
            "line")
    if moderation is None or moderation.state not in OPEN_STATES:
        raise DomainValidationError.single(
            Code.WRONG_STATE, "The order's lines can no longer change.", "line")
    if version is not None and version != moderation.version:
        raise DomainValidationError.single(Code.CONCURRENT_CHANGE, changed_by(order.pk),
                                           "version")


def _allocate(viewer: Viewer, order: Order, line: OrderLine, quantity: Decimal) -> None:
    """Take ``quantity`` more units of the line's variant in the warehouse it is planned
    from (its first stock row; else the order's first shipment)."""
    if line.variant_id is None:
        return
    row = (ShipmentLine.objects.filter(order_line=line, supply__isnull=True)
           .select_related("shipment").order_by("shipment__position", "pk").first())
    shipment = row.shipment if row else (Shipment.objects.filter(order=order)
                                         .order_by("position").first())
    if shipment is None:
        return
    pick = Pick(line_key=line.position, variant_id=line.variant_id, sku=line.sku,
                warehouse_id=shipment.warehouse_id, quantity=quantity, supply_id=None,
                ready_date=shipment.ship_date)
    try:
        locks.allocate(plan_of([pick]), reference=format_number(order.year, order.serial),
                       user=viewer.user, organization=viewer.organization)
    except DomainValidationError as error:
        raise DomainValidationError([ErrorDetail(Code.OUT_OF_STOCK, detail.message,
                                                 "quantity", detail.params)
                                     for detail in error.errors]) from None
    if row is not None:
        ShipmentLine.objects.filter(pk=row.pk).update(quantity=F("quantity") + quantity)
    else:
        ShipmentLine.objects.create(shipment=shipment, order_line=line, quantity=quantity)


def _totals(order: Order, line: OrderLine, quantity: Decimal) -> None:
    """The line's totals at its own prices, and the order's by the difference."""
    net = (line.unit_net * quantity).quantize(CENT)
    gross = (line.unit_gross * quantity).quantize(CENT)
    delta_net, delta_gross = net - line.total_net, gross - line.total_gross
    line.quantity, line.total_net, line.total_gross = quantity, net, gross
    line.save(update_fields=["quantity", "total_net", "total_gross"])
    order.subtotal_net += delta_net
    order.total_net += delta_net
    order.total_gross += delta_gross
    order.total_vat = order.total_gross - order.total_net
    order.grand_total_gross += delta_gross
    order.save(update_fields=["subtotal_net", "total_net", "total_gross", "total_vat",
                              "grand_total_gross", "updated_at"])
