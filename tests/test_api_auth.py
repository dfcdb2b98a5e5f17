"""Signing in, token rotation and sign-out, and the request's viewer, through /graphql/."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from django.conf import settings
from django.test import Client
from graphql_relay import to_global_id

from backend.accounts.models import Membership, RefreshToken, Role
from backend.accounts.tokens import issue_tokens
from tests.fixtures.accounts import PASSWORD
from tests.fixtures.graphql import GraphQLClient

TOKEN_CREATE = """
mutation SignIn($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token
    refreshToken
    user { email }
    errors { field code message }
  }
}
"""

TOKEN_REFRESH = """
mutation Refresh($refreshToken: String!) {
  tokenRefresh(refreshToken: $refreshToken) {
    token
    refreshToken
    user { email }
    errors { field code message }
  }
}
"""

TOKEN_VERIFY = """
mutation Verify($token: String!) {
  tokenVerify(token: $token) { isValid expiresAt user { email } errors { field code } }
}
"""

TOKENS_REVOKE = """
mutation SignOut($refreshToken: String!) {
  tokensRevoke(refreshToken: $refreshToken) { revoked errors { field code } }
}
"""

ME = """
{
  me {
    user { email }
    memberships { role organization { name } }
    activeOrganization { name }
    role
  }
}
"""


@pytest.fixture
def buyer(make_user, network):
    return make_user("buyer@alfa.test", network["dealer_a"], Role.BUYER)


def sign_in(api, email, password=PASSWORD) -> dict:
    return api.mutate(TOKEN_CREATE, {"email": email, "password": password},
                      result="tokenCreate")


def refresh(api, token) -> dict:
    return api.mutate(TOKEN_REFRESH, {"refreshToken": token}, result="tokenRefresh")


def codes(payload) -> list[str]:
    return [e["code"] for e in payload["errors"]]


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


# --- tokenCreate ---------------------------------------------------------------------------

def test_sign_in_returns_access_and_refresh_tokens_for_the_user(api, buyer):
    payload = sign_in(api, "buyer@alfa.test")

    assert payload["errors"] == []
    assert payload["user"] == {"email": "buyer@alfa.test"}
    assert payload["token"] and payload["refreshToken"]
    assert payload["token"] != payload["refreshToken"]
    me = api(ME, **bearer(payload["token"])).data["me"]
    assert me["user"]["email"] == "buyer@alfa.test"


def test_wrong_password_is_an_invalid_credentials_error_without_tokens(api, buyer):
    payload = sign_in(api, "buyer@alfa.test", "wrong-password")

    assert payload["errors"] == [{"field": "password", "code": "INVALID_CREDENTIALS",
                                  "message": "Wrong e-mail or password."}]
    assert payload["token"] is None
    assert payload["refreshToken"] is None
    assert not RefreshToken.objects.exists()


def test_unknown_email_gets_the_same_answer_as_a_wrong_password(api, buyer):
    payload = sign_in(api, "nobody@alfa.test")

    assert codes(payload) == ["INVALID_CREDENTIALS"]
    assert payload["errors"][0]["field"] == "password"


def test_sign_in_email_is_case_insensitive(api, buyer):
    payload = sign_in(api, "  Buyer@ALFA.test ")

    assert payload["errors"] == []
    assert payload["user"]["email"] == "buyer@alfa.test"


def test_deactivated_user_cannot_sign_in(api, buyer):
    buyer.is_active = False
    buyer.save()

    payload = sign_in(api, "buyer@alfa.test")

    assert codes(payload) == ["INACTIVE_USER"]
    assert payload["token"] is None


def test_deactivated_account_is_not_revealed_to_someone_without_its_password(api, buyer):
    buyer.is_active = False
    buyer.save()

    payload = sign_in(api, "buyer@alfa.test", "a-guess")

    assert codes(payload) == ["INVALID_CREDENTIALS"]


def test_after_too_many_failures_even_the_right_password_is_throttled(api, buyer):
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        assert codes(sign_in(api, "buyer@alfa.test", "wrong-password")) == [
            "INVALID_CREDENTIALS"]

    payload = sign_in(api, "buyer@alfa.test")

    assert codes(payload) == ["LOGIN_THROTTLED"]
    assert payload["token"] is None
    message = payload["errors"][0]["message"]
    window = int(settings.LOGIN_THROTTLE_WINDOW.total_seconds())
    seconds = int(message.split("Try again in ")[1].split(" seconds")[0])
    assert 0 < seconds <= window + 1


def test_throttle_lifts_when_the_window_has_passed(api, buyer, monkeypatch):
    from backend.core import ratelimit

    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        sign_in(api, "buyer@alfa.test", "wrong-password")
    assert codes(sign_in(api, "buyer@alfa.test")) == ["LOGIN_THROTTLED"]

    later = ratelimit.time.time() + settings.LOGIN_THROTTLE_WINDOW.total_seconds() + 1
    monkeypatch.setattr(ratelimit.time, "time", lambda: later)

    assert sign_in(api, "buyer@alfa.test")["errors"] == []


def test_failures_below_the_limit_do_not_throttle_and_success_resets_the_count(api, buyer):
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS - 1):
        sign_in(api, "buyer@alfa.test", "wrong-password")
    assert sign_in(api, "buyer@alfa.test")["errors"] == []

    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS - 1):
        sign_in(api, "buyer@alfa.test", "wrong-password")
    assert sign_in(api, "buyer@alfa.test")["errors"] == []


def test_throttle_counts_per_email_whatever_its_case(api, buyer):
    for i in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        sign_in(api, "BUYER@alfa.test" if i % 2 else "buyer@alfa.test", "wrong-password")

    assert codes(sign_in(api, "Buyer@Alfa.Test")) == ["LOGIN_THROTTLED"]


def test_one_address_guessing_many_accounts_is_throttled(api, make_user, network, settings):
    settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS = 8
    make_user("victim@alfa.test", network["dealer_a"])
    for i in range(settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS):
        sign_in(api, f"guess{i}@alfa.test", "wrong-password")

    assert codes(sign_in(api, "victim@alfa.test")) == ["LOGIN_THROTTLED"]


# --- tokenRefresh --------------------------------------------------------------------------

def test_refresh_rotates_the_refresh_token(api, buyer):
    first = sign_in(api, "buyer@alfa.test")

    second = refresh(api, first["refreshToken"])

    assert second["errors"] == []
    assert second["user"]["email"] == "buyer@alfa.test"
    assert second["token"]
    assert second["refreshToken"] != first["refreshToken"]
    assert api(ME, **bearer(second["token"])).data["me"]["user"]["email"] == "buyer@alfa.test"
    family = RefreshToken.objects.values_list("family", flat=True).distinct()
    assert family.count() == 1  # rotation stays in the sign-in's family


def test_reused_refresh_token_revokes_the_whole_family(api, buyer):
    stolen = sign_in(api, "buyer@alfa.test")["refreshToken"]
    rotated = refresh(api, stolen)["refreshToken"]

    reuse = refresh(api, stolen)

    assert codes(reuse) == ["TOKEN_REUSED"]
    assert reuse["errors"][0]["field"] == "refreshToken"
    assert reuse["token"] is None and reuse["refreshToken"] is None
    assert codes(refresh(api, rotated)) == ["INVALID_TOKEN"]
    assert not RefreshToken.objects.filter(revoked_at__isnull=True).exists()


def test_family_revocation_on_reuse_is_committed(transactional_db, make_user, make_org):
    """With real transactions: the failing call's revocation must not be rolled back."""
    dealer = make_org("Дилер", kind="MANUFACTURER")
    make_user("buyer@alfa.test", dealer)
    api = GraphQLClient()
    stolen = sign_in(api, "buyer@alfa.test")["refreshToken"]
    rotated = refresh(api, stolen)["refreshToken"]

    assert codes(refresh(api, stolen)) == ["TOKEN_REUSED"]

    rows = list(RefreshToken.objects.order_by("created_at", "pk"))
    assert len(rows) == 2
    assert all(row.revoked_at is not None for row in rows)
    assert rows[0].used_at is not None
    assert codes(refresh(api, rotated)) == ["INVALID_TOKEN"]


