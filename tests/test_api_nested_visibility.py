"""Nested fields return only rows their type's visibility allows the viewer, as
``node(id:)`` does: a partner learns the name of its supplier's people who acted on it,
never their e-mail, phone or staff permissions, and a dealer's members do not see its
sub-dealers' custom roles."""

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import CustomRole, Role
from backend.accounts.services.members import invite_member

pytestmark = pytest.mark.django_db

AUDIT = """{ auditEvents(first: 20) { edges { node { action
  actor { email phone isStaff staffPermissions }
  actorSummary { fullName } } } } }"""


def test_a_sub_dealer_admin_sees_its_dealer_admin_in_the_audit_trail_by_name_only(
        network, make_user, api_as):
    dealer_admin = make_user("boss@alfa.test", network["dealer_a"], Role.ADMIN,
                             first_name="Сергей", last_name="Воронин", phone="+7 900 1")
    sub_admin = make_user("admin@sub-alfa.test", network["sub_a"], Role.ADMIN)
    invite_member(network["sub_a"], "second@sub-alfa.test", invited_by=dealer_admin)

    events = api_as(sub_admin, network["sub_a"])(AUDIT).data["auditEvents"]["edges"]

    assert [e["node"] for e in events] == [{
        "action": "invitation.created", "actor": None,
        "actorSummary": {"fullName": "Сергей Воронин"}}]
    # The dealer's own admins see their colleague in full.
    own = api_as(dealer_admin, network["dealer_a"])(AUDIT).data["auditEvents"]["edges"]
    assert own[0]["node"]["actor"]["email"] == "boss@alfa.test"


def test_a_dealer_admin_does_not_see_the_manufacturer_staff_who_acted_on_it(
        network, make_user, staff_user, api_as):
    dealer_admin = make_user("boss@alfa.test", network["dealer_a"], Role.ADMIN)
    invite_member(network["dealer_a"], "support@alfa.test", invited_by=staff_user)

    events = api_as(dealer_admin, network["dealer_a"])(AUDIT).data["auditEvents"]["edges"]

    assert events[0]["node"]["actor"] is None
    assert events[0]["node"]["actorSummary"] == {"fullName": ""}
    by_id = api_as(dealer_admin, network["dealer_a"])(
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_global_id("User", staff_user.pk)}).data
    assert by_id["node"] is None


def test_a_dealer_buyer_sees_sub_dealer_members_but_not_their_custom_role(
        network, make_user, api_as):
    buyer = make_user("buyer@alfa.test", network["dealer_a"], Role.BUYER)
    role = CustomRole.objects.create(organization=network["sub_a"], name="Склад",
                                     permissions=["VIEW_ORDERS"])
    clerk = make_user("clerk@sub-alfa.test", network["sub_a"])
    clerk.memberships.update(custom_role=role)

    members = api_as(buyer, network["dealer_a"])(
        """query($org: ID) { members(first: 10, filter: {organization: $org}) { edges {
             node { user { email } permissions customRole { name permissions } } } } }""",
        {"org": to_global_id("Organization", network["sub_a"].pk)}).data

    assert [e["node"] for e in members["members"]["edges"]] == [{
        "user": {"email": "clerk@sub-alfa.test"}, "permissions": ["VIEW_ORDERS"],
        "customRole": None}]


# Stock (issue 12): the world of tests/fixtures/stock_world.py. A sub-dealer sees its
# dealer's stock centers and the shared ones of its siblings, the factory's warehouse
# only where the manufacturer shows it to the network (in bands), never another
# network's; whichever way it asks.
STOCK_PATHS = """query($warehouse: ID, $item: ID!, $warehouseId: ID!) {
  stockItems(first: 50, filter: {warehouse: $warehouse}) { edges { node {
    warehouse { code } available { exact band } } } }
  incomingSupply(first: 50, filter: {warehouse: $warehouse}) { edges { node {
    warehouse { code } } } }
  leftovers(first: 50, filter: {warehouse: $warehouse}) { edges { node { warehouse { code } } } }
  warehouses(first: 50, filter: {includeInactive: true}) { edges { node { code
    stock(first: 5) { edges { node { warehouse { code } available { exact band } } } } } } }
  products(first: 20) { edges { node { variants { stock { warehouse { code }
    available { exact band } } } } } }
  item: node(id: $item) { id }
  warehouse: node(id: $warehouseId) { id }
}"""


def _codes(value) -> set[str]:
    if isinstance(value, dict):
        found = {value["code"]} if isinstance(value.get("code"), str) else set()
        return found.union(*(_codes(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_codes(v) for v in value))
    return set()


def _ask(client, warehouse) -> dict:
    from inventory.models import StockItem

    item = StockItem.objects.filter(warehouse=warehouse).first()
    return client(STOCK_PATHS, {
        "warehouse": to_global_id("Warehouse", warehouse.pk),
        "item": to_global_id("StockItem", item.pk),
        "warehouseId": to_global_id("Warehouse", warehouse.pk)}).data


def test_a_sub_dealer_reaches_no_hidden_or_foreign_stock_through_any_path(
        network, catalog, make_org, make_user, api_as):
    from tests.fixtures.stock_world import seed_stock

    world = seed_stock(network, catalog, make_org)
    client = api_as(make_user("admin@sub-alfa.test", network["sub_a"], Role.ADMIN),
                    network["sub_a"])
    visible = {"R-BANDS", "DA", "SA1", "SA2"}

    for code in ("F-EXACT", "F-OFF", "SA2-PRIVATE", "DB"):  # asked for by id and filter
        answer = _ask(client, world["warehouses"][code])
        assert _codes(answer) <= visible, (code, _codes(answer) - visible)
        assert answer["item"] is None and answer["warehouse"] is None, code
        assert answer["stockItems"]["edges"] == [] and answer["leftovers"]["edges"] == []
    answer = _ask(client, world["warehouses"]["R-BANDS"])
    assert _codes(answer) == visible
    # The factory's regional warehouse, however reached, shows bands only.
    figures = [e["node"]["available"] for e in answer["stockItems"]["edges"]]
    figures += [s["available"] for e in answer["products"]["edges"]
                for v in e["node"]["variants"] for s in v["stock"]
                if s["warehouse"]["code"] == "R-BANDS"]
    figures += [e["node"]["available"] for w in answer["warehouses"]["edges"]
                if w["node"]["code"] == "R-BANDS" for e in w["node"]["stock"]["edges"]]
    assert len(figures) == 3 and all(f == {"exact": None, "band": "OVER_10"} for f in figures)


def test_a_dealer_sees_none_of_another_networks_stock_centers(
        network, catalog, make_org, make_user, api_as):
    from tests.fixtures.stock_world import seed_stock

    world = seed_stock(network, catalog, make_org)
    client = api_as(make_user("buyer@beta.test", network["dealer_b"], Role.BUYER),
                    network["dealer_b"])
    for code in ("DA", "SA1", "SA2"):
        answer = _ask(client, world["warehouses"][code])
        assert _codes(answer) == {"F-EXACT", "R-BANDS", "DB"}, code
        assert answer["item"] is None and answer["warehouse"] is None
