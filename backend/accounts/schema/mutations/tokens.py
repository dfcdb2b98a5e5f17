"""Signing in and out: access and refresh tokens."""

from __future__ import annotations

from datetime import UTC, datetime

import graphene
import jwt as pyjwt

from backend.core.errors import DomainValidationError
from backend.core.middleware import client_ip

from ... import tokens
from ...errors import AccountErrorCode
from ...refresh_cookie import clear_refresh_cookie, refresh_token_from_cookie, set_refresh_cookie
from ...services.sessions import sign_in
from ..types import UserType
from .base import AccountMutation


class TokenCreate(AccountMutation):
    token = graphene.String(description="Access token (JWT) for the Authorization header.")
    refresh_token = graphene.String(description=(
        "Refresh token; each use returns a new one. Also set in an httpOnly cookie for the "
        "browser app."))
    user = graphene.Field(UserType)

    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)

    class Meta:
        description = "Sign in with e-mail and password. Repeated failures are throttled."
        login_required = False
        atomic = False  # the throttle's count stays whatever the answer (see sign_in)

    @classmethod
    def perform_mutation(cls, root, info, email, password):
        pair = sign_in(email, password, client_ip(info.context))
        set_refresh_cookie(info.context, pair.refresh)
        return cls(token=pair.access, refresh_token=pair.refresh, user=pair.user)


def _given_or_cookie(info, refresh_token: str | None) -> tuple[str, bool]:
    """The refresh token of the argument, else of the cookie; and whether it was the cookie."""
    if refresh_token:
        return refresh_token, False
    from_cookie = refresh_token_from_cookie(info.context)
    if from_cookie is None:
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_TOKEN,
            "No refresh token: pass refreshToken, or sign in again.", "refresh_token")
    return from_cookie, True


class TokenRefresh(AccountMutation):
    token = graphene.String()
    refresh_token = graphene.String(description=(
        "The new refresh token; null when the old one came from the cookie (the new one is "
        "in the cookie, out of reach of the page's scripts)."))
    user = graphene.Field(UserType)

    class Arguments:
        refresh_token = graphene.String(description=(
            "Omit in the browser app: the httpOnly cookie set at sign-in is used."))

    class Meta:
        description = ("Exchange a refresh token for a new access token and a new refresh "
                       "token. A refresh token works once; reusing it signs out every session "
                       "of that sign-in.")
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, refresh_token=None):
        token, from_cookie = _given_or_cookie(info, refresh_token)
        try:
            pair = tokens.refresh_tokens(token)
        except DomainValidationError:
            if from_cookie:
                clear_refresh_cookie(info.context)
            raise
        set_refresh_cookie(info.context, pair.refresh)
        return cls(token=pair.access, refresh_token=None if from_cookie else pair.refresh,
                   user=pair.user)


class TokenVerify(AccountMutation):
    is_valid = graphene.Boolean(required=True)
    user = graphene.Field(UserType)
    expires_at = graphene.DateTime()

    failure_defaults = {"is_valid": False}

    class Arguments:
        token = graphene.String(required=True)

    class Meta:
        description = "Check an access token: valid, whose, and until when."
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, token):
        user = tokens.user_from_access_token(token)
        payload = pyjwt.decode(token, options={"verify_signature": False})
        return cls(is_valid=True, user=user,
                   expires_at=datetime.fromtimestamp(payload["exp"], tz=UTC))


class TokensRevoke(AccountMutation):
    revoked = graphene.Boolean(required=True)
    failure_defaults = {"revoked": False}

    class Arguments:
        refresh_token = graphene.String(description=(
            "Omit in the browser app: the httpOnly cookie set at sign-in is used."))

    class Meta:
        description = ("Sign out: the refresh token and every token rotated from it stop "
                       "working, and so do the user's access tokens issued so far (other "
                       "sign-ins get new ones with their refresh tokens). Clears the cookie.")
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, refresh_token=None):
        clear_refresh_cookie(info.context)
        tokens.revoke_family_of(_given_or_cookie(info, refresh_token)[0])
        return cls(revoked=True)


