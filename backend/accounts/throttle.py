"""Password throttle: every check of a password (``tokenCreate``, ``invitationAccept`` for
an existing account, the Django admin's sign-in, anything calling ``authenticate()``) goes
through ``attempt()`` first and ``accepted()`` after a right password.

The rule, per window of ``LOGIN_THROTTLE_WINDOW_SECONDS`` (counted in
``backend.core.ratelimit``, shared by every worker, atomic):

- **account and address**: ``LOGIN_THROTTLE_ATTEMPTS`` failed passwords for one e-mail
  from one client address block that pair. A right password clears the pair's count.
- **address**: ``LOGIN_THROTTLE_ADDRESS_ATTEMPTS`` failed passwords from one address,
  whatever the e-mails, block that address (guessing across accounts).
- **account**: ``LOGIN_THROTTLE_ACCOUNT_ATTEMPTS`` failed passwords for one e-mail from
  all addresses together (a guess spread over many addresses) block that e-mail only for
  addresses that have not signed in to it successfully within
  ``LOGIN_KNOWN_ADDRESS_DAYS``. So an attacker locks out at most itself: the real user's
  known address, and any other address while fewer than the account limit failed, still
  get in.

An attempt is counted before its password is checked, so concurrent attempts cannot all
slip under a limit; an attempt refused by the throttle is not counted (it checked no
password) and a right password is not a failure (its count is given back). A refusal says
in how many seconds the blocking window ends.
"""

from __future__ import annotations

from django.conf import settings

from backend.core import ratelimit


class LoginThrottled(Exception):
    """Too many failed passwords: try again in ``retry_after`` seconds."""

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(f"Too many failed sign-in attempts. Try again in {retry_after} "
                         "seconds.")


def _account(email: str) -> str:
    return (email or "").strip().lower()


def _keys(email: str, address: str) -> dict[str, str]:
    account = _account(email)
    return {"pair": ratelimit.key_of("login-pair", account, address),
            "address": ratelimit.key_of("login-address", address),
            "account": ratelimit.key_of("login-account", account),
            "known": ratelimit.key_of("login-known", account, address)}


def _window() -> int:
    return int(settings.LOGIN_THROTTLE_WINDOW.total_seconds())


def attempt(email: str, address: str) -> None:
    """Count one password attempt for ``email`` from ``address``; raise ``LoginThrottled``
    (counting nothing) when a limit is reached."""
    store = ratelimit.store()
    keys = _keys(email, address)
    known = store.peek(keys["known"]) is not None
    limits = {"pair": settings.LOGIN_THROTTLE_ATTEMPTS,
              "address": settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS,
              "account": None if known else settings.LOGIN_THROTTLE_ACCOUNT_ATTEMPTS}
    counts = {name: store.hit(keys[name], _window()) for name in limits}
    over = [counts[name].retry_after for name, limit in limits.items()
            if limit is not None and counts[name].value > limit]
    if over:
        for name in counts:
            store.refund(keys[name])
        raise LoginThrottled(max(over))


def accepted(email: str, address: str) -> None:
    """The password of the attempt just counted was right: clear the pair, give the
    attempt back, and remember ``address`` as one that signs in to this account."""
    store = ratelimit.store()
    keys = _keys(email, address)
    store.delete(keys["pair"])
    store.refund(keys["address"])
    store.refund(keys["account"])
    store.mark(keys["known"], settings.LOGIN_KNOWN_ADDRESS_DAYS * 24 * 3600)


def check_password(user, password: str, address: str) -> bool:
    """``user.check_password(password)`` under the throttle (may raise ``LoginThrottled``)."""
    attempt(user.email, address)
    if not user.check_password(password):
        return False
    accepted(user.email, address)
    return True
