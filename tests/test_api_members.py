"""Organization admins manage their members through the API: invitations, roles, limits,
deactivation, the audit trail; regional managers see only their assigned subtrees."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.accounts.models import (
    AuditEvent,
    CustomRole,
    Invitation,
    Membership,
    Role,
    StaffAssignment,
    User,
)
from tests.fixtures.accounts import PASSWORD

# Invitation e-mails go out after commit, as in production: these tests really commit.
pytestmark = pytest.mark.django_db(transaction=True)

INVITE = """mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) {
  invitation { email role status spendingLimit customRole { name } }
  errors { field code message } } }"""
ACCEPT = """mutation($token: String!, $password: String!) {
  invitationAccept(token: $token, password: $password, firstName: "Анна") {
  token user { email fullName } errors { field code message } } }"""
MEMBERS = """query { members(first: 50) { totalCount edges { node {
  role isActive permissions spendingLimit user { email } organization { name } } } } }"""


def gid(type_name, pk):
    return to_global_id(type_name, pk)


@pytest.fixture
def dealer(network):
    return network["dealer_a"]


@pytest.fixture
def admin_user(make_user, dealer):
    return make_user("admin@alfa.test", dealer, Role.ADMIN)


@pytest.fixture
def admin_api(api_as, admin_user, dealer):
    return api_as(admin_user, dealer)


def token_from(mail) -> str:
    return re.search(r"/invitation/(\S+)", mail.body).group(1)


def test_admin_invites_a_colleague_who_sets_a_password_and_becomes_a_buyer(
        admin_api, api, dealer, mailoutbox):
    result = admin_api.mutate(INVITE, {"input": {"email": "New.Buyer@Alfa.test",
                                                 "spendingLimit": "150000"}},
                              result="invitationCreate")
    assert result["errors"] == []
    assert result["invitation"] == {"email": "new.buyer@alfa.test", "role": "BUYER",
                                    "status": "PENDING", "spendingLimit": "150000.00",
                                    "customRole": None}
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["new.buyer@alfa.test"]
    accepted = api.mutate(ACCEPT, {"token": token_from(mailoutbox[0]),
                                   "password": "a-long-password-7"}, result="invitationAccept")
    assert accepted["errors"] == [] and accepted["token"]
    assert accepted["user"] == {"email": "new.buyer@alfa.test", "fullName": "Анна"}
    membership = Membership.objects.get(user__email="new.buyer@alfa.test", organization=dealer)
    assert membership.role == Role.BUYER and str(membership.spending_limit) == "150000.00"


def test_an_invitation_link_works_once(admin_api, api, mailoutbox):
    admin_api.mutate(INVITE, {"input": {"email": "once@alfa.test"}}, result="invitationCreate")
    token = token_from(mailoutbox[0])
    api.mutate(ACCEPT, {"token": token, "password": "a-long-password-7"},
               result="invitationAccept")
    again = api.mutate(ACCEPT, {"token": token, "password": "a-long-password-7"},
                       result="invitationAccept")
    assert again["token"] is None
    assert again["errors"][0]["code"] == "INVITATION_USED"


def test_an_expired_or_revoked_or_forged_link_is_refused(admin_api, api, mailoutbox):
    admin_api.mutate(INVITE, {"input": {"email": "late@alfa.test"}}, result="invitationCreate")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = api.mutate(ACCEPT, {"token": token_from(mailoutbox[0]),
                                  "password": "a-long-password-7"}, result="invitationAccept")
    assert expired["errors"][0]["code"] == "INVITATION_EXPIRED"

    admin_api.mutate(INVITE, {"input": {"email": "gone@alfa.test"}}, result="invitationCreate")
    invitation = Invitation.objects.get(email="gone@alfa.test")
    revoked = admin_api.mutate(
        "mutation($id: ID!) { invitationRevoke(id: $id) { invitation { status } "
        "errors { code } } }",
        {"id": gid("Invitation", invitation.pk)}, result="invitationRevoke")
    assert revoked == {"invitation": {"status": "REVOKED"}, "errors": []}
    refused = api.mutate(ACCEPT, {"token": token_from(mailoutbox[1]),
                                  "password": "a-long-password-7"}, result="invitationAccept")
    assert refused["errors"][0]["code"] == "INVITATION_REVOKED"

    forged = api.mutate(ACCEPT, {"token": "made-up", "password": "a-long-password-7"},
                        result="invitationAccept")
    assert forged["errors"][0]["code"] == "INVALID_INVITATION"
    assert not User.objects.filter(email__in=["late@alfa.test", "gone@alfa.test"]).exists()


def test_a_weak_password_is_refused_and_no_account_is_made(admin_api, api, mailoutbox):
    admin_api.mutate(INVITE, {"input": {"email": "weak@alfa.test"}}, result="invitationCreate")
    result = api.mutate(ACCEPT, {"token": token_from(mailoutbox[0]), "password": "123"},
                        result="invitationAccept")
    assert result["errors"][0]["field"] == "password"
    assert result["errors"][0]["code"] == "WEAK_PASSWORD"
    assert not User.objects.filter(email="weak@alfa.test").exists()


def test_an_existing_user_joins_a_second_organization_with_their_own_password(
        make_user, api_as, api, network, mailoutbox):
    user = make_user("both@test.local", network["dealer_b"])
    admin = make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN)
    api_as(admin, network["dealer_a"]).mutate(INVITE, {"input": {"email": "both@test.local"}},
                                              result="invitationCreate")
    token = token_from(mailoutbox[0])
    wrong = api.mutate(ACCEPT, {"token": token, "password": "not-my-password-1"},
                       result="invitationAccept")
    assert wrong["errors"][0]["code"] == "INVALID_CREDENTIALS"
    ok = api.mutate(ACCEPT, {"token": token, "password": PASSWORD}, result="invitationAccept")
    assert ok["errors"] == []
    assert set(user.memberships.values_list("organization__name", flat=True)) == {
        "Дилер Альфа", "Дилер Бета"}


def test_inviting_a_member_or_a_bad_address_is_an_error(admin_api, admin_user, mailoutbox):
    member = admin_api.mutate(INVITE, {"input": {"email": admin_user.email}},
                              result="invitationCreate")
    assert member["errors"][0]["code"] == "ALREADY_MEMBER"
    bad = admin_api.mutate(INVITE, {"input": {"email": "not-an-address"}},
                           result="invitationCreate")
    assert bad["errors"][0] == {"field": "email", "code": "INVALID_EMAIL",
                                "message": "Enter a valid e-mail address."}
    assert mailoutbox == [] and not Invitation.objects.exists()


def test_buyers_cannot_invite_and_dealers_cannot_manage_sub_dealer_members(
        make_user, api_as, network, dealer):
    buyer = make_user("buyer@alfa.test", dealer)
    denied = api_as(buyer, dealer).mutate(INVITE, {"input": {"email": "x@alfa.test"}},
                                          result="invitationCreate")
    assert denied["errors"][0]["code"] == "PERMISSION_DENIED"
    admin = make_user("admin@alfa.test", dealer, Role.ADMIN)
    sub_member = make_user("sub@alfa.test", network["sub_a"])
    membership = sub_member.memberships.get()
    result = api_as(admin, dealer).mutate(
        "mutation($id: ID!) { membershipDeactivate(id: $id) { errors { code } } }",
        {"id": gid("Membership", membership.pk)}, result="membershipDeactivate")
    assert result["errors"][0]["code"] == "PERMISSION_DENIED"
    assert Membership.objects.get(pk=membership.pk).is_active


def test_a_dealer_sees_its_sub_dealers_members_but_never_a_sibling_dealers(
        make_user, api_as, network, dealer):
    admin = make_user("admin@alfa.test", dealer, Role.ADMIN)
    make_user("sub@alfa.test", network["sub_a"])
    make_user("other@beta.test", network["dealer_b"])
    make_user("othersub@beta.test", network["sub_b"])
    client = api_as(admin, dealer)
    sub = client("query($o: ID) { members(filter: {organization: $o}) { edges { node { "
                 "user { email } } } } }", {"o": gid("Organization", network["sub_a"].pk)}).data
    assert [e["node"]["user"]["email"] for e in sub["members"]["edges"]] == ["sub@alfa.test"]
    for org in ("dealer_b", "sub_b"):
        other = client("query($o: ID) { members(filter: {organization: $o}) { totalCount } }",
                       {"o": gid("Organization", network[org].pk)}).data
        assert other["members"]["totalCount"] == 0


def test_custom_role_from_the_permission_list_replaces_the_built_in_one(
        admin_api, make_user, dealer):
    role = admin_api.mutate("""mutation($input: CustomRoleInput!) { customRoleCreate(
        input: $input) { role { id name permissions } errors { field code message } } }""",
                            {"input": {"name": "Закупщик-согласующий",
                                       "permissions": ["PLACE_ORDERS", "APPROVE_ORDERS"]}},
                            result="customRoleCreate")
    assert role["errors"] == []
    assert role["role"]["permissions"] == ["APPROVE_ORDERS", "PLACE_ORDERS"]
    member = make_user("m@alfa.test", dealer).memberships.get()
    updated = admin_api.mutate("""mutation($id: ID!, $input: MembershipUpdateInput!) {
        membershipUpdate(id: $id, input: $input) { membership { permissions customRole { name }
        spendingLimit } errors { code } } }""",
                               {"id": gid("Membership", member.pk),
                                "input": {"customRole": role["role"]["id"],
                                          "spendingLimit": "50000.50"}},
                               result="membershipUpdate")
    assert updated["membership"] == {"permissions": ["APPROVE_ORDERS", "PLACE_ORDERS"],
                                     "customRole": {"name": "Закупщик-согласующий"},
                                     "spendingLimit": "50000.50"}
    in_use = admin_api.mutate("mutation($id: ID!) { customRoleDelete(id: $id) { deletedId "
                              "errors { code } } }", {"id": role["role"]["id"]},
                              result="customRoleDelete")
    assert in_use == {"deletedId": None, "errors": [{"code": "ROLE_IN_USE"}]}


def test_a_role_with_unknown_permissions_or_a_taken_name_is_refused(admin_api, dealer):
    CustomRole.objects.create(organization=dealer, name="Склад", permissions=["VIEW_ORDERS"])
    result = admin_api.mutate("""mutation($input: CustomRoleInput!) { customRoleCreate(
        input: $input) { role { id } errors { field code message } } }""",
                              {"input": {"name": "склад", "permissions": ["VIEW_ORDERS",
                                                                          "LAUNCH_ROCKETS"]}},
                              result="customRoleCreate")
    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("name", "DUPLICATE_ROLE"), ("permissions", "UNKNOWN_PERMISSION")}
    assert "LAUNCH_ROCKETS" in result["errors"][1]["message"] + result["errors"][0]["message"]
    assert CustomRole.objects.count() == 1


def test_the_last_admin_cannot_leave_and_nobody_changes_their_own_role(
        admin_api, admin_user, api_as, make_user, dealer):
    own = admin_user.memberships.get()
    demote = admin_api.mutate("""mutation($id: ID!) { membershipUpdate(id: $id,
        input: {role: BUYER}) { errors { code message } } }""",
                              {"id": gid("Membership", own.pk)}, result="membershipUpdate")
    assert demote["errors"][0]["code"] == "CANNOT_CHANGE_OWN_ROLE"
    remove = admin_api.mutate("mutation($id: ID!) { membershipDeactivate(id: $id) { "
                              "errors { code } } }", {"id": gid("Membership", own.pk)},
                              result="membershipDeactivate")
    assert remove["errors"][0]["code"] == "LAST_ADMIN"
    assert Membership.objects.get(pk=own.pk).role == Role.ADMIN
    second = make_user("second@alfa.test", dealer, Role.ADMIN)
    ok = api_as(second, dealer).mutate("""mutation($id: ID!) { membershipUpdate(id: $id,
        input: {role: BUYER}) { membership { role } errors { code } } }""",
                                       {"id": gid("Membership", own.pk)},
                                       result="membershipUpdate")
    assert ok == {"membership": {"role": "BUYER"}, "errors": []}


def test_a_deactivated_member_keeps_history_but_loses_access(
        admin_api, api_as, make_user, dealer):
    buyer = make_user("leaver@alfa.test", dealer)
    membership = buyer.memberships.get()
    admin_api.mutate("mutation($id: ID!) { membershipDeactivate(id: $id) { errors { code } } }",
                     {"id": gid("Membership", membership.pk)}, result="membershipDeactivate")
    membership.refresh_from_db()
    assert membership.is_active is False and membership.deactivated_at is not None
    response = api_as(buyer, dealer)("{ me { user { email } } }")
    assert response.status == 403
    assert response.errors[0]["extensions"]["code"] == "ORGANIZATION_ACCESS_DENIED"


def test_admins_see_the_audit_trail_and_buyers_do_not(admin_api, api_as, make_user, dealer,
                                                      admin_user):
    admin_api.mutate(INVITE, {"input": {"email": "audit@alfa.test", "role": "VIEWER"}},
                     result="invitationCreate")
    events = admin_api("{ auditEvents(first: 10) { edges { node { action targetType "
                       "changes actor { email } organization { name } } } } }").data
    node = events["auditEvents"]["edges"][0]["node"]
    assert node["action"] == "invitation.created" and node["actor"]["email"] == admin_user.email
    assert node["organization"]["name"] == "Дилер Альфа"
    assert '"role": "VIEWER"' in node["changes"]
    buyer = make_user("buyer@alfa.test", dealer)
    hidden = api_as(buyer, dealer)("{ auditEvents(first: 10) { totalCount } }").data
    assert hidden["auditEvents"]["totalCount"] == 0
    assert AuditEvent.objects.count() == 1


def test_a_regional_manager_sees_only_the_assigned_subtree(make_user, api_as, network):
    manager = make_user("regional@factory.test", is_staff=True,
                        staff_permissions=["MANAGE_ORGANIZATIONS"])
    StaffAssignment.objects.create(user=manager, organization=network["dealer_a"])
    data = api_as(manager)("{ organizations(first: 50) { edges { node { name } } } }").data
    names = {e["node"]["name"] for e in data["organizations"]["edges"]}
    assert names == {"Дилер Альфа", "Субдилер Альфа-1"}
    outside = api_as(manager).mutate("""mutation($id: ID!) { organizationUpdate(id: $id,
        input: {region: "Казань-2"}) { errors { field code } } }""",
                                     {"id": gid("Organization", network["dealer_b"].pk)},
                                     result="organizationUpdate")
    assert outside["errors"] == [{"field": "id", "code": "NOT_FOUND"}]


def test_a_dealer_follows_its_sub_dealers_invitations_but_not_a_siblings(
        admin_api, network):
    from backend.accounts.services.members import invite_member

    invite_member(network["sub_a"], "first.admin@sub-a.test", role="ADMIN")
    invite_member(network["sub_b"], "first.admin@sub-b.test", role="ADMIN")
    query = ("query($o: ID) { invitations(organization: $o) { edges { node { email status "
             "organization { name } } } } }")
    own_sub = admin_api(query, {"o": gid("Organization", network["sub_a"].pk)}).data
    assert [e["node"] for e in own_sub["invitations"]["edges"]] == [
        {"email": "first.admin@sub-a.test", "status": "PENDING",
         "organization": {"name": "Субдилер Альфа-1"}}]
    sibling = admin_api(query, {"o": gid("Organization", network["sub_b"].pk)}).data
    assert sibling["invitations"]["edges"] == []


def test_custom_roles_count_their_active_members(admin_api, dealer, make_user):
    store = CustomRole.objects.create(organization=dealer, name="Склад",
                                      permissions=["VIEW_ORDERS"])
    empty = CustomRole.objects.create(organization=dealer, name="Бухгалтерия", permissions=[])
    for i in range(3):
        make_user(f"clerk{i}@alfa.test", dealer).memberships.update(custom_role=store)
    Membership.objects.filter(user__email="clerk2@alfa.test").update(is_active=False)
    roles = admin_api("{ customRoles(first: 10) { edges { node { name memberCount } } } }").data
    counts = {e["node"]["name"]: e["node"]["memberCount"] for e in roles["customRoles"]["edges"]}
    assert counts == {store.name: 2, empty.name: 0}
