"""The dealer network's root mutation fields, one module per entity."""

import graphene

from .partner_applications import (
    PartnerApplicationApprove,
    PartnerApplicationReject,
    PartnerApplicationSubmit,
)
from .sub_dealers import SubDealerCreate


class DealerNetworkMutations(graphene.ObjectType):
    sub_dealer_create = SubDealerCreate.Field()
    partner_application_submit = PartnerApplicationSubmit.Field()
    partner_application_approve = PartnerApplicationApprove.Field()
    partner_application_reject = PartnerApplicationReject.Field()
