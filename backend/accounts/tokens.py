"""JWT access and refresh tokens.

Access tokens are short-lived and stateless. Refresh tokens are recorded
(``RefreshToken``): each use rotates it (the old one is marked used, a new one issued in
the same family); presenting a used token again revokes the family, so a stolen refresh
token stops working as soon as either party uses it twice.

Access tokens carry the user's ``token_version`` (claim ``ver``); signing out
(``revoke_family_of``) and a detected reuse raise the version, so access tokens issued
before stop working at once rather than up to ``JWT_ACCESS_TTL`` later. Checking it costs
no query: the viewer already loads the user row (``viewer._user_and_memberships``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jwt
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from backend.core.errors import DomainValidationError, ErrorDetail

from .errors import AccountErrorCode
from .models import RefreshToken, User

ALGORITHM = "HS256"
ACCESS = "access"
REFRESH = "refresh"


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str
    user: User


def _encode(payload: dict[str, Any]) -> str:
    return jwt.encode(payload, settings.JWT_SECRET, algorithm=ALGORITHM)


def _issue_access(user: User, now: datetime) -> str:
    return _encode({
        "type": ACCESS,
        "sub": str(user.pk),
        "email": user.email,
        "iat": int(now.timestamp()),
        "exp": int((now + settings.JWT_ACCESS_TTL).timestamp()),
        "staff": user.is_staff,
        "ver": user.token_version,
    })


def _issue_refresh(user: User, now: datetime, family: uuid.UUID | None = None) -> str:
    record = RefreshToken.objects.create(
        user=user, family=family or uuid.uuid4(), expires_at=now + settings.JWT_REFRESH_TTL
    )
    return _encode({
        "type": REFRESH,
        "sub": str(user.pk),
        "jti": str(record.jti),
        "iat": int(now.timestamp()),
        "exp": int(record.expires_at.timestamp()),
    })


def issue_tokens(user: User) -> TokenPair:
    now = timezone.now()
    return TokenPair(access=_issue_access(user, now), refresh=_issue_refresh(user, now), user=user)


def decode(token: str, expected_type: str, field: str = "token") -> dict[str, Any]:
    """The payload of a valid token of ``expected_type``; a domain error on ``field``
    (the argument that carried the token) otherwise."""
    try:
        payload = jwt.decode(token, settings.JWT_SECRET, algorithms=[ALGORITHM],
                             options={"require": ["exp", "sub", "type"]})
    except jwt.ExpiredSignatureError:
        raise DomainValidationError.single(
            AccountErrorCode.TOKEN_EXPIRED, "The token has expired; sign in again.", field)
    except jwt.InvalidTokenError:
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_TOKEN, "The token is not valid.", field)
    if payload.get("type") != expected_type:
        article = "an" if expected_type[0] in "aeiou" else "a"
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_TOKEN, f"This is not {article} {expected_type} token.",
            field)
    return payload


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    version: int


def access_token_claims(token: str) -> AccessClaims:
    """The user id and token version of a valid access token (its user is not checked
    here: see ``check_not_revoked``)."""
    payload = decode(token, ACCESS)
    subject, version = payload["sub"], payload.get("ver", 0)
    if not str(subject).isdigit() or not isinstance(version, int):
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_TOKEN, "The token is not valid.", "token")
    return AccessClaims(int(subject), version)


def check_not_revoked(user: User, claims: AccessClaims) -> User:
    """``user`` when the access token was issued after their last sign-out."""
    if user.token_version != claims.version:
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_TOKEN,
            "The token was revoked by a sign-out; refresh it or sign in again.", "token")
    return user


def active_user(user: User | None) -> User:
    """``user`` when it exists and is active; a domain error otherwise."""
    if user is None or not user.is_active:
        raise DomainValidationError.single(
            AccountErrorCode.INACTIVE_USER, "This account is deactivated.", "token")
    return user


def user_from_access_token(token: str) -> User:
    claims = access_token_claims(token)
    return check_not_revoked(active_user(User.objects.filter(pk=claims.user_id).first()), claims)


def _revoke_access_tokens(user_id: int | str) -> None:
    """Every access token issued to the user so far stops working."""
    User.objects.filter(pk=user_id).update(token_version=F("token_version") + 1)


def refresh_tokens(token: str) -> TokenPair:
    """Exchange a refresh token for a new access and refresh token (rotation)."""
    payload = decode(token, REFRESH, "refresh_token")
    invalid = DomainValidationError.single(
        AccountErrorCode.INVALID_TOKEN, "The refresh token is not valid.", "refresh_token")
    with transaction.atomic():
        record = (RefreshToken.objects.select_for_update().select_related("user")
                  .filter(jti=payload.get("jti")).first())
        if record is None or str(record.user_id) != str(payload["sub"]):
            raise invalid
        if record.revoked_at is not None:
            raise invalid
        now = timezone.now()
        reused = record.used_at is not None
        if reused:
            RefreshToken.objects.filter(family=record.family, revoked_at__isnull=True).update(
                revoked_at=now)
            _revoke_access_tokens(record.user_id)
        else:
            if not record.user.is_active:
                raise DomainValidationError.single(
                    AccountErrorCode.INACTIVE_USER, "This account is deactivated.",
                    "refresh_token")
            record.used_at = now
            record.save(update_fields=["used_at"])
            return TokenPair(access=_issue_access(record.user, now),
                             refresh=_issue_refresh(record.user, now, family=record.family),
                             user=record.user)
    # Outside the block: the family's revocation is kept although the call fails.
    raise DomainValidationError(
        ErrorDetail(
            AccountErrorCode.TOKEN_REUSED,
            "This refresh token was already used; every session from this sign-in is now "
            "signed out. Sign in again.",
            "refresh_token",
        ),
        commit=True,
    )


def revoke_family_of(token: str) -> None:
    """Sign out: revoke the refresh token's family and the user's access tokens (other
    sign-ins of the user keep their refresh tokens and get new access tokens with them)."""
    payload = decode(token, REFRESH, "refresh_token")
    record = RefreshToken.objects.filter(jti=payload.get("jti")).values_list(
        "family", "user_id").first()
    if record and str(record[1]) == str(payload["sub"]):
        family, user_id = record
        RefreshToken.objects.filter(family=family, revoked_at__isnull=True).update(
            revoked_at=timezone.now())
        _revoke_access_tokens(user_id)
