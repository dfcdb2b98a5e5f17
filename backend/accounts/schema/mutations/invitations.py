"""Inviting colleagues to the active organization, and accepting an invitation."""

from __future__ import annotations

import graphene

from backend.core.middleware import client_ip
from backend.core.permissions import OrgPerm

from ...refresh_cookie import set_refresh_cookie
from ...services import members
from ..types import CustomRoleType, InvitationType, RoleEnum, UserType
from .base import AccountMutation, actor, granter, own_row


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
        custom_role = (own_row(info, CustomRoleType, input["custom_role"], "custom_role")
                       if input.get("custom_role") else None)
        invitation, _token = members.invite_member(
            info.context.viewer.organization, input["email"], role=input.get("role") or "BUYER",
            custom_role=custom_role, spending_limit=input.get("spending_limit"),
            invited_by=actor(info), granter=granter(info))
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
        invitation = own_row(info, InvitationType, id)
        return cls(invitation=members.revoke_invitation(invitation, actor(info)))


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
        pair = members.accept_invitation(token, password, first_name=first_name,
                                         last_name=last_name, address=client_ip(info.context))
        set_refresh_cookie(info.context, pair.refresh)
        return cls(token=pair.access, refresh_token=pair.refresh, user=pair.user)


