"""The benchmark's orders (issue 13): 10,000 orders of 14 lines each over a year.

- Buyers: a fifth of the orders are the bench dealer's subtree (the dealer itself and its
  sub-dealers, the bench sub-dealer among them), the rest spread over ~300 other dealers,
  distributors and sub-dealers; each buyer orders from its parent (the seller).
- Each buyer organization gets a buyer (placed_by; the bench users for theirs), a tenth of
  the orders are placed by the seller's admin on the buyer's behalf.
- Placed over the last 365 days, numbered per seller and year; 85% PLACED, 5% each
  AWAITING_APPROVAL, REJECTED, CANCELLED; payment, type, buyer's reference and the
  seller's number spread as an ERP would leave them.
- 14 lines per order (140,000) at 100 to 5,000 net, one or two shipments from the
  generated warehouses with a shipment line per order line, a PLACED event per order
  (an APPROVED one after an approval).

Every value is a function of the ids. Lines, shipment lines and events go in by COPY with
explicit ids into tables stripped of their indexes and keys (``copy.filled_without_indexes``).
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

from backend.accounts.models import Membership, Organization, OrganizationKind, Role, User
from backend.catalog.models import ProductVariant
from backend.orders.models import (
    Order,
    OrderEvent,
    OrderLine,
    OrderNumberCounter,
    Shipment,
    ShipmentLine,
)
from inventory.models import Carrier, Warehouse

from .copy import copy_rows, filled_without_indexes
from .network import BENCH_USERS, PASSWORD

K = OrganizationKind
ORDERS = 10_000
LINES_PER_ORDER = 14
OTHER_BUYERS = 300
BENCH_SHARE = 5  # one order in 5 is the bench dealer's subtree's
VAT = Decimal("0.20")
CENT = Decimal("0.01")
BREAKDOWN = json.dumps({"tier_min_quantity": "1", "promotion_names": []})

TABLES = ", ".join(f'"{m._meta.db_table}"' for m in (
    Order, OrderLine, Shipment, ShipmentLine, OrderEvent, OrderNumberCounter))


def truncate_orders() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
        cursor.execute("DELETE FROM accounts_membership WHERE user_id IN (SELECT id FROM "
                       "accounts_user WHERE email LIKE 'orders.%%@bench.local')")
        cursor.execute("DELETE FROM accounts_user WHERE email LIKE 'orders.%%@bench.local'")


def _buyers() -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(buyer id, seller id) of the bench dealer's subtree and of the other buyers."""
    dealer_email, sub_email = BENCH_USERS[1][0], BENCH_USERS[2][0]
    dealer = Membership.objects.get(user__email=dealer_email).organization
    bench = [(dealer.pk, dealer.parent_id), *Organization.objects.filter(
        parent=dealer).order_by("pk").values_list("pk", "parent_id")]
    sub_id = Membership.objects.get(user__email=sub_email).organization_id
    assert any(pk == sub_id for pk, _ in bench), "the bench sub-dealer is the dealer's"
    others = list(Organization.objects.filter(
        kind__in=(K.DISTRIBUTOR, K.DEALER, K.SUB_DEALER), parent__isnull=False)
        .exclude(pk__in=[pk for pk, _ in bench]).order_by("pk")
        .values_list("pk", "parent_id")[::7][:OTHER_BUYERS])
    return bench, others


def _placers(buyer_ids: set[int]) -> dict[int, int]:
    """A buying user per organization: the bench users for theirs, new ones otherwise."""
    placers = dict(Membership.objects.filter(
        organization_id__in=buyer_ids, user__email__in=[u[0] for u in BENCH_USERS])
        .values_list("organization_id", "user_id"))
    password = make_password(PASSWORD)
    missing = sorted(buyer_ids - set(placers))
    users = User.objects.bulk_create([
        User(email=f"orders.{pk}@bench.local", password=password, first_name="Покупатель",
             last_name=str(pk)) for pk in missing])
    Membership.objects.bulk_create([
        Membership(user=user, organization_id=pk, role=Role.BUYER)
        for user, pk in zip(users, missing, strict=True)])
    placers.update({pk: user.pk for user, pk in zip(users, missing, strict=True)})
    return placers


def _status(n: int) -> str:
    return {0: "AWAITING_APPROVAL", 1: "REJECTED", 2: "CANCELLED"}.get(n % 20, "PLACED")


def _payment(n: int, status: str) -> str:
    if status != "PLACED":
        return "UNPAID"
    return ("PAID", "PAID", "PAID", "PAID", "PAID", "UNPAID", "UNPAID", "UNPAID",
            "PARTIALLY_PAID", "OVERDUE")[n % 10]