def test_another_sign_in_is_not_revoked_by_a_reused_token(api, buyer):
    laptop = sign_in(api, "buyer@alfa.test")["refreshToken"]
    phone = sign_in(api, "buyer@alfa.test")["refreshToken"]
    refresh(api, laptop)

    assert codes(refresh(api, laptop)) == ["TOKEN_REUSED"]

    assert refresh(api, phone)["errors"] == []


def test_an_access_token_is_not_a_refresh_token(api, buyer):
    access = sign_in(api, "buyer@alfa.test")["token"]

    assert codes(refresh(api, access)) == ["INVALID_TOKEN"]


def test_garbage_refresh_token_is_invalid(api, buyer):
    assert codes(refresh(api, "not-a-token")) == ["INVALID_TOKEN"]


def test_refresh_for_a_deactivated_user_is_refused(api, buyer):
    token = sign_in(api, "buyer@alfa.test")["refreshToken"]
    buyer.is_active = False
    buyer.save()

    assert codes(refresh(api, token)) == ["INACTIVE_USER"]


def test_expired_refresh_token_is_refused(api, buyer, settings):
    settings.JWT_REFRESH_TTL = timedelta(seconds=-5)
    token = sign_in(api, "buyer@alfa.test")["refreshToken"]

    assert codes(refresh(api, token)) == ["TOKEN_EXPIRED"]


