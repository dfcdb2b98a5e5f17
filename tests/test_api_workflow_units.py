"""Unit statuses through the API: the seller readies and ships units (a dispatch holding
exactly those units, which leave stock), moves the contract forbids, more units than a
status holds, the buyer cancelling only pending units (their stock given back); after
every test each line's units add up to its quantity and the order's derived progress
equals a recomputation from its lines."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.orders.models import OrderEvent
from inventory.models import StockMovement
from plugins.order_workflow.models import Dispatch
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

MOVE = """mutation($id: ID!, $moves: [UnitMoveInput!]!, $dispatch: DispatchInput) {
  orderLineUnitsMove(id: $id, moves: $moves, dispatch: $dispatch) {
    order { progress { state lineCount linesReady linesShipped linesDelivered dispatchCount
      units { pending inProduction ready shipped delivered atDealer sold cancelled } }
      dispatches { number } }
    dispatch { number documentNumber carrierName trackingNumber warehouseName
      createdBy { fullName } packingListUrl lines { sku quantity unit line { sku } } }
    errors { field code message } } }"""

ORDER = """query($id: ID!) { order(id: $id) {
  progress { state lineCount linesReady linesShipped linesDelivered dispatchCount
    units { pending inProduction ready shipped delivered atDealer sold cancelled } }
  lines { sku units { pending ready shipped cancelled } promisedDate
    allowedMoves { from to max } } } }"""


def move(line, source, target, quantity):
    return {"line": gid("OrderLine", line), "from": source, "to": target,
            "quantity": str(quantity)}


@pytest.fixture
def world(place_world):
    return place_world


@pytest.fixture
def staff(world, api_as):
    return api_as(world["staff"])


@pytest.fixture
def buyer(world, api_as):
    return api_as(world["buyer"], world["dealer"])


def test_ship_the_4_ready_units_now(world, staff):
    windows, doors = world["variants"][1], world["variants"][2]
    order = placed(world, (windows, 5), (doors, 3))
    line = line_of(order, windows)
    on_hand, allocated = stock(world, windows)
    assert held(line) == 5
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 4)]}, result="orderLineUnitsMove")
    assert answer["errors"] == [] and answer["dispatch"] is None
    assert answer["order"]["progress"]["state"] == "IN_PROGRESS"
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "READY", "SHIPPED", 4)], "dispatch": {
        "documentNumber": "УПД-17", "carrierName": "Деловые линии",
        "trackingNumber": "TR-1"}}, result="orderLineUnitsMove")
    assert answer["errors"] == []
    dispatch = answer["dispatch"]
    assert dispatch["lines"] == [{"sku": windows.sku, "quantity": "4.000", "unit": "PCS",
                                  "line": {"sku": windows.sku}}]
    assert (dispatch["documentNumber"], dispatch["carrierName"], dispatch["trackingNumber"],
            dispatch["warehouseName"]) == ("УПД-17", "Деловые линии", "TR-1", "Склад Москва")
    assert dispatch["number"].startswith("О-")
    assert dispatch["packingListUrl"].endswith("/packing-list/")
    assert units(line) == {"pending": 1, "shipped": 4}
    progress = answer["order"]["progress"]
    assert (progress["state"], progress["dispatchCount"]) == ("PARTIALLY_SHIPPED", 1)
    assert_consistent(order, progress)
    # The 4 units left the warehouse: off on hand and off allocated; the line holds 1.
    assert stock(world, windows) == (on_hand - 4, allocated - 4)
    assert held(line) == 1
    assert StockMovement.objects.filter(reason="SHIPMENT", variant=windows).count() == 1
    assert list(OrderEvent.objects.filter(order=order).values_list(
        "event_type", flat=True).order_by("pk"))[-3:] == ["UNITS_MOVED", "UNITS_MOVED",
                                                          "DISPATCHED"]


def test_ready_and_shipped_in_one_request_across_lines(world, staff):
    a, b = world["variants"][1], world["variants"][2]
    order = placed(world, (a, 2), (b, 3))
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line_of(order, a), "PENDING", "READY", 2),
        move(line_of(order, b), "PENDING", "READY", 3),
        move(line_of(order, a), "READY", "SHIPPED", 2),
        move(line_of(order, b), "READY", "SHIPPED", 3)]}, result="orderLineUnitsMove")
    assert answer["errors"] == []
    assert sorted(line["quantity"] for line in answer["dispatch"]["lines"]) == ["2.000", "3.000"]
    assert answer["order"]["progress"]["state"] == "SHIPPED"
    assert Dispatch.objects.filter(order=order).count() == 1
    assert_consistent(order, answer["order"]["progress"])


def test_a_transition_not_allowed_changes_nothing(world, staff):
    a = world["variants"][1]
    order = placed(world, (a, 5))
    line = line_of(order, a)
    events = OrderEvent.objects.count()
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 1), move(line, "PENDING", "SHIPPED", 2)]},
        result="orderLineUnitsMove")
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("moves.1.to", "TRANSITION_NOT_ALLOWED")]
    assert answer["order"] is None
    assert units(line) == {"pending": 5}
    assert OrderEvent.objects.count() == events
    assert_consistent(order)


def test_more_units_than_a_status_holds(world, staff):
    a = world["variants"][1]
    order = placed(world, (a, 5))
    line = line_of(order, a)
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 2), move(line, "READY", "SHIPPED", 3)]},
        result="orderLineUnitsMove")
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("moves.1.quantity", "NOT_ENOUGH_UNITS")]
    assert "Only 2 units are READY" in answer["errors"][0]["message"]
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", "1.5")]}, result="orderLineUnitsMove")
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("moves.0.quantity", "INVALID")]
    assert units(line) == {"pending": 5}
    assert not Dispatch.objects.filter(order=order).exists()
    assert_consistent(order)


def test_the_seller_works_only_on_a_confirmed_order(world, staff):
    a = world["variants"][1]
    order = placed(world, (a, 5), state="ON_MODERATION")
    line = line_of(order, a)
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 1)]}, result="orderLineUnitsMove")
    assert [e["code"] for e in answer["errors"]] == ["TRANSITION_NOT_ALLOWED"]
    # Cancelling is open while moderating.
    answer = staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "CANCELLED", 1)]}, result="orderLineUnitsMove")
    assert answer["errors"] == []
    assert units(line) == {"pending": 4, "cancelled": 1}
    assert_consistent(order, answer["order"]["progress"])


def test_the_buyer_may_only_cancel_pending_units(world, staff, buyer):
    a = world["variants"][1]
    order = placed(world, (a, 5))
    line = line_of(order, a)
    staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 2)]}, result="orderLineUnitsMove")
    answer = buyer.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "READY", "CANCELLED", 1)]}, result="orderLineUnitsMove")
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("moves.0.to", "TRANSITION_NOT_ALLOWED")]
    answer = buyer.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 1)]}, result="orderLineUnitsMove")
    assert [e["code"] for e in answer["errors"]] == ["TRANSITION_NOT_ALLOWED"]
    on_hand, allocated = stock(world, a)
    answer = buyer.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "CANCELLED", 3)]}, result="orderLineUnitsMove")
    assert answer["errors"] == []
    assert units(line) == {"ready": 2, "cancelled": 3}
    # The cancelled units' stock is given back; the 2 ready ones still hold theirs.
    assert stock(world, a) == (on_hand, allocated - 3)
    assert held(line) == 2
    assert_consistent(order, answer["order"]["progress"])
    lines = buyer(ORDER, {"id": gid("Order", order)}).data["order"]["lines"]
    assert lines[0]["allowedMoves"] == []  # nothing pending left to cancel


def test_allowed_moves_and_progress_for_each_side(world, staff, buyer):
    a = world["variants"][1]
    order = placed(world, (a, 5))
    seller_view = staff(ORDER, {"id": gid("Order", order)}).data["order"]
    assert seller_view["lines"][0]["allowedMoves"] == [
        {"from": "PENDING", "to": "IN_PRODUCTION", "max": "5.000"},
        {"from": "PENDING", "to": "READY", "max": "5.000"},
        {"from": "PENDING", "to": "CANCELLED", "max": "5.000"}]
    buyer_view = buyer(ORDER, {"id": gid("Order", order)}).data["order"]
    assert buyer_view["lines"][0]["allowedMoves"] == [
        {"from": "PENDING", "to": "CANCELLED", "max": "5.000"}]
    assert buyer_view["progress"]["state"] == "NOT_STARTED"
    assert_consistent(order, buyer_view["progress"])


def test_someone_else_does_not_find_the_order(world, api_as):
    a = world["variants"][1]
    order = placed(world, (a, 5))
    sub = api_as(world["sub_buyer"], world["sub"])
    answer = sub.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line_of(order, a), "PENDING", "CANCELLED", 1)]}, result="orderLineUnitsMove")
    assert [e["code"] for e in answer["errors"]] == ["NOT_FOUND"]
    assert_consistent(order)


def test_delivered_after_shipping(world, staff, buyer):
    a = world["variants"][1]
    order = placed(world, (a, 2))
    line = line_of(order, a)
    staff.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 2), move(line, "READY", "SHIPPED", 2)]},
        result="orderLineUnitsMove")
    answer = buyer.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "SHIPPED", "DELIVERED", 2)]}, result="orderLineUnitsMove")
    assert answer["errors"] == []
    assert answer["order"]["progress"]["state"] == "DELIVERED"
    assert Decimal(answer["order"]["progress"]["units"]["delivered"]) == 2
    assert_consistent(order, answer["order"]["progress"])


def test_a_dealer_fulfils_its_sub_dealers_order(world, api_as):
    a = world["variants"][1]
    order = placed(world, (a, 3), buyer=world["sub_buyer"], organization=world["sub"])
    assert order.seller_id == world["dealer"].pk
    line = line_of(order, a)
    dealer = api_as(world["admin"], world["dealer"])
    answer = dealer.mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "PENDING", "READY", 3), move(line, "READY", "SHIPPED", 2)]},
        result="orderLineUnitsMove")
    assert answer["errors"] == []
    assert answer["dispatch"]["warehouseName"] == "Склад дилера"
    # The manufacturer's staff are not this order's seller.
    answer = api_as(world["staff"]).mutate(MOVE, {"id": gid("Order", order), "moves": [
        move(line, "READY", "SHIPPED", 1)]}, result="orderLineUnitsMove")
    assert [e["code"] for e in answer["errors"]] in (["NOT_FOUND"], ["PERMISSION_DENIED"])
    assert units(line) == {"ready": 1, "shipped": 2}
    assert_consistent(order, dealer(ORDER, {"id": gid("Order", order)}).data["order"][
        "progress"])
