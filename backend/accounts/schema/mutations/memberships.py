"""Changing a member's role or spending limit; removing a member."""

from __future__ import annotations

import graphene

from backend.core.permissions import OrgPerm

from ...services import members
from ..types import CustomRoleType, MembershipType, RoleEnum
from .base import AccountMutation, actor, granter, own_row


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
        membership = own_row(info, MembershipType, id)
        changes = {}
        if "role" in input:
            changes["role"] = input["role"]
        if "custom_role" in input:
            changes["custom_role"] = (own_row(info, CustomRoleType, input["custom_role"],
                                           "custom_role") if input["custom_role"] else None)
        if "spending_limit" in input:
            changes["spending_limit"] = input["spending_limit"]
        return cls(membership=members.update_membership(
            membership, actor(info), granter=granter(info), **changes))


class MembershipDeactivate(AccountMutation):
    membership = graphene.Field(MembershipType)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Remove a member's access; their orders and history stay."
        org_permissions = (OrgPerm.MANAGE_MEMBERS,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        membership = own_row(info, MembershipType, id)
        return cls(membership=members.deactivate_membership(
            membership, actor(info), granter=granter(info)))


