"""A dealer's admin creates sub-dealers under it and invites their first admin; a dealer
reads its sub-dealers but never its siblings'; a sub-dealer sees only its own dealer above
it and can attach itself to no one."""

from __future__ import annotations

import re

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import AuditEvent, Invitation, Membership, Organization, Role

SUB_DEALER_CREATE = """
mutation Create($input: SubDealerCreateInput!) {
  subDealerCreate(input: $input) {
    organization { id name legalName inn kpp region currency kind level parent { name } }
    invitation { email role status }
    errors { field code message }
  }
}
"""
SUB_DEALERS = """
query SubDealers($search: String) {
  subDealers(first: 20, search: $search) { totalCount edges { node { name kind } } }
}
"""
ORGANIZATIONS = "{ organizations(first: 50) { edges { node { name } } } }"
ORGANIZATION_UPDATE = """
mutation Move($id: ID!, $input: OrganizationInput!) {
  organizationUpdate(id: $id, input: $input) { errors { field code } }
}
"""
ORGANIZATION_CREATE = """
mutation Create($input: OrganizationInput!) {
  organizationCreate(input: $input) { errors { field code } }
}
"""
ACCEPT = """
mutation Accept($token: String!, $password: String!) {
  invitationAccept(token: $token, password: $password, firstName: "Ольга") {
    token errors { field code }
  }
}
"""
ME = "{ me { user { email } role activeOrganization { name parent { name } } } }"
MEMBERS_OF = """
query Members($organization: ID!) {
  members(filter: {organization: $organization}) { totalCount edges { node { user { email } } } }
}
"""

VALID_INN = "7707083893"


def gid(org: Organization) -> str:
    return to_global_id("Organization", org.pk)


def sub_dealer_input(**overrides) -> dict:
    return {"name": "Стройторг Химки", "legalName": "ООО «Стройторг»", "inn": VALID_INN,
            "kpp": "504701001", "address": "Химки, ул. Заводская, 3",
            "adminEmail": "Director@Stroytorg.test", **overrides}


def errors_of(payload: dict) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


@pytest.fixture
def dealer(network):
    return network["dealer_a"]


@pytest.fixture
def dealer_admin(api_as, make_user, dealer):
    return api_as(make_user("admin@alfa.test", dealer, Role.ADMIN), dealer)


@pytest.fixture
def sub_dealer_admin(api_as, make_user, network):
    return api_as(make_user("admin@alfa-1.test", network["sub_a"], Role.ADMIN),
                  network["sub_a"])


def create(client, **overrides) -> dict:
    return client.mutate(SUB_DEALER_CREATE, {"input": sub_dealer_input(**overrides)},
                         result="subDealerCreate")


# --- creating sub-dealers ------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)  # the invitation e-mail goes out after commit
def test_dealer_admin_creates_a_sub_dealer_whose_invited_admin_joins_it(
        dealer_admin, dealer, api, api_as, mailoutbox):
    payload = create(dealer_admin)

    assert payload["errors"] == []
    assert payload["organization"] | {"id": None} == {
        "id": None, "name": "Стройторг Химки", "legalName": "ООО «Стройторг»",
        "inn": VALID_INN, "kpp": "504701001", "region": "Москва", "currency": "RUB",
        "kind": "SUB_DEALER", "level": 2, "parent": {"name": "Дилер Альфа"}}
    assert payload["invitation"] == {"email": "director@stroytorg.test", "role": "ADMIN",
                                     "status": "PENDING"}
    sub_dealer = Organization.objects.get(inn=VALID_INN)
    assert sub_dealer.parent == dealer and sub_dealer.path.startswith(dealer.path)
    created = AuditEvent.objects.get(action="organization.created", target_id=sub_dealer.pk)
    assert created.changes | {"inn": None} == {"name": "Стройторг Химки", "inn": None,
                                               "kind": "SUB_DEALER", "parent": "Дилер Альфа"}

    assert [mail.to for mail in mailoutbox] == [["director@stroytorg.test"]]
    link = re.search(r"https?://\S+/invitation/(\S+)", mailoutbox[0].body)
    assert link, mailoutbox[0].body
    accepted = api.mutate(ACCEPT, {"token": link.group(1), "password": "a-long-password-7"},
                          result="invitationAccept")
    assert accepted["errors"] == [] and accepted["token"]

    membership = Membership.objects.get(user__email="director@stroytorg.test")
    assert (membership.organization, membership.role) == (sub_dealer, Role.ADMIN)
    me = api_as(membership.user, sub_dealer)(ME).data["me"]
    assert me["role"] == "ADMIN"
    assert me["activeOrganization"] == {"name": "Стройторг Химки",
                                        "parent": {"name": "Дилер Альфа"}}


