"""Signing in with e-mail and password."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.db import transaction

from backend.core.errors import DomainValidationError

from .. import throttle
from ..errors import AccountErrorCode
from ..models import User
from ..tokens import TokenPair, issue_tokens


def sign_in(email: str, password: str, ip: str) -> TokenPair:
    """Tokens for valid credentials; a throttled or failed attempt is a domain error.
    Runs outside a transaction: the throttle's count is kept whatever the answer."""
    email = (email or "").strip().lower()
    try:
        user = authenticate(None, username=email, password=password, address=ip)
    except throttle.LoginThrottled as exc:
        raise DomainValidationError.single(
            AccountErrorCode.LOGIN_THROTTLED, str(exc), None, retry_after=exc.retry_after)
    if user is None:
        inactive = User.objects.filter(email=email, is_active=False).first()
        # Say "deactivated" only to someone who knows the password: otherwise the answer
        # would reveal which addresses have (deactivated) accounts.
        if inactive is not None and inactive.check_password(password):
            raise DomainValidationError.single(
                AccountErrorCode.INACTIVE_USER, "This account is deactivated.", "email")
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_CREDENTIALS, "Wrong e-mail or password.", "password")
    with transaction.atomic():
        return issue_tokens(user)
