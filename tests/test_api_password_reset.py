"""Self-service password reset through /graphql/: the request answers the same for any
address, the e-mailed link works once and expires, requests are throttled, and a reset
signs out every session."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client

from backend.accounts.models import RefreshToken, Role, User
from backend.accounts.services import password_reset
from tests.fixtures.accounts import PASSWORD
from tests.fixtures.graphql import GraphQLClient

pytestmark = pytest.mark.django_db(transaction=True)  # the link is e-mailed after commit

REQUEST = """mutation($email: String!) {
  passwordResetRequest(email: $email) { requested errors { field code message retryAfter } } }"""
CONFIRM = """mutation($uid: String!, $token: String!, $password: String!) {
  passwordResetConfirm(uid: $uid, token: $token, password: $password) {
    email errors { field code message } } }"""
SIGN_IN = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token refreshToken errors { code } } }"""
REFRESH = """mutation($refreshToken: String!) {
  tokenRefresh(refreshToken: $refreshToken) { token errors { code } } }"""
ME = "{ me { user { email } } }"

NEW_PASSWORD = "a-fresh-passphrase-2026"


@pytest.fixture
def buyer(make_user, network):
    return make_user("buyer@alfa.test", network["dealer_a"], Role.BUYER)


def request(email: str, address: str = "10.0.0.1") -> dict:
    return GraphQLClient()(REQUEST, {"email": email}, REMOTE_ADDR=address).data[
        "passwordResetRequest"]


def confirm(uid: str, token: str, password: str = NEW_PASSWORD) -> dict:
    return GraphQLClient().mutate(CONFIRM, {"uid": uid, "token": token, "password": password},
                                  result="passwordResetConfirm")


def link_parts(mail) -> tuple[str, str]:
    match = re.search(r"http://portal\.test/password-reset/([\w-]+)/([\w-]+)", mail.body)
    assert match, mail.body
    return match.group(1), match.group(2)


def sign_in(email: str, password: str) -> dict:
    return GraphQLClient().mutate(SIGN_IN, {"email": email, "password": password},
                                  result="tokenCreate")


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = "http://portal.test/"


# --- asking for a link ---------------------------------------------------------------------

def test_the_answer_is_the_same_for_a_known_an_unknown_and_a_deactivated_address(
        buyer, make_user, mailoutbox):
    make_user("gone@alfa.test", is_active=False)

    answers = [request(email) for email in
               ("buyer@alfa.test", "nobody@alfa.test", "gone@alfa.test")]

    assert answers == [{"requested": True, "errors": []}] * 3
    assert [mail.to for mail in mailoutbox] == [["buyer@alfa.test"]]


def test_the_letter_is_in_the_users_language_and_links_to_the_portal(
        buyer, make_user, mailoutbox):
    make_user("en@alfa.test", language="en")

    request(" Buyer@ALFA.test ")
    request("en@alfa.test")

    russian, english = mailoutbox
    assert russian.subject == "Сброс пароля на портале заказов"
    assert "Ссылка действует один раз, 60 мин." in russian.body
    assert english.subject == "Password reset on the ordering portal"
    assert "The link works once, for 60 minutes." in english.body
    assert link_parts(russian)[0] != link_parts(english)[0]


def test_a_malformed_address_is_refused_by_its_field(buyer, mailoutbox):
    payload = request("not an address")

    assert payload["requested"] is False
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("email", "INVALID_EMAIL")]
    assert mailoutbox == []


def test_requests_are_limited_per_email_whether_or_not_it_exists(
        buyer, settings, mailoutbox):
    settings.PASSWORD_RESET_PER_EMAIL = 2

    for email in ("buyer@alfa.test", "nobody@alfa.test"):
        answers = [request(email, f"10.0.0.{n}") for n in range(3)]
        assert [a["requested"] for a in answers] == [True, True, False]
        throttled = answers[-1]["errors"][0]
        assert throttled["code"] == "PASSWORD_RESET_THROTTLED"
        assert 3500 < throttled["retryAfter"] <= 3600
        assert throttled["field"] is None
    assert len(mailoutbox) == 2
    # Another address is not held back by these.
    assert request("other@alfa.test", "10.0.0.9")["requested"] is True


