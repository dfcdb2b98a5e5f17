"""Self-service password reset: an e-mailed, expiring, single-use link.

The link carries the user's id and a token of Django's ``PasswordResetTokenGenerator``:
an HMAC over the user's password hash, last sign-in and e-mail, with a timestamp checked
against ``PASSWORD_RESET_TIMEOUT``. Nothing is stored; setting a password changes the
hash, so the link (and every other link sent before) stops working once used.

A request answers the same whatever the address: known, unknown or deactivated (only a
known active user gets a letter), and it is counted per e-mail and per client address in
the shared throttle store before anything is looked up, so the count cannot tell either.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import F
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from backend.core import ratelimit
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.core.mail import send_email_after_commit

from ..errors import AccountErrorCode
from ..models import RefreshToken, User

reset_tokens = PasswordResetTokenGenerator()


def _invalid_link() -> DomainValidationError:
    return DomainValidationError.single(
        AccountErrorCode.INVALID_RESET_LINK,
        "This password reset link is not valid: it has expired or was already used. "
        "Ask for a new one.", "token")


def _count_request(email: str, address: str) -> None:
    """Count one request for ``email`` from ``address``; raise ``PASSWORD_RESET_THROTTLED``
    (counting nothing) past ``PASSWORD_RESET_PER_EMAIL`` or ``PASSWORD_RESET_PER_ADDRESS``
    within ``PASSWORD_RESET_WINDOW``. Unknown addresses count like known ones."""
    refused = ratelimit.hit_all(
        ((ratelimit.key_of("password-reset-email", email), settings.PASSWORD_RESET_PER_EMAIL),
         (ratelimit.key_of("password-reset-address", address),
          settings.PASSWORD_RESET_PER_ADDRESS)),
        int(settings.PASSWORD_RESET_WINDOW.total_seconds()))
    if refused is not None:
        raise DomainValidationError.single(
            AccountErrorCode.PASSWORD_RESET_THROTTLED,
            f"Too many password reset requests. Try again in {refused.retry_after} seconds.",
            None, retry_after=refused.retry_after)


def reset_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return (f"{settings.PORTAL_URL.rstrip('/')}/password-reset/{uid}/"
            f"{reset_tokens.make_token(user)}")


def _letter(user: User) -> tuple[str, str]:
    """Subject and body in the user's language."""
    link = reset_link(user)
    minutes = max(1, settings.PASSWORD_RESET_TIMEOUT // 60)
    if user.language == "en":
        return ("Password reset on the ordering portal",
                "Someone (we hope you) asked to reset the password of your account on the "
                "ordering portal. To choose a new password, open this link:\n\n"
                f"{link}\n\n"
                f"The link works once, for {minutes} minutes. If you did not ask, ignore this "
                "letter: your password stays as it is.")
    return ("Сброс пароля на портале заказов",
            "Кто-то (надеемся, вы) попросил сбросить пароль вашей учётной записи на портале "
            "заказов. Чтобы задать новый пароль, откройте ссылку:\n\n"
            f"{link}\n\n"
            f"Ссылка действует один раз, {minutes} мин. Если вы не просили сброс, просто "
            "не отвечайте на это письмо: пароль останется прежним.")


def request_password_reset(email: str, address: str) -> None:
    """E-mail a reset link (after commit) to the active user with ``email``, if any. Answers
    the same (returns, or raises a throttle or e-mail format error) whoever the address is."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_EMAIL, "Enter a valid e-mail address.", "email")
    _count_request(email, address)
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None:
        return
    subject, body = _letter(user)
    send_email_after_commit([user.email], subject, body)


def _user_of(uid: str) -> User | None:
    try:
        pk = int(urlsafe_base64_decode(uid or "").decode())
    except (ValueError, UnicodeDecodeError):
        return None
    # Locked: two uses of one link at once are served one after the other, and the second
    # finds the token spent by the first's new password.
    return User.objects.select_for_update().filter(pk=pk, is_active=True).first()


def reset_password(uid: str, token: str, password: str) -> User:
    """Set ``password`` for the user of a valid link, and sign out every session of theirs
    (refresh tokens revoked, access tokens outdated by ``token_version``)."""
    user = _user_of(uid)
    if user is None or not reset_tokens.check_token(user, token or ""):
        raise _invalid_link()
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise DomainValidationError([
            ErrorDetail(AccountErrorCode.WEAK_PASSWORD, message, "password")
            for message in exc.messages])
    user.set_password(password)
    user.save(update_fields=["password"])
    User.objects.filter(pk=user.pk).update(token_version=F("token_version") + 1)
    RefreshToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now())
    return user
