"""What the stock services share: quantity checks (whole units, the column's size), the
movement every change writes, and the stock row of a (warehouse, variant) taken under its
lock."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from backend.catalog.models import ProductVariant, Unit
from backend.core.errors import DomainValidationError, ErrorCollector

from ..errors import InventoryErrorCode
from ..models import QUANTITY, IncomingSupply, MovementReason, StockItem, StockMovement, Warehouse

Code = InventoryErrorCode

# Units a fraction of makes no sense: a piece, a pack, a set is whole or not there.
WHOLE_UNITS = frozenset({Unit.PIECE.value, Unit.PACK.value, Unit.SET.value})
PLACES = QUANTITY["decimal_places"]
LARGEST = Decimal(10) ** (QUANTITY["max_digits"] - PLACES)


@dataclass(frozen=True)
class Actor:
    """Who makes a change, for the movements: the user and the organization it acted for
    (both None for the ERP exchange)."""

    user: Any = None
    organization: Any = None


SYSTEM = Actor()


def quantity_error(value: Decimal | None, unit: str, *, positive: bool = False,
                   what: str = "quantity") -> tuple[InventoryErrorCode, str] | None:
    """Why ``value`` cannot be a stock quantity of a variant sold in ``unit``: (code,
    message), or None when it can. Zero is refused only when ``positive``."""
    try:
        number = Decimal(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        return Code.INVALID_QUANTITY, f"The {what} is not a number."
    if not number.is_finite():
        return Code.INVALID_QUANTITY, f"The {what} is not a number."
    if number < 0 or (positive and number == 0):
        bound = "above zero" if positive else "zero or more"
        return Code.INVALID_QUANTITY, f"The {what} must be {bound} (got {number.normalize()})."
    if abs(number) >= LARGEST:
        return Code.INVALID_QUANTITY, f"The {what} {number.normalize()} is too large."
    if number != number.quantize(Decimal(1).scaleb(-PLACES)):
        return Code.INVALID_QUANTITY, f"The {what} has more than {PLACES} decimals."
    if unit in WHOLE_UNITS and number != number.to_integral_value():
        return (Code.FRACTIONAL_QUANTITY,
                f"The {what} {number.normalize()} is not a whole number of {unit}.")
    return None


def check_quantity(errors: ErrorCollector, value: Decimal | None, variant: ProductVariant,
                   field: str, *, positive: bool = False, what: str = "quantity") -> None:
    problem = quantity_error(value, variant.unit, positive=positive, what=what)
    if problem is not None:
        code, message = problem
        errors.add(code, f"{variant.sku}: {message}", field, skus=[variant.sku])


def locked_stock_item(warehouse: Warehouse, variant: ProductVariant) -> StockItem:
    """The stock row of ``variant`` in ``warehouse``, created empty when there is none,
    locked (FOR UPDATE) until the caller's transaction ends."""
    StockItem.objects.bulk_create([StockItem(warehouse=warehouse, variant=variant)],
                                  ignore_conflicts=True)
    return StockItem.objects.select_for_update().get(warehouse=warehouse, variant=variant)


def movement(item: StockItem, reason: MovementReason, actor: Actor, *,
             on_hand_delta: Decimal = Decimal(0), allocated_delta: Decimal = Decimal(0),
             reference: str = "", comment: str = "",
             supply: IncomingSupply | None = None) -> StockMovement:
    """The movement of a change already applied to ``item`` (its figures are the after)."""
    return StockMovement(
        warehouse_id=item.warehouse_id, variant_id=item.variant_id, supply=supply,
        reason=reason, on_hand_delta=on_hand_delta, allocated_delta=allocated_delta,
        on_hand_after=item.on_hand, allocated_after=item.allocated, user=actor.user,
        organization=actor.organization, reference=(reference or "")[:64],
        comment=comment or "")


def refuse_below_allocated(item: StockItem, on_hand: Decimal, sku: str,
                           field: str = "on_hand") -> None:
    if on_hand < item.allocated:
        raise DomainValidationError.single(
            Code.ALLOCATED_EXCEEDS_ON_HAND,
            f"{sku}: orders hold {item.allocated.normalize()}; on hand cannot be "
            f"{on_hand.normalize()}.", field, skus=[sku])
