"""Sub-dealer creation and partner applications: submitting and reviewing."""

from __future__ import annotations

import graphene

from backend.accounts.schema.members import InvitationType
from backend.accounts.schema.types import OrganizationType
from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation
from backend.core.middleware import client_ip
from backend.core.permissions import OrgPerm, Perm

from .. import services
from ..errors import DealerNetworkErrorCode
from .types import PartnerApplicationReceipt, PartnerApplicationType

DealerNetworkError = error_type(
    "DealerNetworkError", DealerNetworkErrorCode, "An error of a dealer network operation.",
    retry_after=graphene.Int(
        description="APPLICATIONS_THROTTLED: seconds until a new attempt."),
)


class DealerNetworkMutation(BaseMutation):
    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": DealerNetworkError,
                     "error_code_enum": DealerNetworkErrorCode}


class SubDealerCreateInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    legal_name = graphene.String(required=True)
    inn = graphene.String(required=True,
                          description="10 digits (company) or 12 (entrepreneur), "
                                      "checksum-verified.")
    kpp = graphene.String()
    address = graphene.String()
    region = graphene.String(description="Default: the dealer's region.")
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
                       "distributor) and invite its first admin. Currency and country are "
                       "the dealer's.")
        org_permissions = (OrgPerm.MANAGE_SUB_DEALERS,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        viewer = info.context.viewer
        organization, invitation = services.create_sub_dealer(
            viewer.organization, services.SubDealerData(**input), viewer.user)
        return cls(organization=organization, invitation=invitation)


class PartnerApplicationSubmitInput(graphene.InputObjectType):
    company_name = graphene.String(required=True)
    legal_name = graphene.String(required=True)
    inn = graphene.String(required=True, description="Checksum-verified.")
    kpp = graphene.String()
    country = graphene.String(description="ISO 3166 alpha-2; default RU.")
    region = graphene.String(required=True,
                             description="Decides the dealer the partner is placed under.")
    address = graphene.String()
    contact_first_name = graphene.String(required=True)
    contact_last_name = graphene.String()
    email = graphene.String(required=True, description="Invited as admin on approval.")
    phone = graphene.String()
    comment = graphene.String()


class PartnerApplicationSubmit(DealerNetworkMutation):
    receipt = graphene.Field(PartnerApplicationReceipt)

    class Arguments:
        input = PartnerApplicationSubmitInput(required=True)

    class Meta:
        description = ("Apply to become a partner (public). Staff review the application; "
                       "on approval the applicant is invited as the new organization's "
                       "admin. The answer is the same whoever applied before (staff see "
                       "duplicates flagged). Rate-limited per client address and in all; "
                       "the comment takes at most 2,000 characters.")
        login_required = False
        atomic = False  # the rate limit's count stays whatever the answer

    @classmethod
    def perform_mutation(cls, root, info, input):
        application = services.submit_application(services.ApplicationData(**input),
                                                  info.context.viewer.user,
                                                  client_ip(info.context))
        return cls(receipt=PartnerApplicationReceipt.of(application))


class PartnerApplicationApprove(DealerNetworkMutation):
    application = graphene.Field(PartnerApplicationType)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = ("Approve a submitted application: its organization is created under "
                       "the active dealer of its region (as a sub-dealer), else under the "
                       "manufacturer (as a dealer), and the applicant is invited as admin.")
        permissions = (Perm.MANAGE_ORGANIZATIONS,)

    @classmethod
    def perform_mutation(cls, root, info, id):
        application = PartnerApplicationType.get_visible(info, id)
        return cls(application=services.approve_application(application,
                                                            info.context.viewer.user))


class PartnerApplicationReject(DealerNetworkMutation):
    application = graphene.Field(PartnerApplicationType)

    class Arguments:
        id = graphene.ID(required=True)
        reason = graphene.String(required=True, description="E-mailed to the applicant.")

    class Meta:
        description = "Reject a submitted application with a reason."
        permissions = (Perm.MANAGE_ORGANIZATIONS,)

    @classmethod
    def perform_mutation(cls, root, info, id, reason):
        application = PartnerApplicationType.get_visible(info, id)
        return cls(application=services.reject_application(
            application, info.context.viewer.user, reason))


class DealerNetworkMutations(graphene.ObjectType):
    sub_dealer_create = SubDealerCreate.Field()
    partner_application_submit = PartnerApplicationSubmit.Field()
    partner_application_approve = PartnerApplicationApprove.Field()
    partner_application_reject = PartnerApplicationReject.Field()
