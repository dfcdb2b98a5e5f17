"""A member grants only what it holds: roles and custom roles whose permissions it has,
spending limits up to its own; only an admin makes an admin; nobody changes their own
role or permissions. Every way of handing out rights is checked through the API, and a
refused change leaves the database as it was."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import CustomRole, Invitation, Membership, Role
from backend.core.permissions import OrgPerm

pytestmark = pytest.mark.django_db

UPDATE = """mutation($id: ID!, $input: MembershipUpdateInput!) {
  membershipUpdate(id: $id, input: $input) {
    membership { role permissions spendingLimit } errors { field code message } } }"""
DEACTIVATE = """mutation($id: ID!) { membershipDeactivate(id: $id) {
  errors { field code message } } }"""
INVITE = """mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) {
  invitation { email role } errors { field code message } } }"""
ROLE_CREATE = """mutation($input: CustomRoleInput!) { customRoleCreate(input: $input) {
  role { name permissions } errors { field code message } } }"""
ROLE_UPDATE = """mutation($id: ID!, $input: CustomRoleInput!) {
  customRoleUpdate(id: $id, input: $input) {
    role { name permissions } errors { field code message } } }"""


def gid(type_name, pk):
    return to_global_id(type_name, pk)


@pytest.fixture
def dealer(network):
    return network["dealer_a"]


@pytest.fixture
def member_with(make_user, dealer, api_as):
    """``member_with(email, *permissions, spending_limit=None)``: a member of the dealer
    whose custom role holds exactly ``permissions``, and its API client."""
    def make(email, *permissions, spending_limit=None):
        role = CustomRole.objects.create(organization=dealer, name=f"Роль {email}",
                                         permissions=list(permissions))
        user = make_user(email, dealer)
        membership = user.memberships.get()
        membership.custom_role, membership.spending_limit = role, spending_limit
        membership.save()
        return membership, api_as(user, dealer)

    return make


def codes(result):
    return [(e["field"], e["code"]) for e in result["errors"]]


def test_a_member_who_manages_members_cannot_make_itself_admin(member_with):
    manager, api = member_with("hr@alfa.test", "MANAGE_MEMBERS")

    result = api.mutate(UPDATE, {"id": gid("Membership", manager.pk),
                                 "input": {"role": "ADMIN"}}, result="membershipUpdate")

    assert codes(result) == [("role", "CANNOT_CHANGE_OWN_ROLE")]
    assert "your own role" in result["errors"][0]["message"]
    manager.refresh_from_db()
    assert manager.permissions() == {"MANAGE_MEMBERS"}
    assert manager.custom_role is not None and manager.role == Role.BUYER


def test_nobody_changes_their_own_spending_limit_or_custom_role(
        member_with, make_user, dealer):
    make_user("admin@alfa.test", dealer, Role.ADMIN)
    manager, api = member_with("hr@alfa.test", "MANAGE_MEMBERS", "PLACE_ORDERS",
                               spending_limit=Decimal("1000"))
    for change in ({"spendingLimit": "900"}, {"customRole": None}):
        result = api.mutate(UPDATE, {"id": gid("Membership", manager.pk), "input": change},
                            result="membershipUpdate")
        assert [code for _, code in codes(result)] == ["CANNOT_CHANGE_OWN_ROLE"]
    manager.refresh_from_db()
    assert manager.spending_limit == Decimal("1000") and manager.custom_role is not None


def test_only_an_admin_makes_an_admin(member_with, make_user, dealer, api_as):
    # Every permission, but through a custom role: not the built-in ADMIN role.
    _, api = member_with("hr@alfa.test", *(p.value for p in OrgPerm))
    colleague = make_user("colleague@alfa.test", dealer).memberships.get()

    refused = api.mutate(UPDATE, {"id": gid("Membership", colleague.pk),
                                  "input": {"role": "ADMIN"}}, result="membershipUpdate")

    assert codes(refused) == [("role", "CANNOT_GRANT")]
    assert refused["errors"][0]["message"] == "Only an admin can make someone an admin."
    assert Membership.objects.get(pk=colleague.pk).role == Role.BUYER
    admin = make_user("admin@alfa.test", dealer, Role.ADMIN)
    granted = api_as(admin, dealer).mutate(UPDATE, {"id": gid("Membership", colleague.pk),
                                                    "input": {"role": "ADMIN"}},
                                           result="membershipUpdate")
    assert granted["errors"] == [] and granted["membership"]["role"] == "ADMIN"


def test_a_member_grants_only_roles_whose_permissions_it_holds(member_with, make_user, dealer):
    _, api = member_with("hr@alfa.test", "MANAGE_MEMBERS", "PLACE_ORDERS", "VIEW_ORDERS")
    viewer = make_user("viewer@alfa.test", dealer, Role.VIEWER).memberships.get()
    treasurer = CustomRole.objects.create(organization=dealer, name="Казначей",
                                          permissions=["MANAGE_PAYMENTS"])

    accountant = api.mutate(UPDATE, {"id": gid("Membership", viewer.pk),
                                     "input": {"role": "ACCOUNTANT"}},
                            result="membershipUpdate")
    custom = api.mutate(UPDATE, {"id": gid("Membership", viewer.pk),
                                 "input": {"customRole": gid("CustomRole", treasurer.pk)}},
                        result="membershipUpdate")

    assert codes(accountant) == [("role", "CANNOT_GRANT")]
    assert "MANAGE_PAYMENTS, VIEW_INVOICES" in accountant["errors"][0]["message"]
    assert codes(custom) == [("role", "CANNOT_GRANT")]
    viewer.refresh_from_db()
    assert viewer.role == Role.VIEWER and viewer.custom_role is None
    buyer = api.mutate(UPDATE, {"id": gid("Membership", viewer.pk), "input": {"role": "BUYER"}},
                       result="membershipUpdate")
    assert buyer["errors"] == [] and buyer["membership"]["role"] == "BUYER"


def test_a_member_cannot_demote_or_deactivate_someone_who_may_do_more(
        member_with, make_user, dealer):
    _, api = member_with("hr@alfa.test", "MANAGE_MEMBERS")
    make_user("admin@alfa.test", dealer, Role.ADMIN)
    admin = Membership.objects.get(user__email="admin@alfa.test")

    demoted = api.mutate(UPDATE, {"id": gid("Membership", admin.pk),
                                  "input": {"role": "VIEWER"}}, result="membershipUpdate")
    removed = api.mutate(DEACTIVATE, {"id": gid("Membership", admin.pk)},
                         result="membershipDeactivate")

    assert codes(demoted) == [("role", "CANNOT_GRANT")]
    assert codes(removed) == [("id", "CANNOT_GRANT")]
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN and admin.is_active


def test_spending_limits_are_granted_up_to_the_granters_own(member_with, make_user, dealer):
    _, api = member_with("hr@alfa.test", "MANAGE_MEMBERS", "PLACE_ORDERS", "VIEW_ORDERS",
                         spending_limit=Decimal("1000"))
    buyer = make_user("buyer@alfa.test", dealer).memberships.get()
    for limit in ("5000", None):
        result = api.mutate(UPDATE, {"id": gid("Membership", buyer.pk),
                                     "input": {"spendingLimit": limit}},
                            result="membershipUpdate")
        assert codes(result) == [("spendingLimit", "CANNOT_GRANT")], limit
    assert Membership.objects.get(pk=buyer.pk).spending_limit is None
    ok = api.mutate(UPDATE, {"id": gid("Membership", buyer.pk),
                             "input": {"spendingLimit": "1000"}}, result="membershipUpdate")
    assert ok["errors"] == [] and ok["membership"]["spendingLimit"] == "1000.00"


def test_an_invitation_carries_only_a_role_the_inviter_could_grant(member_with, dealer):
    _, api = member_with("hr@alfa.test", "MANAGE_MEMBERS", "PLACE_ORDERS", "VIEW_ORDERS",
                         spending_limit=Decimal("1000"))

    admin = api.mutate(INVITE, {"input": {"email": "boss@alfa.test", "role": "ADMIN",
                                          "spendingLimit": "10"}}, result="invitationCreate")
    approver = api.mutate(INVITE, {"input": {"email": "appr@alfa.test", "role": "APPROVER",
                                             "spendingLimit": "10"}},
                          result="invitationCreate")
    unlimited = api.mutate(INVITE, {"input": {"email": "rich@alfa.test"}},
                           result="invitationCreate")

    assert codes(admin) == [("role", "CANNOT_GRANT")]
    assert codes(approver) == [("role", "CANNOT_GRANT")]
    assert codes(unlimited) == [("spendingLimit", "CANNOT_GRANT")]
    assert not Invitation.objects.exists()
    buyer = api.mutate(INVITE, {"input": {"email": "buyer@alfa.test", "spendingLimit": "500"}},
                       result="invitationCreate")
    assert buyer["errors"] == [] and buyer["invitation"]["role"] == "BUYER"


def test_a_custom_role_holds_only_permissions_its_editor_has(member_with, dealer):
    editor, api = member_with("roles@alfa.test", "MANAGE_ROLES", "VIEW_ORDERS")

    created = api.mutate(ROLE_CREATE, {"input": {"name": "Кадры",
                                                 "permissions": ["MANAGE_MEMBERS"]}},
                         result="customRoleCreate")
    assert codes(created) == [("permissions", "CANNOT_GRANT")]
    assert not CustomRole.objects.filter(name="Кадры").exists()

    made = api.mutate(ROLE_CREATE, {"input": {"name": "Наблюдатель",
                                              "permissions": ["VIEW_ORDERS"]}},
                      result="customRoleCreate")
    assert made["errors"] == []
    observer = CustomRole.objects.get(name="Наблюдатель")
    widened = api.mutate(ROLE_UPDATE, {"id": gid("CustomRole", observer.pk), "input": {
        "permissions": ["VIEW_ORDERS", "MANAGE_PAYMENTS"]}}, result="customRoleUpdate")
    assert codes(widened) == [("permissions", "CANNOT_GRANT")]
    assert CustomRole.objects.get(pk=observer.pk).permissions == ["VIEW_ORDERS"]

    own = api.mutate(ROLE_UPDATE, {"id": gid("CustomRole", editor.custom_role_id),
                                   "input": {"permissions": ["MANAGE_ROLES"]}},
                     result="customRoleUpdate")
    assert codes(own) == [("permissions", "CANNOT_CHANGE_OWN_ROLE")]
    assert sorted(CustomRole.objects.get(pk=editor.custom_role_id).permissions) == [
        "MANAGE_ROLES", "VIEW_ORDERS"]