def test_requests_are_limited_per_client_address(buyer, settings, mailoutbox):
    settings.PASSWORD_RESET_PER_ADDRESS = 3

    answers = [request(f"person{n}@alfa.test", "10.0.0.7") for n in range(3)]
    answers.append(request("buyer@alfa.test", "10.0.0.7"))

    assert [a["requested"] for a in answers] == [True, True, True, False]
    assert answers[-1]["errors"][0]["code"] == "PASSWORD_RESET_THROTTLED"
    assert mailoutbox == []
    assert request("buyer@alfa.test", "10.0.0.8")["requested"] is True
    assert len(mailoutbox) == 1


# --- using the link ------------------------------------------------------------------------

def test_the_link_sets_the_password_once(buyer, mailoutbox):
    request("buyer@alfa.test")
    uid, token = link_parts(mailoutbox[0])

    assert confirm(uid, token) == {"email": "buyer@alfa.test", "errors": []}
    assert sign_in("buyer@alfa.test", NEW_PASSWORD)["token"]
    assert sign_in("buyer@alfa.test", PASSWORD)["errors"] == [{"code": "INVALID_CREDENTIALS"}]

    again = confirm(uid, token, "yet-another-passphrase-9")
    assert again["email"] is None
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("token", "INVALID_RESET_LINK")]
    assert sign_in("buyer@alfa.test", NEW_PASSWORD)["token"]


def test_a_second_link_stops_working_once_the_first_was_used(buyer, mailoutbox):
    request("buyer@alfa.test")
    request("buyer@alfa.test")
    first, second = (link_parts(mail) for mail in mailoutbox)

    assert confirm(*first)["errors"] == []
    assert [e["code"] for e in confirm(*second)["errors"]] == ["INVALID_RESET_LINK"]


def test_an_expired_link_is_refused(buyer, mailoutbox, settings, monkeypatch):
    request("buyer@alfa.test")
    uid, token = link_parts(mailoutbox[0])
    later = password_reset.reset_tokens._now() + timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 1)
    monkeypatch.setattr(password_reset.reset_tokens, "_now", lambda: later)

    payload = confirm(uid, token)

    assert [e["code"] for e in payload["errors"]] == ["INVALID_RESET_LINK"]
    buyer.refresh_from_db()
    assert buyer.check_password(PASSWORD)


@pytest.mark.parametrize(("uid", "token"), [
    ("", ""), ("bm9wZQ", "abc-def"), ("MQ", "made-up-token"), ("!!", "x")])
def test_a_made_up_link_is_refused(buyer, uid, token):
    payload = confirm(uid, token)

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("token", "INVALID_RESET_LINK")]


def test_a_link_of_a_user_deactivated_since_is_refused(buyer, mailoutbox):
    request("buyer@alfa.test")
    User.objects.filter(pk=buyer.pk).update(is_active=False)

    assert [e["code"] for e in confirm(*link_parts(mailoutbox[0]))["errors"]] == [
        "INVALID_RESET_LINK"]


def test_a_weak_password_is_refused_by_the_field_and_the_link_still_works(buyer, mailoutbox):
    request("buyer@alfa.test")
    uid, token = link_parts(mailoutbox[0])

    payload = confirm(uid, token, "1234")

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("password", "WEAK_PASSWORD"), ("password", "WEAK_PASSWORD")]
    assert all(e["message"] for e in payload["errors"])
    buyer.refresh_from_db()
    assert buyer.check_password(PASSWORD)
    assert confirm(uid, token)["errors"] == []


def test_a_reset_signs_out_every_session(buyer, mailoutbox):
    session = sign_in("buyer@alfa.test", PASSWORD)
    request("buyer@alfa.test")

    assert confirm(*link_parts(mailoutbox[0]))["errors"] == []

    refreshed = GraphQLClient().mutate(REFRESH, {"refreshToken": session["refreshToken"]},
                                       result="tokenRefresh")
    assert refreshed == {"token": None, "errors": [{"code": "INVALID_TOKEN"}]}
    old_access = Client().post("/graphql/", {"query": ME}, content_type="application/json",
                               HTTP_AUTHORIZATION=f"Bearer {session['token']}")
    assert old_access.status_code == 401
    assert not RefreshToken.objects.filter(user=buyer, revoked_at__isnull=True).exists()
