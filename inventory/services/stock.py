"""Stock edits by a person: set a figure, or add (or take) some; every change a movement
in the same transaction, and on hand never below what orders hold."""

from __future__ import annotations

from decimal import Decimal

from backend.catalog.models import ProductVariant
from backend.core.errors import DomainValidationError, ErrorCollector

from ..models import MovementReason, StockItem, Warehouse
from .common import (
    SYSTEM,
    Actor,
    Code,
    check_quantity,
    locked_stock_item,
    movement,
    refuse_below_allocated,
)

# What a person may say an adjustment is (the rest are written by the services).
MANUAL_REASONS = (MovementReason.ADJUSTMENT, MovementReason.RECEIPT)


def set_stock(warehouse: Warehouse, variant: ProductVariant, on_hand: Decimal, *,
              actor: Actor = SYSTEM, reason: MovementReason = MovementReason.ADJUSTMENT,
              comment: str = "", reference: str = "") -> StockItem:
    """Make ``variant``'s on hand in ``warehouse`` exactly ``on_hand``."""
    errors = ErrorCollector()
    check_quantity(errors, on_hand, variant, "on_hand")
    errors.raise_if_any()
    item = locked_stock_item(warehouse, variant)
    on_hand = Decimal(on_hand)
    refuse_below_allocated(item, on_hand, variant.sku)
    delta = on_hand - item.on_hand
    if delta:
        item.on_hand = on_hand
        item.save(update_fields=["on_hand", "updated_at"])
        movement(item, reason, actor, on_hand_delta=delta, reference=reference,
                 comment=comment).save()
    return item


def adjust_stock(warehouse: Warehouse, variant: ProductVariant, delta: Decimal, *,
                 actor: Actor = SYSTEM, reason: MovementReason = MovementReason.ADJUSTMENT,
                 comment: str = "", reference: str = "") -> StockItem:
    """Add ``delta`` (negative: take) to ``variant``'s on hand in ``warehouse``. A RECEIPT
    only adds."""
    errors = ErrorCollector()
    if reason not in MANUAL_REASONS:
        errors.add(Code.INVALID, "An adjustment is an ADJUSTMENT or a RECEIPT.", "reason")
    check_quantity(errors, abs(Decimal(delta)) if _is_number(delta) else delta, variant,
                   "delta", positive=True, what="change")
    if reason == MovementReason.RECEIPT and _is_number(delta) and Decimal(delta) < 0:
        errors.add(Code.INVALID_QUANTITY, "A receipt adds stock: the change must be above "
                                          "zero.", "delta", skus=[variant.sku])
    errors.raise_if_any()
    item = locked_stock_item(warehouse, variant)
    after = item.on_hand + Decimal(delta)
    if after < 0:
        raise DomainValidationError.single(
            Code.INVALID_QUANTITY, f"{variant.sku}: on hand is {item.on_hand.normalize()}; "
                                   f"{abs(Decimal(delta)).normalize()} cannot be taken.",
            "delta", skus=[variant.sku])
    refuse_below_allocated(item, after, variant.sku, "delta")
    item.on_hand = after
    item.save(update_fields=["on_hand", "updated_at"])
    movement(item, reason, actor, on_hand_delta=Decimal(delta), reference=reference,
             comment=comment).save()
    return item


def _is_number(value: object) -> bool:
    try:
        return Decimal(value).is_finite()  # type: ignore[arg-type]
    except (ArithmeticError, TypeError, ValueError):
        return False
