"""The members list marks the organization's last admin, whom the API refuses to deactivate
(LAST_ADMIN), so the screen can refuse before asking."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import CustomRole, Membership, Role

pytestmark = pytest.mark.django_db

MEMBERS = """query { members(first: 50) { edges { node { id isLastAdmin isActive
  user { email } } } } }"""
DEACTIVATE = """mutation($id: ID!) { membershipDeactivate(id: $id) {
  errors { field code } } }"""


@pytest.fixture
def dealer(network):
    return network["dealer_a"]


@pytest.fixture
def admin(make_user, dealer):
    return make_user("admin@alfa.test", dealer, Role.ADMIN)


def marked(client) -> dict[str, bool]:
    edges = client(MEMBERS).data["members"]["edges"]
    return {e["node"]["user"]["email"]: e["node"]["isLastAdmin"] for e in edges}


def deactivate(client, user) -> list[dict]:
    membership = Membership.objects.get(user=user)
    return client.mutate(DEACTIVATE, {"id": to_global_id("Membership", membership.pk)},
                         result="membershipDeactivate")["errors"]


def test_the_only_admin_is_marked_and_cannot_deactivate_themselves(api_as, admin, dealer,
                                                                     make_user):
    make_user("buyer@alfa.test", dealer, Role.BUYER)
    client = api_as(admin, dealer)

    assert marked(client) == {"admin@alfa.test": True, "buyer@alfa.test": False}
    assert deactivate(client, admin) == [{"field": "id", "code": "LAST_ADMIN"}]
    assert Membership.objects.get(user=admin).is_active


def test_with_a_second_admin_nobody_is_the_last(api_as, admin, dealer, make_user):
    make_user("second@alfa.test", dealer, Role.ADMIN)
    client = api_as(admin, dealer)

    assert marked(client) == {"admin@alfa.test": False, "second@alfa.test": False}
    assert deactivate(client, admin) == []


def test_a_custom_role_that_manages_members_counts_as_an_admin(api_as, admin, dealer,
                                                                 make_user):
    clerk = make_user("clerk@alfa.test", dealer)
    managers = CustomRole.objects.create(organization=dealer, name="Кадры",
                                         permissions=["MANAGE_MEMBERS"])
    clerk.memberships.update(custom_role=managers)
    client = api_as(admin, dealer)

    assert marked(client) == {"admin@alfa.test": False, "clerk@alfa.test": False}
    Membership.objects.filter(user=admin).update(is_active=False)  # the clerk remains
    assert marked(api_as(clerk, dealer)) == {"admin@alfa.test": False,
                                             "clerk@alfa.test": True}
