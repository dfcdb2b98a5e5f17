"""Taking a plan's units for an order, and giving them back, so that two buyers can never
take the same unit.

The locking rule: inside the caller's transaction, the stock rows a plan touches are
locked (SELECT ... FOR UPDATE) in primary-key order, then the incoming supply rows in
primary-key order, and only then is anything checked or written. Every writer of those
rows takes them in the same order, so two carts with the same lines in any order wait for
each other instead of deadlocking. Availability is read under the locks; if any row falls
short, ``InsufficientStock`` names every SKU short and nothing is written. The database's
checks (allocated <= on hand, reserved <= quantity) hold the line should a caller forget.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from django.db import connection
from django.utils import timezone

from backend.core.errors import DomainValidationError, ErrorDetail

from ..engine.types import Pick, PlannedShipment
from ..models import IncomingSupply, MovementReason, StockItem, StockMovement
from .common import Actor, Code, movement


class InsufficientStock(DomainValidationError):
    """Some of the plan's units are no longer there: one error per SKU short, code
    NOT_ENOUGH_STOCK (or the plan's own shortfall reason), params skus and missing."""


@dataclass
class _Need:
    sku: str
    quantity: Decimal


def allocate(plan: object, *, reference: str, user: object = None,
             organization: object = None) -> None:
    """Take every pick of ``plan`` (an ``AllocationPlan`` or the delivery engine's plan,
    whose shipments carry a ``shipment``): stock picks into ``allocated``, pre-order picks
    into their supply's ``reserved``; movements ALLOCATION and PREORDER."""
    shortfalls = getattr(plan, "shortfalls", ())
    if shortfalls:
        raise InsufficientStock([ErrorDetail(
            Code[s.reason.value], f"{s.sku}: {s.missing.normalize()} of "
                                  f"{s.requested.normalize()} cannot be supplied.",
            "lines", {"skus": [s.sku], "missing": s.missing}) for s in shortfalls])
    _apply(_picks(plan), sign=1, actor=Actor(user, organization), reference=reference)


def release(plan: object, *, reference: str, user: object = None,
            organization: object = None) -> None:
    """Give back what ``allocate`` took for the same plan: movements RELEASE and
    PREORDER_RELEASE. Releasing more than is held is a programming error (INVALID)."""
    _apply(_picks(plan), sign=-1, actor=Actor(user, organization), reference=reference)


def ship(plan: object, *, reference: str, user: object = None,
         organization: object = None) -> None:
    """The plan's units leave their warehouses: a stock pick's units come off both on hand
    and allocated; a pre-order pick's reservation on its supply is given back and its units
    come off the warehouse's free stock (the supply must have arrived: NOT_ENOUGH_STOCK
    otherwise). Movements SHIPMENT (and PREORDER_RELEASE). The same locks, in the same
    order, as ``allocate``."""
    picks = _picks(plan)
    if not picks:
        return
    actor = Actor(user, organization)
    held: dict[tuple[int, int], _Need] = {}
    free: dict[tuple[int, int], _Need] = {}
    reserved: dict[int, _Need] = {}
    for pick in picks:
        key = (pick.warehouse_id, pick.variant_id)
        if pick.supply_id is None:
            held.setdefault(key, _Need(pick.sku, Decimal(0))).quantity += pick.quantity
        else:
            free.setdefault(key, _Need(pick.sku, Decimal(0))).quantity += pick.quantity
            reserved.setdefault(pick.supply_id, _Need(pick.sku, Decimal(0))).quantity += (
                pick.quantity)
    items = _locked_stock(set(held) | set(free))
    supplies = _locked_supply(set(reserved))
    _refuse_short(held, reserved, items, supplies, -1)
    _refuse_short(free, {}, items, supplies, 1)
    now = timezone.now()
    movements = []
    for key in sorted(set(held) | set(free)):
        item = items[key]
        from_allocated = held[key].quantity if key in held else Decimal(0)
        quantity = from_allocated + (free[key].quantity if key in free else Decimal(0))
        item.on_hand -= quantity
        item.allocated -= from_allocated
        item.updated_at = now
        movements.append(movement(item, MovementReason.SHIPMENT, actor,
                                  on_hand_delta=-quantity, allocated_delta=-from_allocated,
                                  reference=reference))
    for supply_id, need in sorted(reserved.items()):
        supply = supplies[supply_id]
        supply.reserved -= need.quantity
        supply.updated_at = now
        movements.append(movement(items[(supply.warehouse_id, supply.variant_id)],
                                  MovementReason.PREORDER_RELEASE, actor, reference=reference,
                                  supply=supply, comment=f"{need.quantity} shipped"))
    with connection.cursor() as cursor:
        chosen = [items[key] for key in sorted(set(held) | set(free))]
        cursor.execute(
            f"UPDATE {StockItem._meta.db_table} AS s SET on_hand = v.on_hand, "
            "allocated = v.allocated, updated_at = %s FROM unnest(%s::bigint[], "
            "%s::numeric[], %s::numeric[]) AS v(id, on_hand, allocated) WHERE s.id = v.id",
            [now, [item.pk for item in chosen], [item.on_hand for item in chosen],
             [item.allocated for item in chosen]])
    if reserved:
        IncomingSupply.objects.bulk_update([supplies[pk] for pk in sorted(reserved)],
                                           ["reserved", "updated_at"])
    _insert_movements(movements, now)


def _picks(plan: object) -> list[Pick]:
    shipments: Iterable[object] = getattr(plan, "shipments", ())
    found: list[Pick] = []
    for entry in shipments:
        shipment: PlannedShipment = getattr(entry, "shipment", entry)  # type: ignore[assignment]
        found.extend(shipment.picks)
    return found


def _apply(picks: list[Pick], *, sign: int, actor: Actor, reference: str) -> None:
    stock_needs: dict[tuple[int, int], _Need] = {}
    supply_needs: dict[int, _Need] = {}
    for pick in picks:
        if pick.supply_id is None:
            need = stock_needs.setdefault((pick.warehouse_id, pick.variant_id),
                                          _Need(pick.sku, Decimal(0)))
        else:
            need = supply_needs.setdefault(pick.supply_id, _Need(pick.sku, Decimal(0)))
        need.quantity += pick.quantity
    if not stock_needs and not supply_needs:
        return
    supply_pairs = {(pick.warehouse_id, pick.variant_id) for pick in picks
                    if pick.supply_id is not None}
    items = _locked_stock(set(stock_needs) | supply_pairs)
    supplies = _locked_supply(set(supply_needs))
    _refuse_short(stock_needs, supply_needs, items, supplies, sign)
    now = timezone.now()
    changed_items = []
    movements = []
    for key, need in sorted(stock_needs.items()):
        item = items[key]
        item.allocated += sign * need.quantity
        item.updated_at = now
        changed_items.append(item)
        reason = MovementReason.ALLOCATION if sign > 0 else MovementReason.RELEASE
        movements.append(movement(item, reason, actor, allocated_delta=sign * need.quantity,
                                  reference=reference))
    for supply_id, need in sorted(supply_needs.items()):
        supply = supplies[supply_id]
        supply.reserved += sign * need.quantity
        supply.updated_at = now
        reason = MovementReason.PREORDER if sign > 0 else MovementReason.PREORDER_RELEASE
        # No stock row yet (goods expected where none are held): the movement's figures
        # are zeros of the columns' type, as the other movements' (one typed array).
        item = items.get((supply.warehouse_id, supply.variant_id)) or StockItem(
            warehouse_id=supply.warehouse_id, variant_id=supply.variant_id,
            on_hand=Decimal(0), allocated=Decimal(0))
        movements.append(movement(item, reason, actor, reference=reference, supply=supply,
                                  comment=f"{sign * need.quantity} of the supply expected "
                                          f"on {supply.expected_date.isoformat()}"))
    if changed_items:
        _write_allocated(changed_items, now)
    if supply_needs:
        IncomingSupply.objects.bulk_update([supplies[pk] for pk in sorted(supply_needs)],
                                           ["reserved", "updated_at"])
    _insert_movements(movements, now)


def _locked_stock(pairs: set[tuple[int, int]]) -> dict[tuple[int, int], StockItem]:
    """The stock rows of (warehouse, variant) ``pairs``, locked in primary-key order (one
    statement: the ORM's OR of pairs costs more to build than the query takes to run)."""
    if not pairs:
        return {}
    warehouses, variants = zip(*sorted(pairs), strict=True)
    rows = StockItem.objects.raw(
        f"SELECT * FROM {StockItem._meta.db_table} WHERE (warehouse_id, variant_id) IN "
        "(SELECT * FROM unnest(%s::bigint[], %s::bigint[])) ORDER BY id FOR UPDATE",
        [list(warehouses), list(variants)])
    return {(item.warehouse_id, item.variant_id): item for item in rows}


def _write_allocated(items: list[StockItem], now: object) -> None:
    """Each locked row's new allocated in one UPDATE (the check constraints still hold
    it between 0 and on hand)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {StockItem._meta.db_table} AS s SET allocated = v.allocated, "
            "updated_at = %s FROM unnest(%s::bigint[], %s::numeric[]) AS v(id, allocated) "
            "WHERE s.id = v.id",
            [now, [item.pk for item in items], [item.allocated for item in items]])


MOVEMENT_COLUMNS = (
    ("warehouse_id", "bigint"), ("variant_id", "bigint"), ("supply_id", "bigint"),
    ("reason", "text"), ("on_hand_delta", "numeric"), ("allocated_delta", "numeric"),
    ("on_hand_after", "numeric"), ("allocated_after", "numeric"), ("user_id", "bigint"),
    ("organization_id", "bigint"), ("reference", "text"), ("comment", "text"))


def _insert_movements(movements: list[StockMovement], now: object) -> None:
    """The movements in one INSERT of arrays (an order's lines are dozens of rows; the
    ORM's bulk_create spends longer preparing them than the database storing them)."""
    names = ", ".join(name for name, _ in MOVEMENT_COLUMNS)
    arrays = ", ".join(f"%s::{kind}[]" for _, kind in MOVEMENT_COLUMNS)
    values = [[_plain(getattr(m, name)) for m in movements] for name, _ in MOVEMENT_COLUMNS]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {StockMovement._meta.db_table} ({names}, created_at) "
            f"SELECT *, %s FROM unnest({arrays})", [now, *values])


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def _locked_supply(ids: set[int]) -> dict[int, IncomingSupply]:
    if not ids:
        return {}
    rows = IncomingSupply.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    return {supply.pk: supply for supply in rows}


def _refuse_short(stock_needs: dict[tuple[int, int], _Need], supply_needs: dict[int, _Need],
                  items: dict[tuple[int, int], StockItem],
                  supplies: dict[int, IncomingSupply], sign: int) -> None:
    short: dict[str, Decimal] = defaultdict(Decimal)
    for key, need in stock_needs.items():
        item = items.get(key)
        if item is None:
            held = Decimal(0)
        else:
            held = item.on_hand - item.allocated if sign > 0 else item.allocated
        if need.quantity > held:
            short[need.sku] += need.quantity - held
    for supply_id, need in supply_needs.items():
        supply = supplies.get(supply_id)
        if supply is None:
            held = Decimal(0)
        else:
            held = supply.quantity - supply.reserved if sign > 0 else supply.reserved
        if need.quantity > held:
            short[need.sku] += need.quantity - held
    if not short:
        return
    if sign < 0:
        raise DomainValidationError([ErrorDetail(
            Code.INVALID, f"{sku}: {missing.normalize()} more would be released than is "
                          "held.", "lines", {"skus": [sku]})
            for sku, missing in sorted(short.items())])
    raise InsufficientStock([ErrorDetail(
        Code.NOT_ENOUGH_STOCK, f"{sku}: {missing.normalize()} fewer available than the "
                               "order needs.", "lines", {"skus": [sku], "missing": missing})
        for sku, missing in sorted(short.items())])