def test_sub_dealer_region_may_differ_from_the_dealers(dealer_admin):
    payload = create(dealer_admin, region="Московская область")

    assert payload["organization"]["region"] == "Московская область"


def test_a_russian_sub_dealers_region_is_a_subject_of_the_list(dealer_admin):
    # Applications from «Тульская область» would never find a dealer of «Тула».
    payload = create(dealer_admin, region="Тула")

    assert errors_of(payload) == [("region", "UNKNOWN_REGION")]
    assert payload["organization"] is None
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_a_sub_dealers_region_is_stored_under_its_official_name(dealer_admin):
    payload = create(dealer_admin, region="  тульская   ОБЛАСТЬ ")

    assert payload["errors"] == []
    assert payload["organization"]["region"] == "Тульская область"
    assert Organization.objects.get(inn=VALID_INN).region == "Тульская область"


def test_a_sub_dealer_abroad_names_its_region_freely(dealer_admin):
    payload = create(dealer_admin, country="kz", region="Алматы")

    assert payload["errors"] == []
    assert payload["organization"]["region"] == "Алматы"
    assert Organization.objects.get(inn=VALID_INN).country == "KZ"


def test_staff_create_no_organization_of_an_unknown_russian_region(api_as, staff_user, network):
    staff_api = api_as(staff_user, network["factory"])
    payload = staff_api.mutate(ORGANIZATION_CREATE, {"input": {
        "name": "Дилер Гамма", "legalName": "ООО «Гамма»", "inn": VALID_INN, "kind": "DEALER",
        "parent": gid(network["factory"]), "region": "Тула"}}, result="organizationCreate")

    assert errors_of(payload) == [("region", "UNKNOWN_REGION")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_a_dealer_buyer_may_not_create_sub_dealers(api_as, make_user, dealer, mailoutbox):
    buyer = api_as(make_user("buyer@alfa.test", dealer, Role.BUYER), dealer)

    payload = create(buyer)

    assert errors_of(payload) == [(None, "PERMISSION_DENIED")]
    assert payload["organization"] is None
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_an_anonymous_visitor_must_sign_in(api):
    assert errors_of(create(api)) == [(None, "AUTHENTICATION_REQUIRED")]


def test_a_sub_dealer_cannot_have_sub_dealers_of_its_own(sub_dealer_admin):
    payload = create(sub_dealer_admin)

    assert errors_of(payload) == [(None, "NOT_A_DEALER")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_a_dealer_at_the_deepest_level_cannot_add_a_level(api_as, make_user, make_org,
                                                           network):
    distributor = make_org("Дистрибьютор", kind="DISTRIBUTOR", parent=network["factory"])
    dealer = make_org("Дилер", parent=distributor)
    lower = make_org("Дилер второго уровня", parent=dealer)
    lowest = make_org("Дилер третьего уровня", parent=lower)
    assert lowest.depth == 4
    admin = api_as(make_user("admin@lowest.test", lowest, Role.ADMIN), lowest)

    payload = create(admin)

    assert errors_of(payload) == [(None, "TREE_TOO_DEEP")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


@pytest.mark.django_db(transaction=True)
def test_a_bad_inn_creates_nothing_and_sends_nothing(dealer_admin, mailoutbox):
    payload = create(dealer_admin, inn="7707083890")

    assert errors_of(payload) == [("inn", "INVALID_INN")]
    assert "check digit" in payload["errors"][0]["message"]
    assert payload["organization"] is None and payload["invitation"] is None
    assert not Organization.objects.filter(name="Стройторг Химки").exists()
    assert not Invitation.objects.filter(email="director@stroytorg.test").exists()
    assert mailoutbox == []


def test_every_problem_of_the_input_comes_back_at_once(dealer_admin):
    payload = create(dealer_admin, name="  ", kpp="12", adminEmail="not-an-address")

    assert sorted(errors_of(payload)) == [("adminEmail", "INVALID_EMAIL"),
                                          ("kpp", "INVALID_KPP"), ("name", "REQUIRED")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_an_organization_already_registered_is_a_duplicate(dealer_admin, network):
    taken = network["sub_b"]
    Organization.objects.filter(pk=taken.pk).update(inn=VALID_INN, kpp="504701001")

    payload = create(dealer_admin)

    assert errors_of(payload) == [("inn", "DUPLICATE_INN")]
    assert Organization.objects.filter(inn=VALID_INN).count() == 1
    assert not Invitation.objects.filter(email="director@stroytorg.test").exists()


# --- who sees what -------------------------------------------------------------------------

def names(result, field: str) -> list[str]:
    return [edge["node"]["name"] for edge in result.data[field]["edges"]]


def test_a_dealer_lists_its_sub_dealers_never_a_siblings(dealer_admin, make_org, network):
    make_org("Субдилер Альфа-2", kind="SUB_DEALER", parent=network["dealer_a"])
    make_org("Субдилер Бета-2", kind="SUB_DEALER", parent=network["dealer_b"])

    assert names(dealer_admin(SUB_DEALERS), "subDealers") == ["Субдилер Альфа-1",
                                                              "Субдилер Альфа-2"]
    assert names(dealer_admin(SUB_DEALERS, {"search": "-2"}), "subDealers") == [
        "Субдилер Альфа-2"]
    assert names(dealer_admin(SUB_DEALERS, {"search": "Бета"}), "subDealers") == []
    assert names(dealer_admin(ORGANIZATIONS), "organizations") == [
        "Завод", "Дилер Альфа", "Субдилер Альфа-1", "Субдилер Альфа-2"]


def test_a_new_sub_dealer_appears_in_its_dealers_list(dealer_admin):
    create(dealer_admin)

    assert "Стройторг Химки" in names(dealer_admin(SUB_DEALERS), "subDealers")


def test_sub_dealers_of_a_sub_dealer_or_a_stranger_are_none(sub_dealer_admin, api):
    assert sub_dealer_admin(SUB_DEALERS).data["subDealers"]["totalCount"] == 0
    assert api(SUB_DEALERS).data["subDealers"]["totalCount"] == 0


def test_a_dealer_reads_its_sub_dealers_members_but_not_a_siblings(
        dealer_admin, make_user, network):
    make_user("buyer@alfa-1.test", network["sub_a"])
    make_user("buyer@beta-1.test", network["sub_b"])

    own = dealer_admin(MEMBERS_OF, {"organization": gid(network["sub_a"])}).data["members"]
    sibling = dealer_admin(MEMBERS_OF, {"organization": gid(network["sub_b"])}).data["members"]

    assert [e["node"]["user"]["email"] for e in own["edges"]] == ["buyer@alfa-1.test"]
    assert sibling["totalCount"] == 0


def test_a_sub_dealer_sees_its_dealer_as_supplier_and_nothing_above(sub_dealer_admin):
    me = sub_dealer_admin(ME).data["me"]

    assert me["activeOrganization"] == {"name": "Субдилер Альфа-1",
                                        "parent": {"name": "Дилер Альфа"}}
    assert names(sub_dealer_admin(ORGANIZATIONS), "organizations") == [
        "Дилер Альфа", "Субдилер Альфа-1"]


# --- nobody attaches an organization to a dealer but the dealer (or staff) -----------------

def test_a_sub_dealer_admin_cannot_move_itself_under_another_dealer(sub_dealer_admin,
                                                                     network):
    payload = sub_dealer_admin.mutate(
        ORGANIZATION_UPDATE,
        {"id": gid(network["sub_a"]), "input": {"parent": gid(network["dealer_b"])}},
        result="organizationUpdate")

    assert errors_of(payload) == [(None, "PERMISSION_DENIED")]
    assert Organization.objects.get(pk=network["sub_a"].pk).parent == network["dealer_a"]


def test_a_dealer_admin_cannot_take_over_another_dealers_sub_dealer(dealer_admin, network):
    payload = dealer_admin.mutate(
        ORGANIZATION_UPDATE,
        {"id": gid(network["sub_b"]), "input": {"parent": gid(network["dealer_a"])}},
        result="organizationUpdate")

    assert errors_of(payload) == [(None, "PERMISSION_DENIED")]
    assert Organization.objects.get(pk=network["sub_b"].pk).parent == network["dealer_b"]


def test_a_sub_dealer_admin_cannot_register_an_organization_under_a_dealer(
        sub_dealer_admin, network):
    payload = sub_dealer_admin.mutate(ORGANIZATION_CREATE, {"input": {
        "name": "Клон", "legalName": "ООО «Клон»", "inn": VALID_INN, "kind": "SUB_DEALER",
        "parent": gid(network["dealer_a"])}}, result="organizationCreate")

    assert errors_of(payload) == [(None, "PERMISSION_DENIED")]
    assert not Organization.objects.filter(inn=VALID_INN).exists()


def test_the_audit_trail_names_suppliers_when_staff_move_a_sub_dealer(api_as, staff_user,
                                                                       network):
    staff = api_as(staff_user, network["factory"])
    payload = staff.mutate(
        ORGANIZATION_UPDATE,
        {"id": gid(network["sub_a"]), "input": {"parent": gid(network["dealer_b"])}},
        result="organizationUpdate")

    assert payload["errors"] == []
    event = AuditEvent.objects.get(action="organization.updated")
    assert event.changes["parent"] == ["Дилер Альфа", "Дилер Бета"]
    assert "parent_id" not in event.changes
