"""place_order: the cart becomes an order with its lines, shipments and event, the stock
taken and the cart emptied; a retry returns the same order; samples and pre-orders; the
order on behalf and the spending limit. The refusals are in test_order_place_faults.py."""

from decimal import Decimal

import pytest

from backend.checkout.models import CartLine
from backend.checkout.services.placement import PlaceRequest, place_order
from backend.checkout.services.pricing import price_token, quote_lines
from backend.core.errors import DomainValidationError
from backend.orders.models import Order, OrderEvent, OrderLine, Shipment, ShipmentLine
from backend.orders.numbers import format_number
from inventory.models import IncomingSupply, StockItem, StockMovement
from inventory.services.planning import Address
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import cart_of, snapshot, viewer_of

pytestmark = pytest.mark.django_db


def shown_token(buyer, cart):
    lines = [(line.variant_id, line.quantity) for line in cart.lines.order_by("added_at", "pk")]
    return price_token(quote_lines(buyer, lines))


def test_a_cart_becomes_an_order(place_world):
    w = place_world
    v = w["variants"]
    cart = cart_of(w["buyer"], w["dealer"], (v[0], 60), (v[1], 3))
    token = shown_token(w["dealer"], cart)
    order = place_order(viewer_of(w["buyer"], w["dealer"]), PlaceRequest(
        idempotency_key="k-1", price_token=token, comment=" Позвонить заранее ",
        buyer_reference="PO-77", address=Address(region="Москва", city="Москва"),
        street="ул. Ленина, 1"))
    assert order.status == "PLACED" and order.seller_id == w["factory"].pk
    assert order.buyer_id == w["dealer"].pk and not order.on_behalf
    assert order.comment == "Позвонить заранее" and order.buyer_reference == "PO-77"
    assert order.delivery_region == "Москва" and order.delivery_address == "ул. Ленина, 1"
    assert format_number(order.year, order.serial).endswith("-00001")
    lines = list(OrderLine.objects.filter(order=order).order_by("position"))
    assert [(ln.sku, ln.quantity, ln.unit_net) for ln in lines] == [
        (v[0].sku, 60, Decimal("100.00")), (v[1].sku, 3, Decimal("250.00"))]
    assert lines[0].price_breakdown["list"] == "100.00"
    assert order.total_net == Decimal("6750.00")
    assert order.vat_rate == Decimal(22)  # Russia's from 2026
    assert order.total_vat == Decimal("1485.00")
    # 45 free in Moscow, the other 15 from Krasnodar: two shipments, both quoted
    picked = {(s.warehouse_id, sl.order_line.sku): sl.quantity
              for s in Shipment.objects.filter(order=order) for sl in s.lines.all()}
    assert picked == {(w["moscow"].pk, v[0].sku): 45, (w["krasnodar"].pk, v[0].sku): 15,
                      (w["moscow"].pk, v[1].sku): 3}
    assert order.delivery_net == sum(s.cost_net for s in Shipment.objects.filter(order=order))
    assert order.grand_total_gross == order.total_gross + order.delivery_net * Decimal("1.22")
    assert StockItem.objects.get(warehouse=w["moscow"], variant=v[0]).allocated == 50
    assert StockItem.objects.get(warehouse=w["krasnodar"], variant=v[0]).allocated == 15
    assert not CartLine.objects.filter(cart=cart).exists()
    event = OrderEvent.objects.get(order=order)
    assert event.event_type == "PLACED" and event.user_id == w["buyer"].pk
    assert event.acting_as_id == w["dealer"].pk and event.on_behalf_of_id is None


def test_a_retry_returns_the_same_order_and_writes_nothing(place_world):
    w = place_world
    viewer = viewer_of(w["buyer"], w["dealer"])
    cart_of(w["buyer"], w["dealer"], (w["variants"][2], 4))
    first = place_order(viewer, PlaceRequest(idempotency_key="same"))
    cart_of(w["buyer"], w["dealer"], (w["variants"][3], 1))  # a new cart meanwhile
    before = snapshot()
    again = place_order(viewer, PlaceRequest(idempotency_key="same"))
    assert again.pk == first.pk and snapshot() == before