# --- access tokens on requests -------------------------------------------------------------

def test_expired_access_token_is_http_401_token_expired(api, buyer, settings):
    settings.JWT_ACCESS_TTL = timedelta(seconds=-5)
    token = issue_tokens(buyer).access

    result = api(ME, **bearer(token))

    assert result.status == 401
    assert result.errors[0]["extensions"]["code"] == "TOKEN_EXPIRED"
    assert "data" not in result.body


def test_access_token_signed_with_another_key_is_http_401_invalid_token(api, buyer):
    now = datetime.now(tz=UTC)
    forged = jwt.encode({"type": "access", "sub": str(buyer.pk), "iat": int(now.timestamp()),
                         "exp": int((now + timedelta(minutes=5)).timestamp())},
                        "not-the-server-secret-but-long-enough-for-hs256", algorithm="HS256")

    result = api(ME, **bearer(forged))

    assert result.status == 401
    assert result.errors[0]["extensions"]["code"] == "INVALID_TOKEN"


def test_unsigned_access_token_is_refused(api, buyer):
    now = datetime.now(tz=UTC)
    unsigned = jwt.encode({"type": "access", "sub": str(buyer.pk),
                           "exp": int((now + timedelta(minutes=5)).timestamp())},
                          None, algorithm="none")

    result = api(ME, **bearer(unsigned))

    assert result.status == 401
    assert result.errors[0]["extensions"]["code"] == "INVALID_TOKEN"


@pytest.mark.parametrize("header", ["Token abc", "Bearer", "Bearer   ", "Basic dXNlcjpwYXNz",
                                    "Bearer not.a.jwt"])
def test_malformed_authorization_header_is_http_401_invalid_token(api, buyer, header):
    result = api(ME, HTTP_AUTHORIZATION=header)

    assert result.status == 401
    assert result.errors[0]["extensions"]["code"] == "INVALID_TOKEN"


def test_refresh_token_in_the_authorization_header_is_refused(api, buyer):
    result = api(ME, **bearer(issue_tokens(buyer).refresh))

    assert result.status == 401
    assert result.errors[0]["extensions"]["code"] == "INVALID_TOKEN"


def test_access_token_of_a_since_deactivated_user_is_refused(api, buyer):
    token = issue_tokens(buyer).access
    buyer.is_active = False
    buyer.save()

    result = api(ME, **bearer(token))

    assert result.status == 401
    assert result.errors[0]["extensions"]["code"] == "INACTIVE_USER"


def test_anonymous_me_is_null(api):
    assert api(ME).data["me"] is None


# --- tokenVerify ---------------------------------------------------------------------------

def test_verify_a_valid_access_token(api, buyer):
    before = datetime.now(tz=UTC)
    token = sign_in(api, "buyer@alfa.test")["token"]

    payload = api.mutate(TOKEN_VERIFY, {"token": token}, result="tokenVerify")

    assert payload["errors"] == []
    assert payload["isValid"] is True
    assert payload["user"] == {"email": "buyer@alfa.test"}
    expires = datetime.fromisoformat(payload["expiresAt"])
    assert before + settings.JWT_ACCESS_TTL - timedelta(seconds=5) <= expires
    assert expires <= datetime.now(tz=UTC) + settings.JWT_ACCESS_TTL


