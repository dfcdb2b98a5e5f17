"""The buyer changes a line's quantity while the order is open (orderLineQuantityChange):
only pending units change, stock is given back or taken, the line's and the order's totals
follow, the moderation's version moves on; refused when fewer units are pending, when the
order is confirmed, for a stale version or for the seller. Units always add up."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.orders.models import Order
from plugins.order_workflow.models import OrderModeration
from tests.fixtures.order_place import *  # noqa: F403
from tests.workflow_units_world import (
    assert_consistent,
    gid,
    held,
    line_of,
    placed,
    stock,
    units,
)

pytestmark = pytest.mark.django_db

CHANGE = """mutation($line: ID!, $quantity: Decimal!, $version: Int) {
  orderLineQuantityChange(line: $line, quantity: $quantity, version: $version) {
    line { quantity totalNet units { pending cancelled } }
    order { totalNet grandTotalGross progress { state lineCount linesReady linesShipped
      linesDelivered dispatchCount
      units { pending inProduction ready shipped delivered atDealer sold cancelled } } }
    errors { field code message } } }"""
MOVE = """mutation($id: ID!, $moves: [UnitMoveInput!]!) { orderLineUnitsMove(id: $id,
  moves: $moves) { errors { code } } }"""


@pytest.fixture
def world(place_world):
    return place_world


@pytest.fixture
def buyer(world, api_as):
    return api_as(world["buyer"], world["dealer"])


def change(client, line, quantity, version=None):
    return client.mutate(CHANGE, {"line": gid("OrderLine", line), "quantity": str(quantity),
                                  "version": version}, result="orderLineQuantityChange")


def test_fewer_units_give_their_stock_back_and_totals_follow(world, buyer):
    a = world["variants"][1]
    order = placed(world, (a, 5), state="ON_MODERATION")
    line = line_of(order, a)
    total = Order.objects.get(pk=order.pk).total_net
    on_hand, allocated = stock(world, a)
    answer = change(buyer, line, 3, version=1)
    assert answer["errors"] == []
    assert Decimal(answer["line"]["quantity"]) == 3
    assert Decimal(answer["line"]["totalNet"]) == line.unit_net * 3
    assert Decimal(answer["order"]["totalNet"]) == total - line.unit_net * 2
    assert stock(world, a) == (on_hand, allocated - 2)
    assert held(line) == 3
    assert OrderModeration.objects.get(order=order).version == 2
    assert_consistent(order, answer["order"]["progress"])


def test_more_units_take_stock(world, buyer):
    a = world["variants"][1]
    order = placed(world, (a, 5), state="SUBMITTED")
    line = line_of(order, a)
    on_hand, allocated = stock(world, a)
    answer = change(buyer, line, 8)
    assert answer["errors"] == []
    assert units(line) == {"pending": 8}
    assert stock(world, a) == (on_hand, allocated + 3)
    assert held(line) == 8
    assert_consistent(order, answer["order"]["progress"])


def test_more_than_the_warehouse_holds_is_out_of_stock(world, buyer):
    a = world["variants"][1]
    order = placed(world, (a, 5), state="SUBMITTED")
    line = line_of(order, a)
    answer = change(buyer, line, 500)
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("quantity", "OUT_OF_STOCK")]
    assert a.sku in answer["errors"][0]["message"]
    assert units(line) == {"pending": 5} and held(line) == 5
    assert_consistent(order)


def test_only_pending_units_change(world, buyer, api_as):
    a = world["variants"][1]
    order = placed(world, (a, 5), state="ON_MODERATION")
    line = line_of(order, a)
    assert buyer.mutate(MOVE, {"id": gid("Order", order), "moves": [{
        "line": gid("OrderLine", line), "from": "PENDING", "to": "CANCELLED",
        "quantity": "3"}]}, result="orderLineUnitsMove")["errors"] == []
    answer = change(buyer, line, 1)
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("quantity", "NOT_ENOUGH_UNITS")]
    assert units(line) == {"pending": 2, "cancelled": 3}
    assert_consistent(order)


def test_refused_when_confirmed_stale_or_by_the_seller(world, buyer, api_as):
    a = world["variants"][1]
    order = placed(world, (a, 5), state="CONFIRMED")
    line = line_of(order, a)
    assert [e["code"] for e in change(buyer, line, 4)["errors"]] == ["WRONG_STATE"]
    OrderModeration.objects.filter(order=order).update(state="ON_MODERATION", version=3)
    answer = change(buyer, line, 4, version=2)
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("version", "CONCURRENT_CHANGE")]
    assert "reload it" in answer["errors"][0]["message"]
    staff = api_as(world["staff"])
    assert [e["code"] for e in change(staff, line, 4)["errors"]] == ["PERMISSION_DENIED"]
    assert [e["code"] for e in change(buyer, line, 0)["errors"]] == ["INVALID"]
    assert [e["code"] for e in change(buyer, line, "2.5")["errors"]] == ["INVALID"]
    assert units(line) == {"pending": 5}
    assert_consistent(order)
