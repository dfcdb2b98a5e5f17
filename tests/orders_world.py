"""Orders for the order list's tests: the network's buyers each with a few orders (lines,
a shipment, events), placed by their own members, one by a dealer's admin on its
sub-dealer's behalf."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from backend.accounts.models import Role
from backend.orders.models import (
    Order,
    OrderEvent,
    OrderEventType,
    OrderLine,
    OrderStatus,
    Shipment,
    ShipmentLine,
)
from inventory.models import Carrier, Warehouse, WarehouseKind

_serials: dict[int, int] = {}


def make_order(buyer, placed_by, variants, *, placed_at: datetime | None = None,
               status: str = OrderStatus.PLACED, quantity: int = 2, price: str = "100.00",
               warehouse=None, carrier=None, on_behalf: bool = False, placed_as=None,
               **fields) -> Order:
    """An order of ``buyer`` from its parent, one line per variant at ``price`` each, one
    shipment from ``warehouse`` (when given), a PLACED event."""
    seller = buyer.parent
    serial = _serials[seller.pk] = _serials.get(seller.pk, 0) + 1
    placed_at = placed_at or timezone.now()
    unit = Decimal(price)
    net = unit * quantity * len(variants)
    order = Order.objects.create(
        seller=seller, buyer=buyer, year=placed_at.year, serial=serial, status=status,
        placed_by=placed_by, placed_as=placed_as or buyer, on_behalf=on_behalf,
        idempotency_key=f"k-{seller.pk}-{serial}", currency="RUB", vat_rate=Decimal("20"),
        subtotal_net=net, total_net=net, total_vat=net / 5, total_gross=net * Decimal("1.2"),
        grand_total_gross=net * Decimal("1.2"), placed_at=placed_at, **fields)
    lines = [OrderLine.objects.create(
        order=order, position=i, variant=variant, sku=variant.sku, name=variant.product.name,
        unit="PCS", quantity=quantity, unit_net=unit, unit_gross=unit * Decimal("1.2"),
        list_net=unit, total_net=unit * quantity, total_gross=unit * quantity * Decimal("1.2"),
        price_breakdown={"tier_min_quantity": "1", "promotion_names": ["Весна"]})
        for i, variant in enumerate(variants, start=1)]
    if warehouse is not None:
        shipment = Shipment.objects.create(
            order=order, position=1, warehouse=warehouse, carrier=carrier,
            cost_net=Decimal("500.00"), currency="RUB", ship_date=placed_at.date(),
            arrival_date=placed_at.date() + timedelta(days=2))
        for line in lines:
            ShipmentLine.objects.create(shipment=shipment, order_line=line,
                                        quantity=line.quantity)
    OrderEvent.objects.create(order=order, event_type=OrderEventType.PLACED,
                              user=placed_by, acting_as=placed_as or buyer,
                              on_behalf_of=buyer if on_behalf else None,
                              after={"status": status})
    return order


def seed_orders(network, catalog, make_user) -> dict:
    """Two orders per dealer and sub-dealer; one of sub-dealer A's placed by dealer A's
    admin on its behalf."""
    variants = [v for key in ("facade_white", "interior_grey", "door")
                for v in catalog[key].variants.all()[:1]]
    warehouse = Warehouse.objects.create(code="F-1", name="Склад завода",
                                         owner=network["factory"], kind=WarehouseKind.FACTORY,
                                         region="Москва", city="Москва")
    carrier = Carrier.objects.create(code="PEK", name="ПЭК")
    users = {
        "dealer_a_admin": make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN,
                                    first_name="Анна", last_name="Админова"),
        "dealer_a_buyer": make_user("buyer@alfa.test", network["dealer_a"], Role.BUYER,
                                    first_name="Борис", last_name="Покупкин"),
        "sub_a_buyer": make_user("buyer@alfa1.test", network["sub_a"], Role.BUYER,
                                 first_name="Сергей", last_name="Субботин"),
        "dealer_b_buyer": make_user("buyer@beta.test", network["dealer_b"], Role.BUYER),
        "sub_b_buyer": make_user("buyer@beta1.test", network["sub_b"], Role.BUYER),
    }
    now = timezone.now()
    orders = {
        "a1": make_order(network["dealer_a"], users["dealer_a_buyer"], variants,
                         placed_at=now - timedelta(days=30), warehouse=warehouse,
                         carrier=carrier, buyer_reference="PO-ALFA-1"),
        "a2": make_order(network["dealer_a"], users["dealer_a_admin"], variants[:2],
                         placed_at=now - timedelta(days=2), price="1000.00",
                         status=OrderStatus.AWAITING_APPROVAL, seller_number="1C-777"),
        "sa1": make_order(network["sub_a"], users["sub_a_buyer"], variants,
                          placed_at=now - timedelta(days=10), warehouse=warehouse),
        "sa2": make_order(network["sub_a"], users["dealer_a_admin"], variants[:1],
                          placed_at=now - timedelta(days=1), on_behalf=True,
                          placed_as=network["dealer_a"]),
        "b1": make_order(network["dealer_b"], users["dealer_b_buyer"], variants,
                         placed_at=now - timedelta(days=5), warehouse=warehouse),
        "sb1": make_order(network["sub_b"], users["sub_b_buyer"], variants[:2],
                          placed_at=now - timedelta(days=3)),
    }
    return {"users": users, "orders": orders, "variants": variants, "warehouse": warehouse}