@pytest.mark.parametrize("token", ["garbage", "a.b.c"])
def test_verify_an_invalid_token_says_it_is_not_valid(api, buyer, token):
    result = api(TOKEN_VERIFY, {"token": token})

    assert result.status == 200
    payload = result.data["tokenVerify"]
    assert payload["isValid"] is False
    assert [e["code"] for e in payload["errors"]] == ["INVALID_TOKEN"]


def test_verify_an_expired_token_says_it_expired(api, buyer, settings):
    settings.JWT_ACCESS_TTL = timedelta(seconds=-5)
    token = issue_tokens(buyer).access

    payload = api(TOKEN_VERIFY, {"token": token}).data["tokenVerify"]

    assert payload["isValid"] is False
    assert [e["code"] for e in payload["errors"]] == ["TOKEN_EXPIRED"]


# --- tokensRevoke --------------------------------------------------------------------------

def test_sign_out_stops_the_refresh_token_and_its_rotations(api, buyer):
    first = sign_in(api, "buyer@alfa.test")["refreshToken"]
    current = refresh(api, first)["refreshToken"]

    payload = api.mutate(TOKENS_REVOKE, {"refreshToken": current}, result="tokensRevoke")

    assert payload == {"revoked": True, "errors": []}
    assert codes(refresh(api, current)) == ["INVALID_TOKEN"]
    assert not RefreshToken.objects.filter(revoked_at__isnull=True).exists()


def test_sign_out_leaves_other_sign_ins_working(api, buyer):
    laptop = sign_in(api, "buyer@alfa.test")["refreshToken"]
    phone = sign_in(api, "buyer@alfa.test")["refreshToken"]

    api.mutate(TOKENS_REVOKE, {"refreshToken": laptop}, result="tokensRevoke")

    assert refresh(api, phone)["errors"] == []


def test_sign_out_with_a_garbage_token_is_an_error_not_a_crash(api, buyer):
    result = api(TOKENS_REVOKE, {"refreshToken": "garbage"})

    assert result.status == 200
    payload = result.data["tokensRevoke"]
    assert payload["revoked"] is False
    assert [e["code"] for e in payload["errors"]] == ["INVALID_TOKEN"]


# --- me and the active organization --------------------------------------------------------

def test_me_shows_memberships_and_the_only_organization_as_active(api_as, buyer, network):
    me = api_as(buyer)(ME).data["me"]

    assert me == {
        "user": {"email": "buyer@alfa.test"},
        "memberships": [{"role": "BUYER", "organization": {"name": "Дилер Альфа"}}],
        "activeOrganization": {"name": "Дилер Альфа"},
        "role": "BUYER",
    }


@pytest.fixture
def two_hats(make_user, network):
    """Admin of dealer A and buyer at dealer B."""
    user = make_user("manager@network.test", network["dealer_a"], Role.ADMIN)
    Membership.objects.create(user=user, organization=network["dealer_b"], role=Role.BUYER)
    return user


def test_user_with_two_memberships_has_no_active_organization_until_choosing(api_as,
                                                                              two_hats):
    me = api_as(two_hats)(ME).data["me"]

    assert sorted(m["organization"]["name"] for m in me["memberships"]) == [
        "Дилер Альфа", "Дилер Бета"]
    assert me["activeOrganization"] is None
    assert me["role"] is None


def test_me_lists_only_organizations_the_user_can_switch_to(api_as, two_hats, network):
    network["dealer_b"].status = "SUSPENDED"
    network["dealer_b"].save()

    me = api_as(two_hats)(ME).data["me"]

    # Choosing the suspended dealer would be refused with 403, so it is not offered.
    assert [m["organization"]["name"] for m in me["memberships"]] == ["Дилер Альфа"]
    assert me["activeOrganization"] == {"name": "Дилер Альфа"}