def test_the_same_key_for_another_buyer_is_refused(place_world):
    w = place_world
    cart_of(w["admin"], w["dealer"], (w["variants"][2], 4))
    place_order(viewer_of(w["admin"], w["dealer"]), PlaceRequest(idempotency_key="k"))
    cart_of(w["admin"], w["sub"], (w["variants"][2], 4))
    before = snapshot()
    with pytest.raises(DomainValidationError) as refused:
        place_order(viewer_of(w["admin"], w["dealer"]),
                    PlaceRequest(idempotency_key="k", buyer_id=w["sub"].pk))
    assert refused.value.errors[0].code_value == "IDEMPOTENCY_KEY_REUSED"
    assert snapshot() == before


def test_an_order_on_behalf_records_who_placed_it_for_whom(place_world):
    w = place_world
    cart_of(w["admin"], w["sub"], (w["variants"][1], 2))
    order = place_order(viewer_of(w["admin"], w["dealer"]),
                        PlaceRequest(idempotency_key="ob", buyer_id=w["sub"].pk))
    assert order.buyer_id == w["sub"].pk and order.seller_id == w["dealer"].pk
    assert order.on_behalf and order.placed_as_id == w["dealer"].pk
    assert order.placed_by_id == w["admin"].pk
    assert order.lines.get().unit_net == Decimal(300)  # the dealer's markup of 20 %
    event = order.events.get()
    assert (event.user_id, event.acting_as_id, event.on_behalf_of_id) == (
        w["admin"].pk, w["dealer"].pk, w["sub"].pk)
    assert w["sub"].name in event.message


def test_staff_orders_for_any_client_and_skips_the_buyers_approval(place_world):
    w = place_world
    cart_of(w["staff"], w["dealer"], (w["variants"][3], 5))
    order = place_order(viewer_of(w["staff"], w["factory"]),
                        PlaceRequest(idempotency_key="st", buyer_id=w["dealer"].pk))
    assert order.on_behalf and order.status == "PLACED"


def test_above_the_spending_limit_the_order_waits_for_approval(place_world):
    w = place_world
    w["buyer"].memberships.update(spending_limit=Decimal(1000))
    cart_of(w["buyer"], w["dealer"], (w["variants"][3], 2))  # 2 000 net
    order = place_order(viewer_of(w["buyer"], w["dealer"]), PlaceRequest(idempotency_key="x"))
    assert order.status == "AWAITING_APPROVAL" and order.approval_limit == Decimal(1000)
    assert order.events.get().event_type == "APPROVAL_REQUESTED"
    assert StockItem.objects.get(warehouse=w["moscow"], variant=w["variants"][3]).allocated == 7


def test_within_the_spending_limit_it_is_placed(place_world):
    w = place_world
    w["buyer"].memberships.update(spending_limit=Decimal(100_000))
    cart_of(w["buyer"], w["dealer"], (w["variants"][3], 2))
    order = place_order(viewer_of(w["buyer"], w["dealer"]), PlaceRequest(idempotency_key="x"))
    assert order.status == "PLACED" and order.approval_limit is None


def test_a_preorder_takes_incoming_supply(place_world):
    w = place_world
    v0 = w["variants"][0]
    cart_of(w["buyer"], w["dealer"], (v0, 100))  # 75 in stock, 25 from the supply
    with pytest.raises(DomainValidationError) as refused:
        place_order(viewer_of(w["buyer"], w["dealer"]), PlaceRequest(idempotency_key="r"))
    assert refused.value.errors[0].code_value == "PREORDER_NOT_ALLOWED"
    order = place_order(viewer_of(w["buyer"], w["dealer"]),
                        PlaceRequest(idempotency_key="p", order_type="PREORDER"))
    line = order.lines.get()
    assert line.preorder_quantity == 25 and order.order_type == "PREORDER"
    assert IncomingSupply.objects.get(pk=w["supply"].pk).reserved == 35
    supply_line = ShipmentLine.objects.get(order_line=line, supply__isnull=False)
    assert supply_line.quantity == 25 and supply_line.shipment.preorder


