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
