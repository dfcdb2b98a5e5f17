"""Incoming supply: planned, changed, dropped and received, each a movement.

Pre-orders reserve from a supply (``locks.py``); what they hold is never given away: the
quantity cannot fall below it and a supply holding some cannot be deleted. When a supply
arrives its reserved units become allocated stock of the same orders, so the units stay
theirs (on hand and allocated grow together, movement SUPPLY_ARRIVED).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q

from backend.catalog.models import ProductVariant
from backend.core.errors import DomainValidationError, ErrorCollector

from ..models import IncomingSupply, MovementReason, StockItem, Warehouse
from .common import SYSTEM, Actor, Code, check_quantity, locked_stock_item, movement

REFERENCE_LENGTH = 64


@dataclass
class SupplyData:
    quantity: Decimal | None = None
    expected_date: date | None = None
    reference: str | None = None


def create_supply(warehouse: Warehouse, variant: ProductVariant, data: SupplyData, *,
                  actor: Actor = SYSTEM, today: date) -> IncomingSupply:
    errors = ErrorCollector()
    if data.quantity is None:
        errors.add(Code.REQUIRED, "The quantity is required.", "quantity")
    if data.expected_date is None:
        errors.add(Code.REQUIRED, "The expected date is required.", "expected_date")
    _check(errors, variant, data, today)
    errors.raise_if_any()
    supply = IncomingSupply.objects.create(
        warehouse=warehouse, variant=variant, quantity=data.quantity,
        expected_date=data.expected_date, reference=(data.reference or "").strip())
    _record(supply, actor, f"planned {supply.quantity.normalize()} for "
                           f"{supply.expected_date.isoformat()}")
    return supply


def update_supply(supply: IncomingSupply, data: SupplyData, *, actor: Actor = SYSTEM,
                  today: date) -> IncomingSupply:
    supply = IncomingSupply.objects.select_for_update().get(pk=supply.pk)
    errors = ErrorCollector()
    _check(errors, supply.variant, data, today)
    if (data.quantity is not None and not errors.errors
            and Decimal(data.quantity) < supply.reserved):
        errors.add(Code.RESERVED_EXCEEDS_QUANTITY,
                   f"{supply.variant.sku}: pre-orders hold {supply.reserved.normalize()} of "
                   "this supply.", "quantity", skus=[supply.variant.sku])
    errors.raise_if_any()
    for name in ("quantity", "expected_date"):
        if getattr(data, name) is not None:
            setattr(supply, name, getattr(data, name))
    if data.reference is not None:
        supply.reference = data.reference.strip()
    supply.save()
    _record(supply, actor, f"changed to {supply.quantity.normalize()} for "
                           f"{supply.expected_date.isoformat()}")
    return supply


def delete_supply(supply: IncomingSupply, *, actor: Actor = SYSTEM) -> None:
    supply = IncomingSupply.objects.select_for_update().get(pk=supply.pk)
    if supply.reserved:
        raise DomainValidationError.single(
            Code.SUPPLY_RESERVED, f"{supply.variant.sku}: pre-orders hold "
                                  f"{supply.reserved.normalize()} of this supply.", "id",
            skus=[supply.variant.sku])
    _record(supply, actor, f"dropped {supply.quantity.normalize()} expected on "
                           f"{supply.expected_date.isoformat()}", keep_link=False)
    supply.delete()


def receive_supply(supply: IncomingSupply, quantity: Decimal | None = None, *,
                   actor: Actor = SYSTEM) -> StockItem:
    """``quantity`` (all of it when None) has arrived: it goes on hand, the pre-orders'
    part of it into allocated; the supply keeps the rest (and is gone once empty)."""
    supply = IncomingSupply.objects.select_related("variant", "warehouse").get(pk=supply.pk)
    item = locked_stock_item(supply.warehouse, supply.variant)  # stock rows first
    supply = IncomingSupply.objects.select_for_update().select_related("variant").get(
        pk=supply.pk)
    arrived = supply.quantity if quantity is None else Decimal(quantity)
    errors = ErrorCollector()
    check_quantity(errors, arrived, supply.variant, "quantity", positive=True)
    if not errors.errors and arrived > supply.quantity:
        errors.add(Code.INVALID_QUANTITY, f"{supply.variant.sku}: only "
                                          f"{supply.quantity.normalize()} are expected.",
                   "quantity", skus=[supply.variant.sku])
    errors.raise_if_any()
    promised = min(supply.reserved, arrived)
    item.on_hand += arrived
    item.allocated += promised
    item.save(update_fields=["on_hand", "allocated", "updated_at"])
    supply.quantity -= arrived
    supply.reserved -= promised
    left = supply.quantity > 0
    movement(item, MovementReason.SUPPLY_ARRIVED, actor, on_hand_delta=arrived,
             allocated_delta=promised, reference=supply.reference,
             supply=supply if left else None,
             comment=f"expected on {supply.expected_date.isoformat()}").save()
    if left:
        supply.save(update_fields=["quantity", "reserved", "updated_at"])
    else:
        supply.delete()
    return item


def _check(errors: ErrorCollector, variant: ProductVariant, data: SupplyData,
           today: date) -> None:
    if data.quantity is not None:
        check_quantity(errors, data.quantity, variant, "quantity", positive=True)
    if data.expected_date is not None and data.expected_date < today:
        errors.add(Code.INVALID, "The expected date is in the past: receive the supply "
                                 "instead.", "expected_date")
    if data.reference is not None and len(data.reference.strip()) > REFERENCE_LENGTH:
        errors.add(Code.INVALID, f"A reference is at most {REFERENCE_LENGTH} characters.",
                   "reference")


def _record(supply: IncomingSupply, actor: Actor, comment: str, *,
            keep_link: bool = True) -> None:
    """A SUPPLY_PLANNED movement: no stock figure changes, the row's are its after."""
    item = StockItem.objects.filter(
        Q(warehouse_id=supply.warehouse_id) & Q(variant_id=supply.variant_id)).first() \
        or StockItem(warehouse_id=supply.warehouse_id, variant_id=supply.variant_id)
    movement(item, MovementReason.SUPPLY_PLANNED, actor, reference=supply.reference,
             supply=supply if keep_link else None, comment=comment).save()
