"""An old order copied into its buyer's cart ("order again"): every line re-checked and
re-priced for today (its report says the order's unit net and today's), a quantity moved to
the nearest valid one, what the buyer may no longer order skipped."""

from __future__ import annotations

from backend.orders.models import Order, OrderLine

from ..models import Cart, LineSource
from .copying import CopiedLine, copy_into_cart
from .reports import LineReport


def copy_order(order: Order, cart: Cart, replace: bool = False) -> list[LineReport]:
    lines = OrderLine.objects.filter(order=order).order_by("position")
    return copy_into_cart(cart, [CopiedLine(line.position, line.variant_id, line.sku,
                                            line.quantity, line.unit_net)
                                 for line in lines], LineSource.ORDER_COPY, replace)
