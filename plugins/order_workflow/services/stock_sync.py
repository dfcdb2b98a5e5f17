"""The seller's stock an order holds, brought in line with what moderation made of it.

What an order holds is its planned shipments' rows (``orders.ShipmentLine``, read back by
``backend.orders.services.stock``). Accepted proposals change lines at once but leave the
stock alone; ``orderConfirm`` then calls ``reconcile``: per line, the units still wanted
(quantity less cancelled units) against the units held:

- fewer wanted: the surplus is released, from the line's latest rows first;
- more wanted: the shortfall is allocated from a warehouse of the order's shipments
  (the line's own first) that has it, else the first one, whose refusal names the SKU and
  the missing quantity (OUT_OF_STOCK);
- another variant (an accepted substitute): everything held of the old variant is
  released and the wanted units of the new one allocated.

The rows are rewritten to match, so a later release (cancel, reject) gives back exactly
what is held. Until the order is confirmed a substituted line still holds its OLD variant:
the first accepted substitute's ``before.variant_id`` says which.

Every stock write goes through ``inventory.services.locks`` (its lock order), inside the
caller's transaction: a refusal rolls back the whole confirmation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F

from backend.core.errors import DomainValidationError, ErrorDetail
from backend.orders.models import Order, OrderLine, Shipment, ShipmentLine
from backend.orders.numbers import format_number
from inventory.engine.types import Pick, PlannedShipment
from inventory.models import StockItem
from inventory.services import locks
from inventory.services.locks import InsufficientStock

from ..errors import WorkflowErrorCode as Code
from ..models import LineProposal, LineUnits, ProposalKind, ProposalStatus

ZERO = Decimal(0)


@dataclass(frozen=True)
class _Plan:
    """The shape ``locks.allocate`` / ``locks.release`` read."""

    shipments: tuple[PlannedShipment, ...]
    shortfalls: tuple = ()


def _plan(picks: list[Pick]) -> _Plan:
    by_warehouse: dict[tuple[int, object], list[Pick]] = defaultdict(list)
    for pick in picks:
        by_warehouse[(pick.warehouse_id, pick.ready_date)].append(pick)
    return _Plan(tuple(PlannedShipment(warehouse_id=w, picks=tuple(p), ready_date=d,
                                       weight_kg=ZERO, volume_m3=ZERO)
                       for (w, d), p in by_warehouse.items()))


def _held_variants(order: Order, confirmed: bool) -> dict[int, int | None]:
    """Line id -> the variant its rows hold, for lines substituted since placing."""
    if confirmed:
        return {}
    found: dict[int, int | None] = {}
    for line_id, before in (LineProposal.objects.filter(
            order=order, kind=ProposalKind.SUBSTITUTE, status=ProposalStatus.ACCEPTED)
            .order_by("answered_at", "pk").values_list("line_id", "before")):
        found.setdefault(line_id, before.get("variant_id"))
    return found


def _pick(row: ShipmentLine, line: OrderLine, variant_id: int, quantity: Decimal) -> Pick:
    return Pick(line_key=line.position, variant_id=variant_id, sku=line.sku,
                warehouse_id=row.shipment.warehouse_id, quantity=quantity,
                supply_id=row.supply_id, ready_date=row.shipment.ship_date)


def release_all(order: Order, *, confirmed: bool, user: object = None,
                organization: object = None) -> None:
    """Give back everything ``order`` holds (a rejection, a cancellation)."""
    held = _held_variants(order, confirmed)
    picks = []
    for row in (ShipmentLine.objects.filter(shipment__order=order)
                .select_related("shipment", "order_line")):
        line = row.order_line
        variant_id = held.get(line.pk, line.variant_id)
        if variant_id is not None:
            picks.append(_pick(row, line, variant_id, row.quantity))
    if picks:
        locks.release(_plan(picks), reference=_reference(order), user=user,
                      organization=organization)


def reconcile(order: Order, *, user: object = None, organization: object = None
              ) -> list[dict[str, str]]:
    """Release and allocate what the lines' changes need (see the module); returns the
    changes made, per SKU, for the confirmation's event."""
    held = _held_variants(order, confirmed=False)
    rows: dict[int, list[ShipmentLine]] = defaultdict(list)
    for row in (ShipmentLine.objects.filter(shipment__order=order)
                .select_related("shipment").order_by("shipment__position", "pk")):
        rows[row.order_line_id].append(row)
    units = {u.line_id: u for u in LineUnits.objects.filter(order=order)}
    shipments = list(Shipment.objects.filter(order=order).order_by("position"))
    releases: list[Pick] = []
    wants: list[tuple[OrderLine, Decimal]] = []
    changes: list[dict[str, str]] = []
    for line in OrderLine.objects.filter(order=order).order_by("position"):
        line_units = units.get(line.pk)
        wanted = line.quantity - (line_units.cancelled if line_units else ZERO)
        held_variant = held.get(line.pk, line.variant_id)
        line_rows = rows.get(line.pk, [])
        holding = sum((row.quantity for row in line_rows), ZERO)
        if held_variant != line.variant_id:
            surplus, shortfall = holding, wanted
        else:
            surplus, shortfall = max(holding - wanted, ZERO), max(wanted - holding, ZERO)
        if surplus and held_variant is not None:
            releases.extend(_cut(line, line_rows, held_variant, surplus))
            changes.append({"sku": line.sku, "released": str(surplus)})
        if shortfall and line.variant_id is not None:
            wants.append((line, shortfall))
            changes.append({"sku": line.sku, "allocated": str(shortfall)})
    if releases:
        locks.release(_plan(releases), reference=_reference(order), user=user,
                      organization=organization)
    if wants:
        _allocate(order, wants, rows, shipments, user=user, organization=organization)
    return changes


