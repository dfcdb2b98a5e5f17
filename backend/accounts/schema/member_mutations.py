"""Mutations on members, invitations and custom roles of the active organization."""

from __future__ import annotations

import graphene

from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.middleware import client_ip
from backend.core.permissions import OrgPerm

from .. import members
from ..refresh_cookie import set_refresh_cookie
from .members import CustomRoleType, InvitationType, OrgPermissionEnum
from .mutations import AccountMutation
from .types import MembershipType, RoleEnum, UserType


def _actor(info):
    return info.context.viewer.user


def _granter(info):
    """The acting member's membership: what it may grant is decided in grants.py."""
    return info.context.viewer.membership


def _own(info, type_, global_id, field="id"):
    """A row of the active organization (not a sub-dealer's): members are managed by
    their own organization's admins."""
    row = type_.get_visible(info, global_id, field)
    if row.organization_id != info.context.viewer.organization.pk:
        raise DomainValidationError.single(
            CoreErrorCode.PERMISSION_DENIED,
            "Only the organization's own admins manage its members.", field)
    return row


class InvitationCreateInput(graphene.InputObjectType):
    email = graphene.String(required=True)
    role = graphene.Field(RoleEnum, description="Default: BUYER.")
    custom_role = graphene.ID(description="Overrides the built-in role's permissions.")
    spending_limit = graphene.Decimal(description="Per order; omit for no limit.")


class InvitationCreate(AccountMutation):
    invitation = graphene.Field(InvitationType)

    class Arguments:
        input = InvitationCreateInput(required=True)

    class Meta:
        description = ("Invite a colleague by e-mail to the active organization, with a role "
                       "you could grant (see membershipUpdate). The link expires after "
                       "INVITATION_TTL_DAYS; inviting again replaces it.")
        org_permissions = (OrgPerm.MANAGE_MEMBERS,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        custom_role = (_own(info, CustomRoleType, input["custom_role"], "customRole")
                       if input.get("custom_role") else None)
        invitation, _token = members.invite_member(
            info.context.viewer.organization, input["email"], role=input.get("role") or "BUYER",
            custom_role=custom_role, spending_limit=input.get("spending_limit"),
            invited_by=_actor(info), granter=_granter(info))
        return cls(invitation=invitation)


class InvitationRevoke(AccountMutation):
    invitation = graphene.Field(InvitationType)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Withdraw a pending invitation; its link stops working."
        org_permissions = (OrgPerm.MANAGE_MEMBERS,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        invitation = _own(info, InvitationType, id)
        return cls(invitation=members.revoke_invitation(invitation, _actor(info)))


class InvitationAccept(AccountMutation):
    token = graphene.String(description="Access token: the new member is signed in.")
    refresh_token = graphene.String()
    user = graphene.Field(UserType)

    class Arguments:
        token = graphene.String(required=True, description="From the invitation link.")
        password = graphene.String(required=True, description=(
            "A new password, or the existing account's password for an existing user."))
        first_name = graphene.String(default_value="")
        last_name = graphene.String(default_value="")

    class Meta:
        description = "Accept an invitation: join the organization (and sign in)."
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, token, password, first_name="", last_name=""):
        pair = members.accept_invitation(token, password, first_name, last_name,
                                         client_ip(info.context))
        set_refresh_cookie(info.context, pair.refresh)
        return cls(token=pair.access, refresh_token=pair.refresh, user=pair.user)


class MembershipUpdateInput(graphene.InputObjectType):
    role = graphene.Field(RoleEnum)
    custom_role = graphene.ID(description="Set a custom role; null clears it.")
    spending_limit = graphene.Decimal(description="Per order; null removes the limit.")


class MembershipUpdate(AccountMutation):
    membership = graphene.Field(MembershipType)

    class Arguments:
        id = graphene.ID(required=True)
        input = MembershipUpdateInput(required=True)

    class Meta:
        description = ("Change a member's role or spending limit. You grant only what you "
                       "hold yourself (only an admin makes an admin; a spending limit up "
                       "to your own) and never change your own membership.")
        org_permissions = (OrgPerm.MANAGE_MEMBERS,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        membership = _own(info, MembershipType, id)
        changes = {}
        if "role" in input:
            changes["role"] = input["role"]
        if "custom_role" in input:
            changes["custom_role"] = (_own(info, CustomRoleType, input["custom_role"],
                                           "customRole") if input["custom_role"] else None)
        if "spending_limit" in input:
            changes["spending_limit"] = input["spending_limit"]
        return cls(membership=members.update_membership(
            membership, _actor(info), granter=_granter(info), **changes))


class MembershipDeactivate(AccountMutation):
    membership = graphene.Field(MembershipType)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Remove a member's access; their orders and history stay."
        org_permissions = (OrgPerm.MANAGE_MEMBERS,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        membership = _own(info, MembershipType, id)
        return cls(membership=members.deactivate_membership(
            membership, _actor(info), _granter(info)))


class CustomRoleInput(graphene.InputObjectType):
    name = graphene.String()
    permissions = graphene.List(graphene.NonNull(graphene.String), description=(
        "Permission codes (see `permissions`); unknown codes are refused."))


class CustomRoleCreate(AccountMutation):
    role = graphene.Field(CustomRoleType)

    class Arguments:
        input = CustomRoleInput(required=True)

    class Meta:
        description = ("Create a custom role from the permission list (only permissions "
                       "you hold yourself).")
        org_permissions = (OrgPerm.MANAGE_ROLES,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(role=members.save_custom_role(
            info.context.viewer.organization, None, _actor(info), name=input.get("name"),
            permissions=input.get("permissions"), granter=_granter(info)))


class CustomRoleUpdate(AccountMutation):
    role = graphene.Field(CustomRoleType)

    class Arguments:
        id = graphene.ID(required=True)
        input = CustomRoleInput(required=True)

    class Meta:
        description = ("Rename a custom role or change its permissions (only permissions "
                       "you hold yourself; not the role you hold).")
        org_permissions = (OrgPerm.MANAGE_ROLES,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        role = _own(info, CustomRoleType, id)
        return cls(role=members.save_custom_role(
            role.organization, role, _actor(info), name=input.get("name"),
            permissions=input.get("permissions"), granter=_granter(info)))


class CustomRoleDelete(AccountMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a custom role no active member has."
        org_permissions = (OrgPerm.MANAGE_ROLES,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        members.delete_custom_role(_own(info, CustomRoleType, id), _actor(info))
        return cls(deleted_id=id)


class MemberMutations(graphene.ObjectType):
    invitation_create = InvitationCreate.Field()
    invitation_revoke = InvitationRevoke.Field()
    invitation_accept = InvitationAccept.Field()
    membership_update = MembershipUpdate.Field()
    membership_deactivate = MembershipDeactivate.Field()
    custom_role_create = CustomRoleCreate.Field()
    custom_role_update = CustomRoleUpdate.Field()
    custom_role_delete = CustomRoleDelete.Field()


__all__ = ["MemberMutations", "OrgPermissionEnum"]