def test_x_organization_header_switches_the_active_organization(api_as, two_hats, network):
    as_a = api_as(two_hats, network["dealer_a"])(ME).data["me"]
    as_b = api_as(two_hats, network["dealer_b"])(ME).data["me"]

    assert (as_a["activeOrganization"]["name"], as_a["role"]) == ("Дилер Альфа", "ADMIN")
    assert (as_b["activeOrganization"]["name"], as_b["role"]) == ("Дилер Бета", "BUYER")


def test_x_organization_header_accepts_a_global_id(api, two_hats, network):
    token = issue_tokens(two_hats).access
    header = to_global_id("Organization", network["dealer_b"].pk)

    me = api(ME, HTTP_X_ORGANIZATION=header, **bearer(token)).data["me"]

    assert me["activeOrganization"]["name"] == "Дилер Бета"


def test_switching_organization_changes_what_the_user_sees(api_as, two_hats, network):
    query = "{ organizations { edges { node { name } } } }"

    def seen(org):
        edges = api_as(two_hats, org)(query).data["organizations"]["edges"]
        return {e["node"]["name"] for e in edges}

    assert "Субдилер Альфа-1" in seen(network["dealer_a"])
    assert "Субдилер Альфа-1" not in seen(network["dealer_b"])
    assert "Субдилер Бета-1" in seen(network["dealer_b"])


def test_organization_the_user_is_not_a_member_of_is_http_403_and_nothing_runs(
        api, buyer, network):
    pair = issue_tokens(buyer)

    result = api(TOKENS_REVOKE, {"refreshToken": pair.refresh},
                 HTTP_X_ORGANIZATION=str(network["dealer_b"].pk), **bearer(pair.access))

    assert result.status == 403
    assert result.errors[0]["extensions"]["code"] == "ORGANIZATION_ACCESS_DENIED"
    assert "data" not in result.body
    assert not RefreshToken.objects.filter(revoked_at__isnull=False).exists()
    assert refresh(api, pair.refresh)["errors"] == []  # the sign-out never ran


@pytest.mark.parametrize("header", ["garbage", "-1", "999999999", "T3JnYW5pemF0aW9uOmFiYw==",
                                    to_global_id("Category", 1)])
def test_garbage_x_organization_header_is_http_403(api, buyer, header):
    result = api(ME, HTTP_X_ORGANIZATION=header, **bearer(issue_tokens(buyer).access))

    assert result.status == 403
    assert result.errors[0]["extensions"]["code"] == "ORGANIZATION_ACCESS_DENIED"


def test_inactive_membership_is_http_403(api, buyer, network):
    Membership.objects.filter(user=buyer).update(is_active=False)

    result = api(ME, HTTP_X_ORGANIZATION=str(network["dealer_a"].pk),
                 **bearer(issue_tokens(buyer).access))

    assert result.status == 403


def test_suspended_organization_cannot_be_chosen(api, buyer, network):
    network["dealer_a"].status = "SUSPENDED"
    network["dealer_a"].save()

    result = api(ME, HTTP_X_ORGANIZATION=str(network["dealer_a"].pk),
                 **bearer(issue_tokens(buyer).access))

    assert result.status == 403


def test_x_organization_header_without_a_token_is_http_401(api, network):
    result = api(ME, HTTP_X_ORGANIZATION=str(network["dealer_a"].pk))

    assert result.status == 401
    assert result.errors[0]["extensions"]["code"] == "AUTHENTICATION_REQUIRED"


def test_viewer_errors_are_json(buyer):
    response = Client().post("/graphql/", json.dumps({"query": "{ me { role } }"}),
                             content_type="application/json", HTTP_AUTHORIZATION="Bearer x")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["errors"][0]["message"]


def test_a_throttled_sign_in_says_in_how_many_seconds_as_a_number(api, buyer, settings):
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        sign_in(api, buyer.email, "wrong-password")
    result = api("""mutation($email: String!, $password: String!) {
        tokenCreate(email: $email, password: $password) { token errors { code retryAfter } } }""",
                 {"email": buyer.email, "password": PASSWORD}).data["tokenCreate"]
    assert result["token"] is None
    assert result["errors"][0]["code"] == "LOGIN_THROTTLED"
    window = int(settings.LOGIN_THROTTLE_WINDOW.total_seconds())
    assert 0 < result["errors"][0]["retryAfter"] <= window + 1
