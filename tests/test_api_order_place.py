"""orderPlace and orderClients through the GraphQL endpoint: the order answered with its
lines, shipments and history; PRICES_CHANGED with each change; a retry answers with the
same order; bad input with field and code; the clients a viewer may order for."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import Membership
from backend.checkout.models import CartLine
from backend.checkout.services.pricing import price_token, quote_lines
from backend.orders.models import Order
from price_rules.models import PriceListEntry
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import cart_of, snapshot

pytestmark = pytest.mark.django_db

PLACE = """
mutation Place($input: OrderPlaceInput!) {
  orderPlace(input: $input) {
    order { id number status onBehalf orderType totalNet grandTotalGross buyerReference
            deliveryRegion deliveryAddress
            buyer { name } seller { name } placedBy { fullName }
            lines { sku quantity unitNet }
            shipments { warehouseName pickup lines { quantity line { sku } } }
            events { type onBehalfOf { name } } }
    priceChanges { sku name before after }
    errors { field code message skus nearestQuantity }
  }
}
"""

CLIENTS = """
query Clients($search: String) { orderClients(search: $search) {
  name inn region organization { id name } } }
"""


def token(buyer, cart):
    lines = [(line.variant_id, line.quantity) for line in cart.lines.order_by("added_at", "pk")]
    return price_token(quote_lines(buyer, lines))


def test_the_buyer_places_its_cart(place_world, api_as):
    w = place_world
    v = w["variants"]
    cart = cart_of(w["buyer"], w["dealer"], (v[0], 60), (v[2], 4))
    api = api_as(w["buyer"], w["dealer"])
    answer = api.mutate(PLACE, {"input": {
        "idempotencyKey": "3f2c", "priceToken": token(w["dealer"], cart),
        "buyerReference": "PO-1", "address": {"region": "Москва", "address": "Тверская, 1"}}},
        result="orderPlace")
    assert answer["errors"] == [] and answer["priceChanges"] == []
    order = answer["order"]
    assert order["number"].endswith("-00001") and order["status"] == "PLACED"
    assert order["buyer"]["name"] == w["dealer"].name
    assert order["seller"]["name"] == w["factory"].name
    assert order["placedBy"] is not None and not order["onBehalf"]
    assert [(ln["sku"], Decimal(ln["quantity"])) for ln in order["lines"]] == [
        (v[0].sku, 60), (v[2].sku, 4)]
    assert sorted(s["warehouseName"] for s in order["shipments"]) == [
        "Склад Краснодар", "Склад Москва"]
    assert [e["type"] for e in order["events"]] == ["PLACED"]
    assert (order["deliveryRegion"], order["deliveryAddress"]) == ("Москва", "Тверская, 1")
    again = api.mutate(PLACE, {"input": {"idempotencyKey": "3f2c"}}, result="orderPlace")
    assert again["order"]["id"] == order["id"] and Order.objects.count() == 1


def test_prices_changed_answer_each_change_and_place_nothing(place_world, api_as):
    w = place_world
    v1 = w["variants"][1]
    cart = cart_of(w["buyer"], w["dealer"], (v1, 2))
    shown = token(w["dealer"], cart)
    PriceListEntry.objects.filter(variant=v1).update(price=Decimal("199.90"))
    before = snapshot()
    answer = api_as(w["buyer"], w["dealer"]).mutate(
        PLACE, {"input": {"idempotencyKey": "k", "priceToken": shown}}, result="orderPlace")
    assert answer["order"] is None
    assert [(e["code"], e["field"], e["skus"]) for e in answer["errors"]] == [
        ("PRICES_CHANGED", "priceToken", [v1.sku])]
    assert answer["priceChanges"] == [{"sku": v1.sku, "name": v1.name, "before": "250.00",
                                       "after": "199.90"}]
    assert snapshot() == before


def test_refusals_name_field_code_and_skus(place_world, api_as):
    w = place_world
    from backend.catalog.models import ProductVariant

    ProductVariant.objects.filter(pk=w["variants"][2].pk).update(min_order_quantity=10)
    cart_of(w["buyer"], w["dealer"], (w["variants"][2], 4))
    api = api_as(w["buyer"], w["dealer"])
    answer = api.mutate(PLACE, {"input": {"idempotencyKey": "k"}}, result="orderPlace")
    [error] = answer["errors"]
    assert Decimal(error.pop("nearestQuantity")) == 10
    assert error == {"field": "lines.0.quantity", "code": "BELOW_MINIMUM",
                     "message": f"{w['variants'][2].sku}: The minimum order is 10.",
                     "skus": [w["variants"][2].sku]}
    answer = api.mutate(PLACE, {"input": {"idempotencyKey": "k", "buyer": to_global_id(
        "Organization", w["sub"].pk)}}, result="orderPlace")
    assert [(e["code"], e["field"]) for e in answer["errors"]] == [("NOT_A_CLIENT", "buyer")]
    assert CartLine.objects.count() == 1 and Order.objects.count() == 0


def test_a_dealer_admin_orders_for_its_sub_dealer(place_world, api_as):
    w = place_world
    cart_of(w["admin"], w["sub"], (w["variants"][1], 2))
    answer = api_as(w["admin"], w["dealer"]).mutate(PLACE, {"input": {
        "idempotencyKey": "ob", "buyer": to_global_id("Organization", w["sub"].pk),
        "deliveryMethod": "PICKUP",
        "pickupWarehouse": to_global_id("Warehouse", w["dealer_centre"].pk)}},
        result="orderPlace")
    assert answer["errors"] == []
    order = answer["order"]
    assert order["onBehalf"] and order["buyer"]["name"] == w["sub"].name
    assert order["seller"]["name"] == w["dealer"].name
    assert order["shipments"][0]["pickup"]
    assert order["events"] == [{"type": "PLACED", "onBehalfOf": {"name": w["sub"].name}}]


def test_above_the_limit_the_order_waits(place_world, api_as):
    w = place_world
    Membership.objects.filter(user=w["buyer"]).update(spending_limit=Decimal(500))
    cart_of(w["buyer"], w["dealer"], (w["variants"][3], 1))
    answer = api_as(w["buyer"], w["dealer"]).mutate(
        PLACE, {"input": {"idempotencyKey": "l"}}, result="orderPlace")
    assert answer["order"]["status"] == "AWAITING_APPROVAL"
    assert [e["type"] for e in answer["order"]["events"]] == ["APPROVAL_REQUESTED"]


def test_order_clients(place_world, api_as, make_org):
    w = place_world
    other = make_org("Субдилер Альфа-2", kind="SUB_DEALER", parent=w["dealer"],
                     region="Москва")
    admin = api_as(w["admin"], w["dealer"])
    names = [c["name"] for c in admin(CLIENTS).data["orderClients"]]
    assert names == [w["sub"].name, other.name]
    found = admin(CLIENTS, {"search": "альфа-2"}).data["orderClients"]
    assert [(c["name"], c["region"], c["organization"]["id"]) for c in found] == [
        (other.name, "Москва", to_global_id("Organization", other.pk))]
    assert found[0]["inn"] == other.inn
    assert api_as(w["buyer"], w["dealer"])(CLIENTS).data["orderClients"] == []
    staff = [c["name"] for c in api_as(w["staff"], w["factory"])(CLIENTS).data["orderClients"]]
    assert w["dealer"].name in staff and w["factory"].name not in staff


def test_order_clients_cost_the_same_queries_for_any_number(place_world, api_as, make_org,
                                                             fast_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w = place_world
    admin = api_as(w["admin"], w["dealer"])
    document = "{ orderClients { name inn region organization { id name kind } } }"
    counts = []
    for more in (0, 4):
        for i in range(more):
            make_org(f"Субдилер Гамма-{i}", kind="SUB_DEALER", parent=w["dealer"])
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            answer = admin(document).data["orderClients"]
        assert fast_path.fallbacks == 0
        counts.append((len(answer), len(captured)))
    assert counts[1][0] == counts[0][0] + 4 and counts[1][1] == counts[0][1]
