"""The order list: who sees which orders (a dealer its sub-dealers' read-only, never up
the chain or across), search by number, seller's number and buyer's reference, every
filter, sorting and cursor pages (tests/orders_world.py describes the orders)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.orders.models import OrderType, PaymentStatus
from tests.orders_world import seed_orders

pytestmark = pytest.mark.django_db

LIST = """query($filter: OrderFilterInput, $sort: OrderSortInput, $first: Int, $after: String) {
  orders(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id number buyerReference grandTotalGross status lineCount
      buyer { name } placedBy { fullName } } } } }"""


@pytest.fixture
def world(network, catalog, make_user):
    return seed_orders(network, catalog, make_user)


def _ids(world, *keys) -> set[str]:
    return {to_global_id("Order", world["orders"][key].pk) for key in keys}


def _listed(client, **variables) -> list[dict]:
    return [e["node"] for e in client(LIST, variables).data["orders"]["edges"]]


def _listed_ids(client, **variables) -> set[str]:
    return {node["id"] for node in _listed(client, **variables)}


def _as(world, network, user_key, org_key, api_as):
    return api_as(world["users"][user_key], network[org_key])


def test_a_dealer_sees_its_own_and_its_sub_dealers_orders_never_another_dealers(
        world, network, api_as):
    dealer = _as(world, network, "dealer_a_buyer", "dealer_a", api_as)
    assert _listed_ids(dealer) == _ids(world, "a1", "a2", "sa1", "sa2")


def test_a_sub_dealer_sees_only_its_own_orders(world, network, api_as):
    sub = _as(world, network, "sub_a_buyer", "sub_a", api_as)
    assert _listed_ids(sub) == _ids(world, "sa1", "sa2")


def test_staff_see_every_order(world, staff_user, network, api_as):
    staff = api_as(staff_user, network["factory"])
    assert len(_listed(staff)) == 6


def test_another_dealers_order_is_invisible_by_id_and_node(world, network, api_as):
    dealer_b = _as(world, network, "dealer_b_buyer", "dealer_b", api_as)
    sub_a = _as(world, network, "sub_a_buyer", "sub_a", api_as)
    foreign = to_global_id("Order", world["orders"]["sa1"].pk)
    upward = to_global_id("Order", world["orders"]["a1"].pk)
    assert dealer_b("query($id: ID!) { order(id: $id) { id } }",
                    {"id": foreign}).data["order"] is None
    assert dealer_b("query($id: ID!) { node(id: $id) { id } }",
                    {"id": foreign}).data["node"] is None
    # A sub-dealer never sees its dealer's orders (the dealer's purchase prices).
    assert sub_a("query($id: ID!) { node(id: $id) { ... on Order { grandTotalGross } } }",
                 {"id": upward}).data["node"] is None
    line = world["orders"]["a1"].lines.first()
    assert sub_a("query($id: ID!) { node(id: $id) { id } }",
                 {"id": to_global_id("OrderLine", line.pk)}).data["node"] is None
    event = world["orders"]["a1"].events.first()
    assert sub_a("query($id: ID!) { node(id: $id) { id } }",
                 {"id": to_global_id("OrderEvent", event.pk)}).data["node"] is None


def test_search_finds_by_number_sellers_number_and_buyers_reference(world, network,
                                                                     api_as):
    dealer = _as(world, network, "dealer_a_buyer", "dealer_a", api_as)
    order = world["orders"]["a2"]
    number = f"{order.year % 100:02d}-{order.serial:05d}"
    assert _ids(world, "a2") <= _listed_ids(dealer, filter={"search": number})
    assert all(n["number"] == number for n in _listed(dealer, filter={"search": number}))
    assert _listed_ids(dealer, filter={"search": "1c-777"}) == _ids(world, "a2")
    assert _listed_ids(dealer, filter={"search": "alfa-1"}) == _ids(world, "a1")
    assert _listed_ids(dealer, filter={"search": "нет такого"}) == set()


def test_filters_by_period_placer_type_total_status_and_payment(world, network, api_as):
    dealer = _as(world, network, "dealer_a_admin", "dealer_a", api_as)
    today = timezone.localdate()
    week = {"placedFrom": str(today - timedelta(days=7)), "placedTo": str(today)}
    assert _listed_ids(dealer, filter=week) == _ids(world, "a2", "sa2")
    admin_id = to_global_id("User", world["users"]["dealer_a_admin"].pk)
    assert _listed_ids(dealer, filter={"placedBy": admin_id}) == _ids(world, "a2", "sa2")
    assert _listed_ids(dealer, filter={"status": ["AWAITING_APPROVAL"]}) == _ids(world, "a2")
    # a1: 3 lines x 2 x 100 net = 720 gross; a2: 2 x 2 x 1000 = 4800; sa1 720; sa2 240.
    assert _listed_ids(dealer, filter={"totalMin": "700", "totalMax": "1000"}) == _ids(
        world, "a1", "sa1")
    world["orders"]["a1"].__class__.objects.filter(pk=world["orders"]["sa1"].pk).update(
        order_type=OrderType.PREORDER, payment_status=PaymentStatus.PAID)
    assert _listed_ids(dealer, filter={"orderType": "PREORDER"}) == _ids(world, "sa1")
    assert _listed_ids(dealer, filter={"paymentStatus": ["PAID", "OVERDUE"]}) == _ids(
        world, "sa1")


def test_filter_by_organization_with_or_without_its_sub_dealers(world, network, api_as):
    dealer = _as(world, network, "dealer_a_buyer", "dealer_a", api_as)
    own = to_global_id("Organization", network["dealer_a"].pk)
    sub = to_global_id("Organization", network["sub_a"].pk)
    assert _listed_ids(dealer, filter={"organization": own}) == _ids(
        world, "a1", "a2", "sa1", "sa2")
    assert _listed_ids(dealer, filter={"organization": own, "includeSubtree": False}) == _ids(
        world, "a1", "a2")
    assert _listed_ids(dealer, filter={"organization": sub}) == _ids(world, "sa1", "sa2")


@pytest.mark.parametrize("filter", [
    {"organization": "dealer_b"},
    {"organization": "sub_b"},
    {"placedFrom": "2026-05-02", "placedTo": "2026-05-01"},
    {"totalMin": "10", "totalMax": "5"},
])
def test_a_filter_the_viewer_cannot_mean_is_invalid(world, network, api_as, filter):
    dealer = _as(world, network, "dealer_a_buyer", "dealer_a", api_as)
    if "organization" in filter:
        filter = {"organization": to_global_id("Organization", network[filter["organization"]].pk)}
    response = dealer(LIST, {"filter": filter})
    assert response.errors and response.errors[0]["extensions"]["code"] == "INVALID_FILTER"


def test_sorting_by_each_field_both_ways(world, network, staff_user, api_as):
    staff = api_as(staff_user, network["factory"])
    latest = _listed(staff)
    assert latest[0]["id"] in _ids(world, "sa2")
    by_total = _listed(staff, sort={"field": "TOTAL", "direction": "DESC"})
    totals = [float(n["grandTotalGross"]) for n in by_total]
    assert totals == sorted(totals, reverse=True)
    by_buyer = _listed(staff, sort={"field": "BUYER", "direction": "ASC"})
    names = [n["buyer"]["name"] for n in by_buyer]
    assert names == sorted(names)
    by_number = _listed(staff, sort={"field": "NUMBER", "direction": "ASC"})
    assert len(by_number) == 6


def test_cursor_pages_walk_every_order_once(world, network, staff_user, api_as):
    staff = api_as(staff_user, network["factory"])
    seen, after = [], None
    while True:
        page = staff(LIST, {"first": 4, "after": after,
                            "sort": {"field": "PLACED_AT", "direction": "ASC"}}).data["orders"]
        assert page["totalCount"] == 6
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 6


def test_the_list_shows_buyer_placer_totals_and_line_count(world, network, api_as):
    dealer = _as(world, network, "dealer_a_buyer", "dealer_a", api_as)
    node = next(n for n in _listed(dealer) if n["id"] in _ids(world, "sa1"))
    assert node["buyer"] == {"name": "Субдилер Альфа-1"}
    assert node["placedBy"] == {"fullName": "Сергей Субботин"}
    assert node["lineCount"] == 3 and node["grandTotalGross"] == "720.00"
