"""A partner's leftovers put on sale to the organizations that buy from it: one offer per
(stock center, variant), saved again to change it. Only stock centers: the manufacturer's
warehouses sell through price lists, not leftovers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from backend.catalog.models import ProductVariant
from backend.core.errors import ErrorCollector

from ..models import Leftover, Warehouse, WarehouseKind
from .common import Code, check_quantity

NOTE_LENGTH = 2000


@dataclass
class LeftoverData:
    quantity: Decimal | None = None  # None: all that is available
    discount_percent: Decimal | None = None
    note: str | None = None
    is_published: bool | None = None


def save_leftover(warehouse: Warehouse, variant: ProductVariant, data: LeftoverData, *,
                  user: object = None) -> Leftover:
    errors = ErrorCollector()
    if warehouse.kind != WarehouseKind.STOCK_CENTER:
        errors.add(Code.STOCK_CENTER_ONLY, "Leftovers are offered from stock centers.",
                   "warehouse")
    if data.quantity is not None:
        check_quantity(errors, data.quantity, variant, "quantity", positive=True)
    if data.discount_percent is not None and not _is_discount(data.discount_percent):
        errors.add(Code.INVALID_DISCOUNT, "A discount is above 0 and below 100 percent, "
                                          "with at most 2 decimals.", "discount_percent")
    if data.note is not None and len(data.note) > NOTE_LENGTH:
        errors.add(Code.INVALID, f"A note is at most {NOTE_LENGTH} characters.", "note")
    errors.raise_if_any()
    leftover, _ = Leftover.objects.select_for_update().get_or_create(
        warehouse=warehouse, variant=variant, defaults={"created_by": user})
    leftover.quantity = data.quantity
    leftover.discount_percent = data.discount_percent
    if data.note is not None:
        leftover.note = data.note.strip()
    if data.is_published is not None:
        leftover.is_published = data.is_published
    leftover.save()
    return leftover


def delete_leftover(leftover: Leftover) -> None:
    leftover.delete()


def _is_discount(value: Decimal) -> bool:
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return False
    return (number.is_finite() and 0 < number < 100
            and number == number.quantize(Decimal("0.01")))
