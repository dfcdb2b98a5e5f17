"""The buyer's internal approval through the API: the approvals queue (oldest first, in
pages, a constant number of queries on the fast path), ``Order.approvers`` and
``canApprove``, ``orderApprove`` and ``orderReject`` with their errors, and nothing
changed after a refused answer."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from backend.accounts.models import Membership, Role
from backend.orders.models import Order, OrderEvent, OrderStatus
from inventory.models import IncomingSupply, StockItem
from tests.fixtures.waiting_orders import *  # noqa: F403
from tests.fixtures.waiting_orders import place_waiting

pytestmark = pytest.mark.django_db

QUEUE = """query($first: Int, $after: String) { orderApprovals(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id number status grandTotalGross canApprove approvers { fullName }
    placedBy { fullName } buyer { name } lines { sku quantity }
    events { type user { fullName } } } } } }"""

ORDER = """query($id: ID!) { order(id: $id) { status canApprove approvers { fullName }
  decidedBy { fullName } decisionComment } }"""

APPROVE = """mutation($id: ID!, $comment: String) { orderApprove(id: $id, comment: $comment) {
  order { id status canApprove approvers { fullName } decidedBy { fullName } decisionComment
    events { type message } }
  errors { field code message } } }"""

REJECT = """mutation($id: ID!, $comment: String!) { orderReject(id: $id, comment: $comment) {
  order { id status decisionComment } errors { field code message } } }"""


@pytest.fixture
def world(approval_world):
    return approval_world


@pytest.fixture
def approver(world, api_as):
    return api_as(world.approver, world.buyer_org)


def gid(order) -> str:
    return to_global_id("Order", order.pk)


def state(order, world):
    order = Order.objects.get(pk=order.pk)
    return (order.status, order.decided_by_id, OrderEvent.objects.filter(order=order).count(),
            StockItem.objects.get(pk=world.stock.pk).allocated,
            IncomingSupply.objects.get(pk=world.supply.pk).reserved)


def test_the_queue_lists_the_organizations_waiting_orders_oldest_first(world, approver):
    first, second = place_waiting(world), place_waiting(world, quantity=4, preorder=0)
    place_waiting(world, placed_by=world.approver)  # its own: another approver answers
    page = approver(QUEUE, {"first": 1}).data["orderApprovals"]
    assert page["totalCount"] == 2
    [edge] = page["edges"]
    node = edge["node"]
    assert (node["id"], node["status"], node["canApprove"]) == (
        gid(first), "AWAITING_APPROVAL", True)
    assert node["approvers"] == [{"fullName": ""}, {"fullName": "Анна Согласова"}]
    assert node["placedBy"] == {"fullName": "Борис Покупкин"}
    assert node["events"] == [{"type": "APPROVAL_REQUESTED",
                               "user": {"fullName": "Борис Покупкин"}}]
    rest = approver(QUEUE, {"first": 5, "after": page["pageInfo"]["endCursor"]}).data
    assert [e["node"]["id"] for e in rest["orderApprovals"]["edges"]] == [gid(second)]


@pytest.mark.parametrize("who", ["buyer", "seller_admin"])
def test_who_may_not_approve_has_an_empty_queue(world, api_as, who):
    place_waiting(world)
    organization = world.seller if who == "seller_admin" else world.buyer_org
    client = api_as(getattr(world, who), organization)
    assert client(QUEUE).data["orderApprovals"]["totalCount"] == 0


def test_the_buyer_sees_where_its_order_waits(world, api_as):
    order = place_waiting(world)
    data = api_as(world.buyer, world.buyer_org)(ORDER, {"id": gid(order)}).data["order"]
    assert data == {"status": "AWAITING_APPROVAL", "canApprove": False,
                    "approvers": [{"fullName": ""}, {"fullName": "Анна Согласова"}],
                    "decidedBy": None, "decisionComment": ""}


def test_an_approver_approves_through_the_api(world, approver):
    order = place_waiting(world)
    payload = approver.mutate(APPROVE, {"id": gid(order), "comment": "Ок"},
                              result="orderApprove")
    assert payload["errors"] == []
    assert payload["order"]["status"] == "PLACED"
    assert payload["order"]["canApprove"] is False
    assert payload["order"]["approvers"] == []
    assert payload["order"]["decidedBy"] == {"fullName": "Анна Согласова"}
    assert payload["order"]["events"][-1] == {"type": "APPROVED", "message": "Ок"}
    assert approver(QUEUE).data["orderApprovals"]["totalCount"] == 0


def test_a_rejection_through_the_api_releases_the_stock(world, approver):
    order = place_waiting(world)
    payload = approver.mutate(REJECT, {"id": gid(order), "comment": "Дорого"},
                              result="orderReject")
    assert payload == {"order": {"id": gid(order), "status": "REJECTED",
                                 "decisionComment": "Дорого"}, "errors": []}
    assert state(order, world)[3:] == (0, 0)


def test_refused_answers_say_why_and_change_nothing(world, approver, api_as, network,
                                                    make_user):
    order = place_waiting(world)
    outsider = make_user("approver@sub-b.test", network["sub_b"], Role.APPROVER)
    before = state(order, world)
    cases = [
        (approver, REJECT, {"comment": "  "}, "orderReject", ("comment", "COMMENT_REQUIRED")),
        (api_as(outsider, network["sub_b"]), APPROVE, {}, "orderApprove", ("id", "NOT_FOUND")),
        (api_as(world.seller_admin, world.seller), APPROVE, {}, "orderApprove",
         ("id", "PERMISSION_DENIED")),
        (api_as(world.buyer, world.buyer_org), REJECT, {"comment": "Передумал"},
         "orderReject", ("id", "PERMISSION_DENIED")),
        (approver, APPROVE, {"id": to_global_id("Warehouse", order.pk)}, "orderApprove",
         ("id", "INVALID")),
    ]
    for client, document, variables, result, expected in cases:
        payload = client.mutate(document, {"id": gid(order), **variables}, result=result)
        assert payload["order"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [expected], payload
        assert state(order, world) == before


def test_an_order_answered_is_not_waiting_any_more(world, approver):
    order = place_waiting(world)
    approver.mutate(APPROVE, {"id": gid(order)}, result="orderApprove")
    payload = approver.mutate(REJECT, {"id": gid(order), "comment": "Нет"},
                              result="orderReject")
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("id", "NOT_AWAITING_APPROVAL")]
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PLACED


def test_the_queue_runs_the_same_queries_however_many_orders_wait(world, approver, make_user,
                                                                  fast_path):
    def count() -> int:
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            response = approver(QUEUE, {"first": 50})
        assert not response.errors
        assert fast_path.fallbacks == 0
        return len(captured)

    place_waiting(world)
    one = count()
    second = make_user("approver2@sub-a.test", world.buyer_org, Role.APPROVER,
                       first_name="Вера")
    Membership.objects.filter(user=second).update(spending_limit=10)
    for _ in range(3):
        place_waiting(world, quantity=2, preorder=1)
    place_waiting(world, placed_by=second)
    assert approver(QUEUE).data["orderApprovals"]["totalCount"] == 5
    assert count() == one
