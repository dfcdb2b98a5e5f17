"""The rows of a placed order, written in four statements whatever its size: the order,
its lines (price snapshot and breakdown), its shipments and their lines (the plan's picks:
warehouse, carrier, cost, dates, pickup, pre-order supply).

A line's ``price_breakdown`` is what the buyer may know of its own price: the list price
and the tier it reached, the promotions by id and name, the order's volume discount. Never
the seller's purchase price, its list's id or whether it priced by markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from backend.orders.models import Order, OrderLine, Shipment, ShipmentLine
from price_rules.engine.amounts import net_and_gross
from price_rules.engine.cart import CartQuote, QuotedLine
from price_rules.models import Promotion, VolumeDiscount

ZERO = Decimal(0)


@dataclass(frozen=True)
class CartItem:
    """A cart line as placement reads it: the variant (with its product) and quantity."""

    variant: Any
    quantity: Decimal


def price_names(quote: CartQuote) -> tuple[dict[int, str], str]:
    """The names of the promotions the quote applied, and of its volume discount (one
    query each, only when there are any)."""
    ids = {pk for q in quote.lines if q.price is not None for pk in q.price.promotion_ids}
    promotions = dict(Promotion.objects.filter(pk__in=ids).values_list("pk", "name")) \
        if ids else {}
    volume = ""
    if quote.volume_discount_id is not None:
        volume = (VolumeDiscount.objects.filter(pk=quote.volume_discount_id)
                  .values_list("name", flat=True).first() or "")
    return promotions, volume


def breakdown(quoted: QuotedLine, quote: CartQuote, promotions: Mapping[int, str],
              volume_name: str) -> dict[str, Any]:
    price = quoted.price
    assert price is not None
    return {
        "list": str(list_net(quoted)),
        "list_includes_vat": price.prices_include_vat,
        "tier_min_quantity": None if price.tier_min_quantity is None
        else f"{price.tier_min_quantity.normalize():f}",
        "unit_net_before_volume": str(price.unit_net),
        "promotions": [{"id": pk, "name": promotions.get(pk, "")}
                       for pk in price.promotion_ids],
        "volume_discount": None if not quote.volume_percent else {
            "id": quote.volume_discount_id, "name": volume_name,
            "percent": str(quote.volume_percent)},
    }


def list_net(quoted: QuotedLine) -> Decimal:
    price = quoted.price
    assert price is not None
    return net_and_gross(price.list_unit_price, price.prices_include_vat, price.vat_rate).net


def write_lines(order: Order, items: Sequence[CartItem], quote: CartQuote,
                preordered: Mapping[int, Decimal]) -> list[OrderLine]:
    """The order's lines in the cart's order (position from 1); ``preordered``: per line
    index, the units taken from incoming supply."""
    promotions, volume_name = price_names(quote)
    rows = []
    for index, (item, quoted) in enumerate(zip(items, quote.lines, strict=True)):
        variant = item.variant
        rows.append(OrderLine(
            order=order, position=index + 1, variant_id=variant.pk, sku=variant.sku,
            name=variant.name or variant.product.name, unit=variant.unit,
            quantity=item.quantity, preorder_quantity=preordered.get(index, ZERO),
            unit_net=quoted.unit_net, unit_gross=quoted.unit_gross, list_net=list_net(quoted),
            total_net=quoted.total_net, total_gross=quoted.total_gross,
            price_breakdown=breakdown(quoted, quote, promotions, volume_name)))
    return OrderLine.objects.bulk_create(rows)


def preordered_units(plan: Any) -> dict[int, Decimal]:
    """Per plan line key (the cart line's index), the units picked from incoming supply."""
    units: dict[int, Decimal] = defaultdict(Decimal)
    for delivered in plan.shipments:
        for pick in delivered.shipment.picks:
            if pick.supply_id is not None:
                units[pick.line_key] += pick.quantity
    return dict(units)


def write_shipments(order: Order, plan: Any, lines: Sequence[OrderLine]) -> list[Shipment]:
    """One shipment per planned one, with a line per pick."""
    shipments = []
    for position, delivered in enumerate(plan.shipments, start=1):
        planned, quote = delivered.shipment, delivered.quote
        shipments.append(Shipment(
            order=order, position=position, warehouse_id=planned.warehouse_id,
            carrier_id=quote.carrier_id if quote is not None else None,
            pickup=bool(quote is not None and quote.pickup),
            preorder=any(p.supply_id is not None for p in planned.picks),
            cost_net=quote.cost if quote is not None else None,
            currency=(quote.currency if quote is not None and quote.currency
                      else order.currency),
            ship_date=planned.ready_date,
            arrival_date=quote.delivery_date if quote is not None else None,
            weight_kg=planned.weight_kg))
    Shipment.objects.bulk_create(shipments)
    shipment_lines = [
        ShipmentLine(shipment=shipment, order_line=lines[pick.line_key],
                     quantity=pick.quantity, supply_id=pick.supply_id)
        for shipment, delivered in zip(shipments, plan.shipments, strict=True)
        for pick in delivered.shipment.picks]
    ShipmentLine.objects.bulk_create(shipment_lines)
    return shipments