def _order_type(n: int) -> str:
    return "SAMPLES" if n % 33 == 0 else "PREORDER" if n % 14 == 0 else "REGULAR"


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def generate_orders(count: int = ORDERS) -> dict[str, int]:
    now = timezone.now()
    bench, others = _buyers()
    placers = _placers({pk for pk, _ in bench + others})
    variant_ids = list(ProductVariant.objects.order_by("pk").values_list("pk", "sku",
                                                                         "product__name"))
    warehouses = list(Warehouse.objects.order_by("pk").values_list("pk", flat=True))
    carrier = Carrier.objects.order_by("pk").values_list("pk", flat=True).first()
    seller_admins = dict(Membership.objects.filter(role=Role.ADMIN).order_by(
        "organization_id", "pk").values_list("organization_id", "user_id"))
    counters: dict[tuple[int, int], int] = {}
    orders, lines, shipments, shipment_lines, events = [], [], [], [], []
    line_id = shipment_id = shipment_line_id = 0
    for n in range(1, count + 1):
        buyer, seller = (bench[n % len(bench)] if n % BENCH_SHARE == 0 or not others
                         else others[(n * 7919) % len(others)])
        placed_at = now - timedelta(days=(n * 7) % 365, minutes=(n * 37) % 1440)
        serial = counters[(seller, placed_at.year)] = counters.get((seller, placed_at.year),
                                                                   0) + 1
        status = _status(n)
        on_behalf = n % 10 == 3 and seller in seller_admins
        placer = seller_admins[seller] if on_behalf else placers[buyer]
        net_total = Decimal(0)
        order_lines = []
        for position in range(1, LINES_PER_ORDER + 1):
            line_id += 1
            variant, sku, name = variant_ids[(n * 131 + position * 977) % len(variant_ids)]
            quantity = Decimal(1 + (n + position) % 20)
            unit_net = Decimal(100 + (variant * 37) % 4900)
            unit_gross = _money(unit_net * (1 + VAT))
            total_net = unit_net * quantity
            net_total += total_net
            order_lines.append(line_id)
            lines.append((line_id, n, position, variant, sku, name, "PCS", quantity, 0,
                          unit_net, unit_gross, unit_net, total_net,
                          _money(total_net * (1 + VAT)), BREAKDOWN))
        delivery = Decimal(0)
        if warehouses:
            parts = 2 if n % 3 == 0 else 1
            for part in range(parts):
                shipment_id += 1
                cost = Decimal(300 + n % 700)
                delivery += cost
                ship_date = (placed_at + timedelta(days=1 + part)).date()
                warehouse = warehouses[(n + part) % len(warehouses)]
                shipments.append((shipment_id, n, part + 1, warehouse, carrier, False, False,
                                  cost, "RUB", ship_date, ship_date + timedelta(days=3),
                                  Decimal(5 + n % 50)))
                for index, order_line in enumerate(order_lines):
                    if index % parts == part:
                        shipment_line_id += 1
                        quantity = lines[order_line - 1][7]
                        shipment_lines.append((shipment_line_id, shipment_id, order_line,
                                               quantity, None))
        total_vat = _money(net_total * VAT)
        total_gross = net_total + total_vat
        grand = _money(total_gross + delivery * (1 + VAT))
        orders.append((n, seller, buyer, placed_at.year, serial,
                       f"1C-{n:06d}" if status == "PLACED" and n % 5 < 3 else "",
                       f"PO-{buyer}-{n}" if n % 3 == 0 else "", _order_type(n), status,
                       _payment(n, status), placer, seller if on_behalf else buyer, on_behalf,
                       "NONE", f"bench-{n}", "RUB", Decimal(20), net_total, 0, net_total,
                       total_vat,
                       total_gross, delivery, grand, "DELIVERY", None, "Москва", "Москва",
                       "ул. Складская, 1", "", "", placed_at, placed_at, placed_at))
        events.append((n, n, "PLACED" if status != "AWAITING_APPROVAL" else
                       "APPROVAL_REQUESTED", placer, seller if on_behalf else buyer,
                       buyer if on_behalf else None, "", "{}",
                       json.dumps({"status": status}), placed_at))
    _write(orders, lines, shipments, shipment_lines, events, counters)
    return {"orders": len(orders), "order lines": len(lines), "shipments": len(shipments),
            "buyers": len(placers)}


def _write(orders, lines, shipments, shipment_lines, events,
           counters: dict[tuple[int, int], int]) -> None:
    copy_rows(Order, ("id", "seller_id", "buyer_id", "year", "serial", "seller_number",
                      "buyer_reference", "order_type", "status", "payment_status",
                      "placed_by_id", "placed_as_id", "on_behalf", "credit_hold",
                      "idempotency_key",
                      "currency", "vat_rate", "subtotal_net", "volume_discount_percent",
                      "total_net", "total_vat", "total_gross", "delivery_net",
                      "grand_total_gross", "delivery_method", "pickup_warehouse_id",
                      "delivery_region", "delivery_city", "delivery_address", "comment",
                      "decision_comment", "placed_at", "created_at", "updated_at"), orders)
    with filled_without_indexes(OrderLine):
        copy_rows(OrderLine, ("id", "order_id", "position", "variant_id", "sku", "name",
                              "unit", "quantity", "preorder_quantity", "unit_net", "unit_gross",
                              "list_net", "total_net", "total_gross", "price_breakdown"),
                  lines)
    copy_rows(Shipment, ("id", "order_id", "position", "warehouse_id", "carrier_id", "pickup",
                         "preorder", "cost_net", "currency", "ship_date", "arrival_date",
                         "weight_kg"), shipments)
    with filled_without_indexes(ShipmentLine):
        copy_rows(ShipmentLine, ("id", "shipment_id", "order_line_id", "quantity",
                                 "supply_id"), shipment_lines)
    copy_rows(OrderEvent, ("id", "order_id", "event_type", "user_id", "acting_as_id",
                           "on_behalf_of_id", "message", "before", "after", "created_at"),
              events)
    OrderNumberCounter.objects.bulk_create([
        OrderNumberCounter(seller_id=seller, year=year, last=last)
        for (seller, year), last in counters.items()])
