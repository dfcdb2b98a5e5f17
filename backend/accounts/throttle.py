"""Login throttle: too many failed sign-ins for one e-mail, or from one address, within a
window block further attempts until the window passes. Counts live in the cache (Redis in
production, so every worker shares them)."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def _keys(email: str, ip: str) -> list[str]:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    return [f"login-fail:email:{digest}", f"login-fail:ip:{ip}"]


def _window() -> int:
    return int(settings.LOGIN_THROTTLE_WINDOW.total_seconds())


def seconds_until_allowed(email: str, ip: str) -> int:
    """0 when a sign-in may be tried now, else how many seconds to wait."""
    now = time.time()
    waits = []
    for key in _keys(email, ip):
        entry = cache.get(key)
        limit = settings.LOGIN_THROTTLE_ATTEMPTS * (1 if ":email:" in key else 4)
        if entry and entry["count"] >= limit:
            waits.append(int(entry["first"] + _window() - now) + 1)
    return max([w for w in waits if w > 0], default=0)


def record_failure(email: str, ip: str) -> None:
    now = time.time()
    for key in _keys(email, ip):
        entry = cache.get(key)
        if not entry or entry["first"] + _window() < now:
            entry = {"first": now, "count": 0}
        entry["count"] += 1
        cache.set(key, entry, timeout=_window())


def reset(email: str) -> None:
    cache.delete(_keys(email, "")[0])
