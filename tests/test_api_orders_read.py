"""One order through the API: its lines' price snapshot, shipments, history, who placed it
and for whom (tests/orders_world.py describes the orders)."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import StaffAssignment
from backend.core.permissions import Perm
from tests.orders_world import seed_orders

pytestmark = pytest.mark.django_db

ORDER = """query($id: ID!) { order(id: $id) {
  id number sellerNumber buyerReference orderType status paymentStatus onBehalf
  buyer { name } seller { name } placedBy { fullName } placedAs { name }
  currency totalNet grandTotalGross deliveryMethod lineCount
  lines { position sku name unit quantity unitNet totalGross tierMinQuantity promotionNames
    variant { sku } }
  shipments { position warehouseName warehouse { code } carrier { name } cost { amount currency }
    shipDate lines { quantity preorder line { sku } } }
  events { type message user { fullName } actingAs { name } onBehalfOf { name } after }
  placedAt } }"""


@pytest.fixture
def world(network, catalog, make_user):
    return seed_orders(network, catalog, make_user)


def _id(order) -> str:
    return to_global_id("Order", order.pk)


def test_a_buyer_reads_its_order_with_lines_shipments_and_history(world, network, api_as):
    order = world["orders"]["a1"]
    client = api_as(world["users"]["dealer_a_buyer"], network["dealer_a"])
    data = client(ORDER, {"id": _id(order)}).data["order"]
    assert data["number"] == f"{order.year % 100:02d}-{order.serial:05d}"
    assert data["buyer"]["name"] == "Дилер Альфа"
    assert data["seller"]["name"] == "Завод"
    assert data["placedBy"] == {"fullName": "Борис Покупкин"}
    assert data["buyerReference"] == "PO-ALFA-1"
    assert data["lineCount"] == 3 and len(data["lines"]) == 3
    assert [line["position"] for line in data["lines"]] == [1, 2, 3]
    assert data["lines"][0]["tierMinQuantity"] == "1"
    assert data["lines"][0]["promotionNames"] == ["Весна"]
    shipment = data["shipments"][0]
    assert shipment["warehouseName"] == "Склад завода"
    assert shipment["carrier"] == {"name": "ПЭК"}
    assert shipment["cost"] == {"amount": "500.00", "currency": "RUB"}
    assert [line["line"]["sku"] for line in shipment["lines"]] == [
        line["sku"] for line in data["lines"]]
    assert data["events"][0]["type"] == "PLACED"
    assert data["events"][0]["user"] == {"fullName": "Борис Покупкин"}


def test_an_order_on_behalf_shows_who_placed_it_and_for_whom(world, network, api_as):
    order = world["orders"]["sa2"]
    client = api_as(world["users"]["sub_a_buyer"], network["sub_a"])
    data = client(ORDER, {"id": _id(order)}).data["order"]
    assert data["onBehalf"] is True
    assert data["placedBy"] == {"fullName": "Анна Админова"}
    assert data["placedAs"] == {"name": "Дилер Альфа"}
    event = data["events"][0]
    assert event["actingAs"] == {"name": "Дилер Альфа"}
    assert event["onBehalfOf"] == {"name": "Субдилер Альфа-1"}


def test_a_regional_manager_reads_its_dealers_order_without_the_hidden_seller(
        world, network, api_as, make_user):
    # A regional manager looks after the subtree assigned to it, not the manufacturer: an
    # order of its dealer to the manufacturer answers with its buyer and a null seller (a
    # non-null seller failed the whole order), and the seller stays out of reach by id.
    manager = make_user("regional@factory.test", is_staff=True,
                        staff_permissions=[Perm.MANAGE_ORGANIZATIONS.value])
    StaffAssignment.objects.create(user=manager, organization=network["dealer_a"])
    order = world["orders"]["a1"]
    client = api_as(manager, None)
    response = client(ORDER, {"id": _id(order)})
    assert not response.errors, response.errors
    data = response.data["order"]
    assert (data["buyer"]["name"], data["seller"]) == ("Дилер Альфа", None)
    seller = client('query($id: ID!) { node(id: $id) { id } }',
                    {"id": to_global_id("Organization", order.seller_id)})
    assert seller.data["node"] is None
