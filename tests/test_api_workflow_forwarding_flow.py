"""The issue's forwarding scenario through the API: a sub-dealer orders twice, its dealer
confirms both and forwards them as one order, the manufacturer's staff confirm it, make 4
of its 5 units ready and ship them, then cancel the last: the sub-dealers' lines follow
(the first order's 3 units shipped before the second's), each line's units still add up,
and the sub-dealer reads its units without ever seeing the dealer's order."""

from __future__ import annotations

import pytest

from plugins.order_workflow.models import LineUnits
from tests.fixtures.order_place import *  # noqa: F403
from tests.forwarding_world import sub_order
from tests.workflow_units_world import assert_consistent, gid, line_of, units

pytestmark = pytest.mark.django_db

CONFIRM = """mutation($id: ID!) { orderConfirm(id: $id) {
  order { moderation { state } } errors { field code message } } }"""

FORWARD = """mutation($orders: [ID!]!) { orderForward(orders: $orders, idempotencyKey: "f-1") {
  order { id lines { id quantity } } errors { field code message } } }"""

MOVE = """mutation($id: ID!, $moves: [UnitMoveInput!]!, $dispatch: DispatchInput) {
  orderLineUnitsMove(id: $id, moves: $moves, dispatch: $dispatch) {
    dispatch { number } errors { field code message } } }"""

MINE = """query($id: ID!) { order(id: $id) { forwardedTo { id }
  lines { units { pending ready shipped cancelled } forwardedTo { order { id } } }
  events { type } } }"""


def move(line_id, source, target, quantity):
    return {"line": line_id, "from": source, "to": target, "quantity": str(quantity)}


def test_the_manufacturers_moves_reach_the_sub_dealers_lines(place_world, api_as):
    w = place_world
    windows = w["variants"][1]
    first = sub_order(w, (windows, 3), key="s-1", confirmed=False)
    second = sub_order(w, (windows, 2), key="s-2", confirmed=False)
    dealer = api_as(w["admin"], w["dealer"])
    for order in (first, second):
        answer = dealer.mutate(CONFIRM, {"id": gid("Order", order)}, result="orderConfirm")
        assert answer["errors"] == [], answer
    made = dealer.mutate(FORWARD, {"orders": [gid("Order", first), gid("Order", second)]},
                         result="orderForward")
    assert made["errors"] == []
    forwarded, line = made["order"]["id"], made["order"]["lines"][0]["id"]
    assert made["order"]["lines"][0]["quantity"] == "5.000"

    staff = api_as(w["staff"])
    assert staff.mutate(CONFIRM, {"id": forwarded}, result="orderConfirm")["errors"] == []
    answer = staff.mutate(MOVE, {"id": forwarded, "moves": [
        move(line, "PENDING", "READY", 4)]}, result="orderLineUnitsMove")
    assert answer["errors"] == []
    assert units(line_of(first, windows)) == {"ready": 3}
    assert units(line_of(second, windows)) == {"pending": 1, "ready": 1}
    answer = staff.mutate(MOVE, {"id": forwarded, "moves": [
        move(line, "READY", "SHIPPED", 4)], "dispatch": {"documentNumber": "УПД-1"}},
        result="orderLineUnitsMove")
    assert answer["errors"] == [] and answer["dispatch"]["number"]

    sub = api_as(w["sub_buyer"], w["sub"])
    mine = sub(MINE, {"id": gid("Order", second)}).data["order"]
    assert mine["lines"][0]["units"] == {"pending": "1.000", "ready": "0.000",
                                         "shipped": "1.000", "cancelled": "0.000"}
    assert mine["forwardedTo"] is None and mine["lines"][0]["forwardedTo"] is None
    assert "UNITS_MOVED" in [e["type"] for e in mine["events"]]
    assert sub(MINE, {"id": gid("Order", first)}).data["order"]["lines"][0]["units"][
        "shipped"] == "3.000"

    answer = staff.mutate(MOVE, {"id": forwarded, "moves": [
        move(line, "PENDING", "CANCELLED", 1)]}, result="orderLineUnitsMove")
    assert answer["errors"] == []
    assert units(line_of(second, windows)) == {"shipped": 1, "cancelled": 1}
    for order in (first, second):
        assert_consistent(order)
    assert LineUnits.objects.get(line__order_id=first.pk).shipped == 3
