"""The public look-up of an invitation link: what the invitation page shows before the
form (``services/invitation_links.py`` decides what its holder may know)."""

from __future__ import annotations

import graphene

from backend.core.middleware import client_ip

from ..models import InvitationStatus
from ..services.invitation_links import THROTTLED, UNKNOWN, look_up_invitation
from .types import RoleEnum

InvitationLinkStatusEnum = graphene.Enum(
    "InvitationLinkStatus",
    [(s.value, s.value) for s in InvitationStatus] + [(UNKNOWN, UNKNOWN),
                                                      (THROTTLED, THROTTLED)])


class InvitationLinkType(graphene.ObjectType):
    """An invitation as the holder of its link sees it: the details of a pending one only."""

    status = graphene.Field(InvitationLinkStatusEnum, required=True, description=(
        "PENDING: it can be accepted; ACCEPTED, EXPIRED, REVOKED: it cannot; UNKNOWN: no "
        "invitation has this token; THROTTLED: too many look-ups from this address."))
    retry_after = graphene.Int(description="THROTTLED: seconds until a new look-up.")
    organization_name = graphene.String()
    inviter_name = graphene.String(description="The inviter's name, else e-mail address.")
    role = graphene.Field(RoleEnum)
    custom_role_name = graphene.String(description="Replaces the built-in role's permissions.")
    email = graphene.String(description="The address invited: the account it joins.")
    expires_at = graphene.DateTime()

    class Meta:
        name = "InvitationLink"


class InvitationLinkQueries(graphene.ObjectType):
    invitation_link = graphene.Field(
        InvitationLinkType, required=True,
        token=graphene.String(required=True, description="From the invitation link."),
        description="What an invitation link is for, for anyone holding it (no sign-in). "
                    "Look-ups are limited per client address.")

    @staticmethod
    def resolve_invitation_link(root, info, token):
        # Counted once per request and token, however often the resolver runs.
        answers = info.context.__dict__.setdefault("_invitation_links", {})
        if token not in answers:
            answers[token] = look_up_invitation(token, client_ip(info.context))
        return answers[token]
