"""Partner applications: submitted by anyone, reviewed by staff."""

from __future__ import annotations

import graphene

from backend.core.middleware import client_ip
from backend.core.permissions import Perm

from ... import services
from ..types import PartnerApplicationReceipt, PartnerApplicationType
from .base import DealerNetworkMutation


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
                                                  actor=info.context.viewer.user,
                                                  address=client_ip(info.context))
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


