"""``moderationQueue``: who sees which orders in it, its filters and sorts, and a page
that runs the same number of SQL queries however many orders, proposals and dialogue
entries it shows, on the execution fast path."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.models import Role
from tests.fixtures.moderation import gid, on_moderation
from tests.orders_world import make_order, seed_orders

pytestmark = pytest.mark.django_db

PAGE = """query($filter: ModerationQueueFilter, $sort: ModerationQueueSort) {
 moderationQueue(first: 50, filter: $filter, sort: $sort) { totalCount edges { node {
  id number grandTotalGross buyer { name }
  lines { sku quantity openProposals { id kind quantity proposedBy { fullName } } }
  moderation { state version autoConfirmed overCredit submittedAt canModerate canAnswer
    canCancel moderator { fullName }
    proposals { id kind status line { sku } proposedBy { fullName } answeredBy { fullName } }
    dialogue { id kind side text author { fullName } proposal { id kind } state } }
} } } }"""


@pytest.fixture
def queue_world(network, catalog, make_user, staff_user):
    world = seed_orders(network, catalog, make_user)
    orders = world["orders"]
    for age, key in enumerate(("a1", "b1", "sa1", "sb1")):
        on_moderation(orders[key], staff_user, age_days=age)
    return world


def _page(client, fast_path=None, **variables):
    if fast_path is not None:
        fast_path.reset()
    with CaptureQueriesContext(connection) as captured:
        response = client(PAGE, variables)
    assert response.status == 200 and not response.errors, response.errors
    if fast_path is not None:
        assert fast_path.fallbacks == 0
    return len(captured), response.data["moderationQueue"]


def numbers(page):
    return [edge["node"]["number"] for edge in page["edges"]]


def test_staff_see_the_manufacturers_orders_and_a_dealer_its_sub_dealers(
        queue_world, network, staff_user, api_as):
    orders = queue_world["orders"]
    _, staff = _page(api_as(staff_user, network["factory"]))
    assert {e["node"]["id"] for e in staff["edges"]} == {
        gid("Order", orders[k].pk) for k in ("a1", "b1")}
    assert all(e["node"]["moderation"]["canModerate"] for e in staff["edges"])
    _, dealer = _page(api_as(queue_world["users"]["dealer_a_admin"], network["dealer_a"]))
    assert [e["node"]["id"] for e in dealer["edges"]] == [gid("Order", orders["sa1"].pk)]
    # a buyer moderates nothing: its own orders are not in its queue
    _, buyer = _page(api_as(queue_world["users"]["dealer_a_buyer"], network["dealer_a"]))
    assert buyer["totalCount"] == 0


def test_filters_and_sorts(queue_world, network, staff_user, api_as, make_user):
    orders = queue_world["orders"]
    staff = api_as(staff_user, network["factory"])
    # oldest first by default: b1 waits a day longer than a1
    _, page = _page(staff)
    assert [e["node"]["id"] for e in page["edges"]] == [
        gid("Order", orders[k].pk) for k in ("b1", "a1")]
    _, page = _page(staff, sort={"field": "AGE", "direction": "DESC"})
    assert page["edges"][0]["node"]["id"] == gid("Order", orders["a1"].pk)
    _, page = _page(staff, filter={"search": "Бета"})
    assert page["totalCount"] == 1
    _, page = _page(staff, filter={"buyer": gid("Organization", network["dealer_a"].pk)})
    assert [e["node"]["id"] for e in page["edges"]] == [gid("Order", orders["a1"].pk)]
    _, page = _page(staff, filter={"states": ["CONFIRMED"]})
    assert page["totalCount"] == 0
    _, page = _page(staff, filter={"totalMin": "10000"})
    assert page["totalCount"] == 0
    _, page = _page(staff, filter={"mine": True})
    assert page["totalCount"] == 2
    other = make_user("other-moderator@factory.test", is_staff=True,
                      staff_permissions=["MODERATE_ORDERS"])
    _, page = _page(api_as(other), filter={"mine": True})
    assert page["totalCount"] == 0
    today = timezone.localdate()
    _, page = _page(staff, filter={"submittedFrom": today.isoformat()})
    assert [e["node"]["id"] for e in page["edges"]] == [gid("Order", orders["a1"].pk)]
    response = staff(PAGE, {"filter": {"totalMin": "10", "totalMax": "1"}})
    assert response.errors[0]["extensions"]["code"] == "INVALID"


def test_a_queue_page_reads_a_constant_number_of_queries(queue_world, network, staff_user,
                                                         api_as, fast_path, make_user):
    clients = {"staff": api_as(staff_user, network["factory"]),
               "dealer": api_as(queue_world["users"]["dealer_a_admin"], network["dealer_a"])}
    before = {label: _page(client, fast_path) for label, client in clients.items()}
    buyer = make_user("more@alfa.test", network["dealer_a"], Role.BUYER)
    variants = queue_world["variants"]
    for n in range(5):
        on_moderation(make_order(network["dealer_a"], buyer, variants), staff_user,
                      age_days=10 + n)
        on_moderation(make_order(network["sub_a"], queue_world["users"]["sub_a_buyer"],
                                 variants), queue_world["users"]["dealer_a_admin"])
    after = {label: _page(client, fast_path) for label, client in clients.items()}
    for label in clients:
        assert after[label][1]["totalCount"] == before[label][1]["totalCount"] + 5
        assert after[label][0] == before[label][0], (label, before[label][0], after[label][0])
