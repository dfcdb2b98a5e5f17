"""What an invitation link tells whoever holds it, before they accept.

The link's token is the only key, and anyone may hold a link (a forwarded e-mail, a typo):
a pending invitation shows what its holder needs to decide (the organization, who
invited, the role, the invited e-mail, until when it works), any other only its status,
and a token that matches nothing only ``UNKNOWN``. Look-ups are counted per client
address (``INVITATION_LOOKUPS_PER_ADDRESS`` per ``INVITATION_LOOKUP_WINDOW``), as the
other anonymous entry points are: the tokens cannot be guessed, but nobody gets to try.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from backend.core import ratelimit

from ..models import Invitation, InvitationStatus

UNKNOWN = "UNKNOWN"
THROTTLED = "THROTTLED"


@dataclass(frozen=True)
class InvitationLink:
    """``status`` is an ``InvitationStatus`` value, ``UNKNOWN`` or ``THROTTLED``; the
    details are filled for a pending invitation only."""

    status: str
    retry_after: int | None = None
    organization_name: str | None = None
    inviter_name: str | None = None
    role: str | None = None
    custom_role_name: str | None = None
    email: str | None = None
    expires_at: datetime | None = None


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


def look_up_invitation(token: str, address: str) -> InvitationLink:
    """The invitation behind ``token`` as its holder may see it (a look-up from client
    ``address``, counted)."""
    count = ratelimit.store().hit(ratelimit.key_of("invitation-lookup", address),
                                  int(settings.INVITATION_LOOKUP_WINDOW.total_seconds()))
    if count.value > settings.INVITATION_LOOKUPS_PER_ADDRESS:
        return InvitationLink(status=THROTTLED, retry_after=count.retry_after)
    invitation = (Invitation.objects.select_related("organization", "custom_role", "invited_by")
                  .filter(token_hash=token_hash(token)).first()) if token else None
    if invitation is None:
        return InvitationLink(status=UNKNOWN)
    status = invitation.status_at(timezone.now())
    if status != InvitationStatus.PENDING:
        return InvitationLink(status=status.value)
    inviter = invitation.invited_by
    return InvitationLink(
        status=status.value,
        organization_name=invitation.organization.name,
        # As the invitation e-mail names the inviter: the name, else the address.
        inviter_name=(inviter.full_name or inviter.email) if inviter is not None else None,
        role=invitation.role,
        custom_role_name=invitation.custom_role.name if invitation.custom_role else None,
        email=invitation.email,
        expires_at=invitation.expires_at,
    )
