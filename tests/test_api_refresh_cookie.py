"""The browser's refresh token in an httpOnly cookie, sign-out revoking access tokens, and
token errors naming the argument that carried the token; all through /graphql/."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import RefreshToken, Role
from tests.fixtures.accounts import PASSWORD

COOKIE = settings.REFRESH_COOKIE_NAME

SIGN_IN = """
mutation SignIn($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token refreshToken errors { field code } }
}
"""
REFRESH = """
mutation Refresh($refreshToken: String) {
  tokenRefresh(refreshToken: $refreshToken) {
    token refreshToken user { email } errors { field code message }
  }
}
"""
REVOKE = """
mutation SignOut($refreshToken: String) {
  tokensRevoke(refreshToken: $refreshToken) { revoked errors { field code message } }
}
"""
ME = "{ me { user { email } } }"


@pytest.fixture
def buyer(make_user, network):
    return make_user("buyer@alfa.test", network["dealer_a"], Role.BUYER)


class Browser:
    """A Django test client that keeps cookies as a browser would, posting JSON."""

    def __init__(self):
        self.client = Client()
        self.last = None

    def post(self, query, variables=None, **headers):
        self.last = self.client.post(
            "/graphql/", json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json", **headers)
        return self.last

    def mutate(self, query, variables=None, **headers) -> dict:
        body = json.loads(self.post(query, variables, **headers).content)
        assert "errors" not in body, body
        return next(iter(body["data"].values()))

    def sign_in(self) -> dict:
        return self.mutate(SIGN_IN, {"email": "buyer@alfa.test", "password": PASSWORD})

    def set_cookie(self):
        return self.last.cookies.get(COOKIE)

    @property
    def cookie(self) -> str | None:
        morsel = self.client.cookies.get(COOKIE)
        return morsel.value if morsel is not None and morsel.value else None


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


# --- the cookie ----------------------------------------------------------------------------

def test_sign_in_sets_an_httponly_strict_cookie_on_the_graphql_path(buyer):
    browser = Browser()

    payload = browser.sign_in()

    cookie = browser.set_cookie()
    assert cookie.value == payload["refreshToken"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/graphql/"
    assert cookie["max-age"] == int(settings.JWT_REFRESH_TTL.total_seconds())
    assert not cookie["secure"]  # development: plain http


def test_the_cookie_is_secure_when_configured_for_production(buyer, settings):
    settings.REFRESH_COOKIE_SECURE = True
    browser = Browser()

    browser.sign_in()

    assert browser.set_cookie()["secure"] is True


def test_refresh_without_an_argument_uses_and_rotates_the_cookie(buyer):
    browser = Browser()
    browser.sign_in()
    first = browser.cookie

    payload = browser.mutate(REFRESH)

    assert payload["errors"] == [] and payload["token"]
    assert payload["user"] == {"email": "buyer@alfa.test"}
    # The new refresh token is only in the cookie, out of reach of the page's scripts.
    assert payload["refreshToken"] is None
    assert browser.cookie and browser.cookie != first
    assert RefreshToken.objects.filter(used_at__isnull=False).count() == 1
    assert browser.mutate(REFRESH)["errors"] == []


def test_refresh_with_the_argument_still_answers_with_the_token_for_api_clients(buyer):
    browser = Browser()
    old = browser.sign_in()["refreshToken"]

    payload = browser.mutate(REFRESH, {"refreshToken": old}, HTTP_COOKIE="")

    assert payload["errors"] == []
    assert payload["refreshToken"] and payload["refreshToken"] != old


def test_a_replayed_cookie_signs_out_the_sign_in_and_the_cookie_is_cleared(buyer):
    browser = Browser()
    browser.sign_in()
    stolen = browser.cookie
    browser.mutate(REFRESH)
    thief = Browser()
    thief.client.cookies[COOKIE] = stolen

    reuse = thief.mutate(REFRESH)

    assert [(e["field"], e["code"]) for e in reuse["errors"]] == [("refreshToken", "TOKEN_REUSED")]
    assert thief.cookie is None
    assert thief.set_cookie()["max-age"] == 0
    # The rightful browser's rotated cookie belongs to the revoked family too.
    assert [e["code"] for e in browser.mutate(REFRESH)["errors"]] == ["INVALID_TOKEN"]
    assert browser.cookie is None


def test_refresh_without_argument_or_cookie_is_an_error_on_refresh_token(buyer):
    payload = Browser().mutate(REFRESH)

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("refreshToken", "INVALID_TOKEN")]
    assert payload["token"] is None


def test_the_cookie_is_not_read_from_a_form_post(buyer):
    """A cross-site HTML form can post urlencoded data but not JSON (see refresh_cookie)."""
    browser = Browser()
    browser.sign_in()

    response = browser.client.post("/graphql/", {"query": REFRESH})

    payload = json.loads(response.content)["data"]["tokenRefresh"]
    assert [e["code"] for e in payload["errors"]] == ["INVALID_TOKEN"]
    assert payload["token"] is None
    assert RefreshToken.objects.filter(used_at__isnull=False).count() == 0


def test_sign_out_by_cookie_revokes_and_clears_it(buyer):
    browser = Browser()
    access = browser.sign_in()["token"]
    cookie = browser.cookie

    payload = browser.mutate(REVOKE)

    assert payload == {"revoked": True, "errors": []}
    assert browser.cookie is None
    assert browser.set_cookie()["path"] == "/graphql/"
    assert not RefreshToken.objects.filter(revoked_at__isnull=True).exists()
    replay = Browser()
    replay.client.cookies[COOKIE] = cookie
    assert [e["code"] for e in replay.mutate(REFRESH)["errors"]] == ["INVALID_TOKEN"]
    assert browser.post(ME, **bearer(access)).status_code == 401


def test_invitation_accept_sets_the_cookie(make_user, network):
    from backend.accounts.services import members

    admin = make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN)
    _, token = members.invite_member(network["dealer_a"], "new@alfa.test", role=Role.VIEWER,
                                     invited_by=admin)
    browser = Browser()

    payload = browser.mutate("""
        mutation Accept($token: String!) {
          invitationAccept(token: $token, password: "Kraski-2026!", firstName: "Пётр") {
            token refreshToken errors { code } } }""", {"token": token})

    assert payload["errors"] == [] and payload["token"]
    assert browser.cookie == payload["refreshToken"]
    assert browser.mutate(REFRESH)["errors"] == []


# --- access tokens after sign-out ----------------------------------------------------------

def test_after_sign_out_the_old_access_token_is_http_401(buyer):
    browser = Browser()
    signed_in = browser.sign_in()
    assert browser.post(ME, **bearer(signed_in["token"])).status_code == 200

    browser.mutate(REVOKE, {"refreshToken": signed_in["refreshToken"]})

    response = browser.post(ME, **bearer(signed_in["token"]))
    assert response.status_code == 401
    assert json.loads(response.content)["errors"][0]["extensions"]["code"] == "INVALID_TOKEN"


def test_another_sign_in_gets_a_working_access_token_after_a_sign_out(buyer):
    laptop, phone = Browser(), Browser()
    laptop_tokens = laptop.sign_in()
    phone.sign_in()

    laptop.mutate(REVOKE)

    # The phone's access token stopped too; its refresh token still gets a new one.
    fresh = phone.mutate(REFRESH)["token"]
    assert phone.post(ME, **bearer(fresh)).status_code == 200
    assert laptop.post(ME, **bearer(laptop_tokens["token"])).status_code == 401
    again = Browser().sign_in()["token"]
    assert Browser().post(ME, **bearer(again)).status_code == 200


def test_reuse_of_a_refresh_token_also_stops_the_access_tokens(buyer):
    browser = Browser()
    signed_in = browser.sign_in()
    rotated = browser.mutate(REFRESH, {"refreshToken": signed_in["refreshToken"]})

    browser.mutate(REFRESH, {"refreshToken": signed_in["refreshToken"]})

    assert browser.post(ME, **bearer(rotated["token"])).status_code == 401


def test_verify_says_a_revoked_access_token_is_not_valid(buyer):
    browser = Browser()
    signed_in = browser.sign_in()
    browser.mutate(REVOKE)

    payload = browser.mutate(
        "mutation V($t: String!) { tokenVerify(token: $t) { isValid errors { code } } }",
        {"t": signed_in["token"]})

    assert payload == {"isValid": False, "errors": [{"code": "INVALID_TOKEN"}]}


def test_the_revocation_check_costs_no_query_of_its_own(buyer):
    browser = Browser()
    token = browser.sign_in()["token"]
    browser.post(ME, **bearer(token))  # the document is parsed and cached

    with CaptureQueriesContext(connection) as queries:
        response = browser.post(ME, **bearer(token))

    assert response.status_code == 200
    # The viewer's memberships with the user joined (read by the check), and me's list.
    assert len(queries) == 2
    assert all('FROM "accounts_membership"' in q["sql"] for q in queries.captured_queries)


# --- errors name the argument --------------------------------------------------------------

@pytest.mark.parametrize("mutation", [REFRESH, REVOKE])
def test_an_access_token_given_as_refresh_token_is_refused_on_that_argument(buyer, mutation):
    browser = Browser()
    access = browser.sign_in()["token"]

    payload = browser.mutate(mutation, {"refreshToken": access})

    assert payload["errors"] == [{"field": "refreshToken", "code": "INVALID_TOKEN",
                                  "message": "This is not a refresh token."}]


@pytest.mark.parametrize("mutation", [REFRESH, REVOKE])
def test_a_garbage_refresh_token_is_refused_on_that_argument(buyer, mutation):
    payload = Browser().mutate(mutation, {"refreshToken": "garbage"})

    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("refreshToken", "INVALID_TOKEN")]
