"""Forwarding through the API: ``forwardableOrders`` (the dealer's moderators only, a
constant number of queries on the fast path), ``orderForward`` (the new order, the links
on both sides, a retry with the same key, the refusals with nothing changed), and the
links hidden from the sub-dealer."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from backend.orders.models import Order
from plugins.order_workflow.models import ModerationState, OrderModeration
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import snapshot
from tests.forwarding_world import sub_order

pytestmark = pytest.mark.django_db

FORWARDABLE = """query($first: Int) { forwardableOrders(first: $first) { totalCount
  edges { node { id number buyer { name } grandTotalGross forwardedTo { id }
    lines { sku quantity forwardedTo { order { id } line { id } } } } } } }"""

FORWARD = """mutation($orders: [ID!]!, $key: String!, $comment: String) {
  orderForward(orders: $orders, idempotencyKey: $key, comment: $comment) {
    order { id number status comment buyer { name } seller { name } totalNet
      lines { id sku quantity unitNet }
      forwardedFrom { id number } }
    errors { field code message } } }"""

SOURCE = """query($id: ID!) { order(id: $id) { id number forwardedTo { id number }
  forwardedFrom { id } lines { id sku forwardedTo { order { id } line { id sku } } }
  events { type message } } }"""


def gid(order) -> str:
    return to_global_id("Order", order.pk)


@pytest.fixture
def dealer(place_world, api_as):
    return api_as(place_world["admin"], place_world["dealer"])


@pytest.fixture
def sub_client(place_world, api_as):
    return api_as(place_world["sub_buyer"], place_world["sub"])


def forward(client, *orders, key="f-1", comment=None):
    return client.mutate(FORWARD, {"orders": [gid(o) for o in orders], "key": key,
                                   "comment": comment}, result="orderForward")


def test_the_dealer_forwards_two_orders_and_sees_the_links(place_world, dealer, sub_client):
    w = place_world
    v = w["variants"]
    first = sub_order(w, (v[0], 4), (v[1], 2), key="s-1")
    second = sub_order(w, (v[0], 3), key="s-2")
    sub_order(w, (v[2], 1), key="s-3", confirmed=False)
    listed = dealer(FORWARDABLE, {"first": 10}).data["forwardableOrders"]
    assert [e["node"]["id"] for e in listed["edges"]] == [gid(first), gid(second)]

    result = forward(dealer, first, second, comment="Срочно")
    assert result["errors"] == []
    made = result["order"]
    assert (made["status"], made["comment"], made["buyer"]["name"], made["seller"]["name"]) \
        == ("PLACED", "Срочно", w["dealer"].name, w["factory"].name)
    assert [(ln["sku"], ln["quantity"], ln["unitNet"]) for ln in made["lines"]] == [
        (v[0].sku, "7.000", "100.00"), (v[1].sku, "2.000", "250.00")]
    assert [o["id"] for o in made["forwardedFrom"]] == [gid(first), gid(second)]
    assert dealer(FORWARDABLE, {"first": 10}).data["forwardableOrders"]["totalCount"] == 0

    seen = dealer(SOURCE, {"id": gid(first)}).data["order"]
    assert seen["forwardedTo"] == {"id": made["id"], "number": made["number"]}
    assert [ln["forwardedTo"]["line"]["sku"] for ln in seen["lines"]] == [v[0].sku, v[1].sku]
    assert seen["lines"][0]["forwardedTo"]["line"]["id"] == made["lines"][0]["id"]

    # the sub-dealer sees its order forwarded, never the dealer's order
    own = sub_client(SOURCE, {"id": gid(first)}).data["order"]
    assert own["forwardedTo"] is None and own["forwardedFrom"] == []
    assert all(ln["forwardedTo"] is None for ln in own["lines"])
    assert "FORWARDED" in [e["type"] for e in own["events"]]
    assert made["id"] not in str(own)
    assert sub_client(SOURCE, {"id": made["id"]}).data["order"] is None


def test_a_retry_with_the_same_key_returns_the_same_order(place_world, dealer):
    w = place_world
    source = sub_order(w, (w["variants"][2], 2), key="s-1")
    first = forward(dealer, source)["order"]
    again = forward(dealer, source)
    assert again["errors"] == [] and again["order"]["id"] == first["id"]
    assert Order.objects.filter(buyer=w["dealer"]).count() == 1
    other = forward(dealer, source, key="f-2")
    assert [(e["code"], e["field"]) for e in other["errors"]] == [
        ("ALREADY_FORWARDED", "orders")]
    assert str(source) in other["errors"][0]["message"]


@pytest.mark.parametrize("state", [ModerationState.SUBMITTED, ModerationState.ON_MODERATION,
                                   ModerationState.AWAITING_BUYER, ModerationState.CANCELLED])
def test_an_order_not_confirmed_is_refused_and_nothing_changes(place_world, dealer, state):
    w = place_world
    ready = sub_order(w, (w["variants"][2], 2), key="s-1")
    waiting = sub_order(w, (w["variants"][3], 1), key="s-2")
    OrderModeration.objects.filter(order=waiting).update(state=state)
    before = snapshot()
    result = forward(dealer, ready, waiting)
    assert result["order"] is None
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FORWARDABLE", "orders")]
    assert str(waiting) in result["errors"][0]["message"]
    assert str(ready) not in result["errors"][0]["message"]
    assert snapshot() == before


def test_who_may_not_forward_is_refused(place_world, api_as, sub_client):
    w = place_world
    source = sub_order(w, (w["variants"][2], 2), key="s-1")
    buyer = api_as(w["buyer"], w["dealer"])
    assert [e["code"] for e in forward(buyer, source)["errors"]] == ["PERMISSION_DENIED"]
    assert buyer(FORWARDABLE, {"first": 10}).data["forwardableOrders"]["totalCount"] == 0
    assert [e["code"] for e in forward(sub_client, source)["errors"]] == ["PERMISSION_DENIED"]
    staff = api_as(w["staff"])
    assert staff(FORWARDABLE, {"first": 10}).data["forwardableOrders"]["totalCount"] == 0


def test_bad_input_is_named(place_world, dealer):
    w = place_world
    source = sub_order(w, (w["variants"][2], 2), key="s-1")
    result = dealer.mutate(FORWARD, {"orders": [to_global_id("Product", 1)], "key": "f"},
                           result="orderForward")
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("INVALID", "orders")]
    result = forward(dealer, source, key=" ")
    assert [(e["code"], e["field"]) for e in result["errors"]] == [
        ("REQUIRED", "idempotencyKey")]
    result = dealer.mutate(FORWARD, {"orders": [], "key": "f"}, result="orderForward")
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("REQUIRED", "orders")]
    gone = to_global_id("Order", source.pk + 1000)
    result = dealer.mutate(FORWARD, {"orders": [gone], "key": "f"}, result="orderForward")
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", "orders")]


def test_forwardable_orders_run_a_constant_number_of_queries(place_world, dealer, fast_path):
    w = place_world

    def count() -> int:
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            response = dealer(FORWARDABLE, {"first": 50})
        assert not response.errors
        assert fast_path.fallbacks == 0
        return len(captured)

    sub_order(w, (w["variants"][0], 1), key="s-1")
    one = count()
    for n in range(3):
        sub_order(w, (w["variants"][n + 1], 2), (w["variants"][0], 1), key=f"s-{n + 2}")
    assert count() == one