def _cut(line: OrderLine, rows: list[ShipmentLine], variant_id: int,
         surplus: Decimal) -> list[Pick]:
    """Take ``surplus`` off the line's rows, latest first; the picks to release."""
    picks = []
    for row in reversed(rows):
        if not surplus:
            break
        taken = min(row.quantity, surplus)
        picks.append(_pick(row, line, variant_id, taken))
        surplus -= taken
        if taken == row.quantity:
            row.delete()
            rows.remove(row)
        else:
            ShipmentLine.objects.filter(pk=row.pk).update(quantity=F("quantity") - taken)
            row.quantity -= taken
    return picks


def _allocate(order: Order, wants: list[tuple[OrderLine, Decimal]],
              rows: dict[int, list[ShipmentLine]], shipments: list[Shipment], *,
              user: object, organization: object) -> None:
    if not shipments:
        raise DomainValidationError([_out_of_stock(line, quantity) for line, quantity in wants])
    available = {(w, v): on_hand - allocated for w, v, on_hand, allocated in
                 StockItem.objects.filter(
                     warehouse_id__in={s.warehouse_id for s in shipments},
                     variant_id__in={line.variant_id for line, _ in wants})
                 .values_list("warehouse_id", "variant_id", "on_hand", "allocated")}
    picks, placed = [], []
    for line, quantity in wants:
        assert line.variant_id is not None
        own = [row.shipment for row in rows.get(line.pk, []) if row.supply_id is None]
        candidates = own + [s for s in shipments if s not in own]
        shipment = next((s for s in candidates
                         if available.get((s.warehouse_id, line.variant_id), ZERO) >= quantity),
                        candidates[0])
        picks.append(Pick(line_key=line.position, variant_id=line.variant_id, sku=line.sku,
                          warehouse_id=shipment.warehouse_id, quantity=quantity,
                          supply_id=None, ready_date=shipment.ship_date))
        placed.append((line, shipment, quantity))
    try:
        locks.allocate(_plan(picks), reference=_reference(order), user=user,
                       organization=organization)
    except InsufficientStock as short:
        raise DomainValidationError([
            ErrorDetail(Code.OUT_OF_STOCK, f"Not enough stock to confirm: {e.message}",
                        None, e.params) for e in short.errors]) from None
    for line, shipment, quantity in placed:
        row = (ShipmentLine.objects.filter(shipment=shipment, order_line=line,
                                           supply__isnull=True).order_by("pk").first())
        if row is None:
            ShipmentLine.objects.create(shipment=shipment, order_line=line, quantity=quantity)
        else:
            ShipmentLine.objects.filter(pk=row.pk).update(quantity=F("quantity") + quantity)


def _out_of_stock(line: OrderLine, quantity: Decimal) -> ErrorDetail:
    return ErrorDetail(Code.OUT_OF_STOCK, f"{line.sku}: {quantity.normalize()} more are "
                                          "needed and no warehouse ships this order.",
                       None, {"skus": [line.sku], "missing": quantity})


def _reference(order: Order) -> str:
    return f"order {format_number(order.year, order.serial)}"[:64]
