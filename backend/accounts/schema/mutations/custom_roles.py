"""Custom roles composed from the permission list."""

from __future__ import annotations

import graphene

from backend.core.permissions import OrgPerm

from ...services import members
from ..types import CustomRoleType
from .base import AccountMutation, actor, granter, own_row


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
            info.context.viewer.organization, None, actor(info), name=input.get("name"),
            permissions=input.get("permissions"), granter=granter(info)))


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
        role = own_row(info, CustomRoleType, id)
        return cls(role=members.save_custom_role(
            role.organization, role, actor(info), name=input.get("name"),
            permissions=input.get("permissions"), granter=granter(info)))


class CustomRoleDelete(AccountMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a custom role no active member has."
        org_permissions = (OrgPerm.MANAGE_ROLES,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        members.delete_custom_role(own_row(info, CustomRoleType, id), actor(info))
        return cls(deleted_id=id)


