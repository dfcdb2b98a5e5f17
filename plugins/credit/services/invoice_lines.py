"""What an invoice bills: its lines, from an order's active units (on confirmation) or a
dispatch's lines (per shipment), priced as the order line was (its unit price net and
gross), and the order's delivery on the order's first invoice.

A line's totals are the order line's arithmetic (``unit_net`` × quantity, ``unit_gross`` ×
quantity, each rounded to the cent, VAT the difference), so an order invoiced whole adds up
to its grand total to the kopeck.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from backend.orders.models import Order, OrderLine
from plugins.order_workflow.models import DispatchLine, LineUnits

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
DELIVERY_SKU = "DELIVERY"
DELIVERY_NAMES = {"ru": "Доставка", "en": "Delivery"}


@dataclass(frozen=True)
class LineDraft:
    order_line_id: int | None
    sku: str
    name: str
    unit: str
    quantity: Decimal
    unit_price_net: Decimal
    total_net: Decimal
    total_gross: Decimal

    @property
    def total_vat(self) -> Decimal:
        return self.total_gross - self.total_net


def _draft(line: OrderLine, quantity: Decimal) -> LineDraft:
    return LineDraft(line.pk, line.sku, line.name, line.unit, quantity, line.unit_net,
                     (line.unit_net * quantity).quantize(CENT),
                     (line.unit_gross * quantity).quantize(CENT))


def delivery_draft(order: Order) -> LineDraft | None:
    if order.delivery_net <= 0:
        return None
    gross = order.delivery_net + (order.delivery_net * order.vat_rate / 100).quantize(CENT)
    return LineDraft(None, DELIVERY_SKU, DELIVERY_NAMES["ru"], "", Decimal(1),
                     order.delivery_net, order.delivery_net, gross)


def order_drafts(order: Order) -> list[LineDraft]:
    """The order's lines as confirmed: each line's quantity less its cancelled units."""
    cancelled = dict(LineUnits.objects.filter(order=order)
                     .values_list("line_id", "cancelled"))
    drafts = []
    for line in OrderLine.objects.filter(order=order).order_by("position"):
        quantity = line.quantity - cancelled.get(line.pk, ZERO)
        if quantity > 0:
            drafts.append(_draft(line, quantity))
    return drafts


def dispatch_drafts(dispatch_id: int) -> list[LineDraft]:
    rows = (DispatchLine.objects.filter(dispatch_id=dispatch_id).select_related("line")
            .order_by("line__position"))
    return [_draft(row.line, row.quantity) for row in rows if row.quantity > 0]
