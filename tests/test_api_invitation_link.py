"""The invitation page looks its link up before showing the form: a pending invitation
tells its holder the organization, the inviter, the role, the e-mail and the expiry; any
other link only its status, and look-ups are limited per client address. Invitation
links are made of PORTAL_URL, which a deploy is warned to set."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.core import checks
from django.utils import timezone

from backend.accounts.checks import check_portal_url, warn_about_settings
from backend.accounts.models import CustomRole, Invitation, Role
from backend.accounts.services.members import invite_member
from tests.fixtures.graphql import GraphQLClient

pytestmark = pytest.mark.django_db

LINK = """query($token: String!) { invitationLink(token: $token) {
  status retryAfter organizationName inviterName role customRoleName email expiresAt } }"""
DETAILS = ("organizationName", "inviterName", "role", "customRoleName", "email", "expiresAt")


def look_up(token: str, client: str = "10.0.0.7") -> dict:
    response = GraphQLClient()(LINK, {"token": token}, REMOTE_ADDR=client)
    assert not response.errors
    return response.data["invitationLink"]


@pytest.fixture
def inviter(make_user, network):
    return make_user("anna@alfa.test", network["dealer_a"], Role.ADMIN,
                     first_name="Анна", last_name="Лебедева")


def test_a_pending_invitation_says_who_invites_whom_where_and_until_when(inviter, network):
    invitation, token = invite_member(network["dealer_a"], "new.buyer@alfa.test",
                                      role=Role.APPROVER, invited_by=inviter)

    link = look_up(token)

    assert link == {"status": "PENDING", "retryAfter": None,
                    "organizationName": "Дилер Альфа", "inviterName": "Анна Лебедева",
                    "role": "APPROVER", "customRoleName": None,
                    "email": "new.buyer@alfa.test",
                    "expiresAt": invitation.expires_at.isoformat()}


def test_a_custom_role_is_named_and_an_inviter_without_a_name_by_e_mail(make_user, network):
    inviter = make_user("boss@alfa.test", network["dealer_a"], Role.ADMIN)
    storekeeper = CustomRole.objects.create(organization=network["dealer_a"], name="Склад",
                                            permissions=["VIEW_ORDERS"])
    _, token = invite_member(network["dealer_a"], "clerk@alfa.test",
                             custom_role=storekeeper, invited_by=inviter)

    link = look_up(token)

    assert (link["inviterName"], link["role"], link["customRoleName"]) == (
        "boss@alfa.test", "BUYER", "Склад")


@pytest.mark.parametrize("change, status", [
    ({"accepted_at": timezone.now()}, "ACCEPTED"),
    ({"revoked_at": timezone.now()}, "REVOKED"),
    ({"expires_at": timezone.now() - timedelta(minutes=1)}, "EXPIRED"),
])
def test_a_used_or_dead_link_tells_only_its_status(inviter, network, change, status):
    invitation, token = invite_member(network["dealer_a"], "late@alfa.test",
                                      invited_by=inviter)
    Invitation.objects.filter(pk=invitation.pk).update(**change)

    link = look_up(token)

    assert link["status"] == status
    assert all(link[field] is None for field in DETAILS)


@pytest.mark.parametrize("token", ["made-up-token", ""])
def test_a_made_up_link_is_unknown(inviter, network, token):
    invite_member(network["dealer_a"], "someone@alfa.test", invited_by=inviter)

    link = look_up(token)

    assert link["status"] == "UNKNOWN"
    assert all(link[field] is None for field in DETAILS)


def test_look_ups_are_limited_per_client_address(inviter, network, settings):
    settings.INVITATION_LOOKUPS_PER_ADDRESS = 3
    _, token = invite_member(network["dealer_a"], "new@alfa.test", invited_by=inviter)

    answers = [look_up(token)["status"] for _ in range(3)]
    refused = look_up(token)

    assert answers == ["PENDING"] * 3
    assert refused["status"] == "THROTTLED"
    assert all(refused[field] is None for field in DETAILS)
    window = int(settings.INVITATION_LOOKUP_WINDOW.total_seconds())
    assert 0 < refused["retryAfter"] <= window
    assert look_up(token, client="10.0.0.8")["status"] == "PENDING"  # another address


# --- PORTAL_URL ------------------------------------------------------------------------------

def test_a_deploy_that_leaves_portal_url_at_its_default_is_warned(settings, caplog):
    settings.DEBUG = False
    settings.PORTAL_URL = settings.DEFAULT_PORTAL_URL

    found = check_portal_url()
    with caplog.at_level(logging.WARNING, logger="backend.accounts.checks"):
        warn_about_settings()

    assert [(type(m), m.id) for m in found] == [(checks.Warning, "accounts.W001")]
    assert "PORTAL_URL" in found[0].msg and found[0].hint
    assert any("PORTAL_URL" in r.getMessage() for r in caplog.records)
    assert "accounts.W001" in [m.id for m in checks.run_checks()]  # registered


@pytest.mark.parametrize("debug, url", [(True, None), (False, "https://portal.example.com")])
def test_no_warning_in_development_or_with_a_real_address(settings, caplog, debug, url):
    settings.DEBUG = debug
    settings.PORTAL_URL = url or settings.DEFAULT_PORTAL_URL

    with caplog.at_level(logging.WARNING, logger="backend.accounts.checks"):
        warn_about_settings()

    assert check_portal_url() == []
    assert not caplog.records


def test_invitation_links_point_at_portal_url(inviter, network, settings, mailoutbox,
                                              django_capture_on_commit_callbacks):
    settings.PORTAL_URL = "https://portal.example.com/"
    with django_capture_on_commit_callbacks(execute=True):
        _, token = invite_member(network["dealer_a"], "x@alfa.test", invited_by=inviter)

    assert f"https://portal.example.com/invitation/{token}" in mailoutbox[0].body