def test_pickup_at_a_warehouse(place_world):
    w = place_world
    cart_of(w["buyer"], w["dealer"], (w["variants"][4], 10))
    order = place_order(viewer_of(w["buyer"], w["dealer"]), PlaceRequest(
        idempotency_key="pk", delivery_method="PICKUP", pickup_warehouse_id=w["moscow"].pk))
    shipment = order.shipments.get()
    assert shipment.pickup and shipment.cost_net == 0 and order.delivery_net == 0
    assert order.pickup_warehouse_id == w["moscow"].pk and order.delivery_region == ""


def test_samples_only_of_sample_products_within_the_limits(place_world, settings):
    w = place_world
    settings.SAMPLE_MAX_QUANTITY = 3
    w["primer"].samples_available = True
    w["primer"].save(update_fields=["samples_available"])
    primer = list(w["primer"].variants.order_by("pk"))
    viewer = viewer_of(w["buyer"], w["dealer"])
    cart_of(w["buyer"], w["dealer"], (primer[0], 2), (w["variants"][0], 1))
    with pytest.raises(DomainValidationError) as refused:
        place_order(viewer, PlaceRequest(idempotency_key="s", order_type="SAMPLES"))
    assert [e.code_value for e in refused.value.errors] == ["SAMPLES_ONLY"]
    CartLine.objects.filter(variant=w["variants"][0]).delete()
    cart_of(w["buyer"], w["dealer"], (primer[1], 4))
    with pytest.raises(DomainValidationError) as refused:
        place_order(viewer, PlaceRequest(idempotency_key="s", order_type="SAMPLES"))
    assert [e.code_value for e in refused.value.errors] == ["SAMPLE_LIMIT"]
    settings.SAMPLE_MAX_LINES = 1
    cart_of(w["buyer"], w["dealer"], (primer[1], 1))
    with pytest.raises(DomainValidationError) as refused:
        place_order(viewer, PlaceRequest(idempotency_key="s", order_type="SAMPLES"))
    assert [e.code_value for e in refused.value.errors] == ["SAMPLE_LIMIT"]
    settings.SAMPLE_MAX_LINES = 10
    order = place_order(viewer, PlaceRequest(idempotency_key="s", order_type="SAMPLES"))
    assert order.order_type == "SAMPLES" and order.lines.count() == 2


def test_the_breakdown_names_the_promotions_and_the_tier(place_world):
    from price_rules.models import PriceListEntry
    from tests.fixtures.prices import running_promotion

    w = place_world
    v1 = w["variants"][1]
    PriceListEntry.objects.create(price_list=w["base"], variant=v1, min_quantity=10,
                                  price=Decimal(200))
    promotion = running_promotion(w["factory"], "Осенняя распродажа", w["dealer"],
                                  value=Decimal(10))
    promotion.variants.add(v1)
    cart_of(w["buyer"], w["dealer"], (v1, 10))
    order = place_order(viewer_of(w["buyer"], w["dealer"]), PlaceRequest(idempotency_key="b"))
    line = order.lines.get()
    assert line.unit_net == Decimal(180) and line.list_net == Decimal(200)
    assert line.price_breakdown["tier_min_quantity"] == "10"
    assert line.price_breakdown["promotions"] == [{"id": promotion.pk,
                                                   "name": "Осенняя распродажа"}]


def test_numbers_follow_per_seller(place_world):
    w = place_world
    numbers = []
    for key in ("n1", "n2"):
        cart_of(w["buyer"], w["dealer"], (w["variants"][5], 1))
        order = place_order(viewer_of(w["buyer"], w["dealer"]),
                            PlaceRequest(idempotency_key=key))
        numbers.append(order.serial)
    cart_of(w["admin"], w["sub"], (w["variants"][5], 1))
    other = place_order(viewer_of(w["admin"], w["dealer"]),
                        PlaceRequest(idempotency_key="n3", buyer_id=w["sub"].pk))
    assert numbers == [1, 2] and other.serial == 1  # the dealer's first sale
    assert Order.objects.count() == 3 and StockMovement.objects.count() == 3
