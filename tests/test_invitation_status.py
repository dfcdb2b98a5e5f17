"""An invitation's status has one definition (Invitation.STATUS_RULES): the Python answer
and the SQL one the invitations filter uses always agree."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from backend.accounts.models import Invitation, InvitationStatus, Role
from backend.accounts.services.members import invite_member

pytestmark = pytest.mark.django_db


def test_python_and_sql_statuses_agree_for_every_state_and_at_the_expiry_instant(network):
    now = timezone.now()
    states = {
        "pending": {"expires_at": now + timedelta(days=1)},
        "expires_now": {"expires_at": now},
        "expired": {"expires_at": now - timedelta(seconds=1)},
        "revoked": {"revoked_at": now},
        "accepted": {"accepted_at": now, "revoked_at": now, "expires_at": now},
    }
    for name, columns in states.items():
        invitation, _token = invite_member(network["dealer_a"], f"{name}@alfa.test",
                                           role=Role.VIEWER)
        Invitation.objects.filter(pk=invitation.pk).update(**columns)

    rows = Invitation.objects.filter(organization=network["dealer_a"]).annotate(
        sql_status=Invitation.status_expression(now))
    statuses = {row.email.split("@")[0]: (row.status_at(now), row.sql_status) for row in rows}

    assert statuses == {
        "pending": (InvitationStatus.PENDING, "PENDING"),
        "expires_now": (InvitationStatus.EXPIRED, "EXPIRED"),
        "expired": (InvitationStatus.EXPIRED, "EXPIRED"),
        "revoked": (InvitationStatus.REVOKED, "REVOKED"),
        "accepted": (InvitationStatus.ACCEPTED, "ACCEPTED"),
    }
