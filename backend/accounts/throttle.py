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
slip under a limit; the limits are counted in the order above and an attempt refused by
one is counted by none (it checked no password), and a right password is not a failure
(its count is given back). A refusal says in how many seconds the blocking window ends.
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
    counted: list[str] = []
    for name, limit in limits.items():
        count = store.hit(keys[name], _window())
        counted.append(name)
        if limit is not None and count.value > limit:
            # Refused: give back what this attempt counted, and count it nowhere else (a
            # refused attempt that reached the address counter could push a concurrent,
            # allowed attempt of the same address over its limit). The wait is the
            # longest of the limits already full.
            for done in counted:
                store.refund(keys[done])
            raise LoginThrottled(max([count.retry_after, *_full(store, keys, limits, counted)]))


def _full(store, keys: dict[str, str], limits: dict[str, int | None],
          counted: list[str]) -> list[int]:
    """Seconds until each limit not yet counted, and already full, lets an attempt in."""
    waits = []
    for name, limit in limits.items():
        if name in counted or limit is None:
            continue
        count = store.peek(keys[name])
        if count is not None and count.value >= limit:
            waits.append(count.retry_after)
    return waits


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
