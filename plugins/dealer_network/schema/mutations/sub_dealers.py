"""A dealer creates a sub-dealer and invites its first admin."""

from __future__ import annotations

import graphene

from backend.accounts.schema.types import InvitationType, OrganizationType
from backend.core.permissions import OrgPerm

from ... import services
from .base import DealerNetworkMutation


class SubDealerCreateInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    legal_name = graphene.String(required=True)
    inn = graphene.String(required=True,
                          description="10 digits (company) or 12 (entrepreneur), "
                                      "checksum-verified.")
    kpp = graphene.String()
    address = graphene.String()
    country = graphene.String(description="ISO 3166-1 alpha-2. Default: the dealer's country.")
    region = graphene.String(description=(
        "For Russia one of the subjects of the countries query (else UNKNOWN_REGION), "
        "stored under its official name. Default: the dealer's region, in its country."))
    admin_email = graphene.String(required=True,
                                  description="Invited as the sub-dealer's first admin.")


class SubDealerCreate(DealerNetworkMutation):
    organization = graphene.Field(OrganizationType)
    invitation = graphene.Field(InvitationType,
                                description="The first admin's invitation (e-mailed).")

    class Arguments:
        input = SubDealerCreateInput(required=True)

    class Meta:
        description = ("Create a sub-dealer under the active organization (a dealer or a "
                       "distributor) and invite its first admin. The currency is the "
                       "dealer's.")
        org_permissions = (OrgPerm.MANAGE_SUB_DEALERS,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        viewer = info.context.viewer
        organization, invitation = services.create_sub_dealer(
            viewer.organization, services.SubDealerData(**input), viewer.user)
        return cls(organization=organization, invitation=invitation)


