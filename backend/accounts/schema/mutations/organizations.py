"""Registering and editing organizations (staff)."""

from __future__ import annotations

import graphene

from backend.core.permissions import Perm

from ...services.organizations import OrganizationData, create_organization, update_organization
from ..types import OrganizationKindEnum, OrganizationStatusEnum, OrganizationType
from .base import AccountMutation


class OrganizationInput(graphene.InputObjectType):
    name = graphene.String()
    legal_name = graphene.String()
    inn = graphene.String(
        description="10 digits (company) or 12 (entrepreneur), checksum-verified.")
    kpp = graphene.String()
    address = graphene.String()
    country = graphene.String(description="ISO 3166 alpha-2, e.g. RU.")
    region = graphene.String()
    currency = graphene.String(description="ISO 4217, e.g. RUB.")
    status = graphene.Field(OrganizationStatusEnum)
    kind = graphene.Field(OrganizationKindEnum)
    parent = graphene.ID(description="The organization this one buys from.")


def _organization_data(info, input) -> OrganizationData:
    data = dict(input)
    if "parent" in data:
        data["parent"] = (OrganizationType.get_visible(info, data["parent"], "parent")
                          if data["parent"] else None)
    return OrganizationData(**data)


class OrganizationCreate(AccountMutation):
    organization = graphene.Field(OrganizationType)

    class Arguments:
        input = OrganizationInput(required=True)

    class Meta:
        description = "Register an organization in the network."
        permissions = (Perm.MANAGE_ORGANIZATIONS,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(organization=create_organization(_organization_data(info, input),
                                                    info.context.viewer.user))


class OrganizationUpdate(AccountMutation):
    organization = graphene.Field(OrganizationType)

    class Arguments:
        id = graphene.ID(required=True)
        input = OrganizationInput(required=True)

    class Meta:
        description = "Edit an organization or move it under another supplier."
        permissions = (Perm.MANAGE_ORGANIZATIONS,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        organization = OrganizationType.get_visible(info, id)
        return cls(organization=update_organization(
            organization, _organization_data(info, input), info.context.viewer.user))


