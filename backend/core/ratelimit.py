"""Counters for throttles, shared by every process and counted atomically.

``store().hit(key, window)`` adds one to ``key``'s counter and returns the new value with the
seconds left in the window (a fixed window that starts with the first hit). Concurrent
hits never read the same value: the count is taken and incremented in one statement.

The store is Redis when ``REDIS_URL`` is set (a transaction of ``SET NX EX``, ``INCR`` and
``PTTL``), else the database: one ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` per
hit on ``core_ratecounter``. Never process memory: gunicorn runs several workers, each with
its own.

A database hit belongs to the caller's transaction: a count that must outlive a failed
request is taken outside it or committed with it (``DomainValidationError(commit=True)``).
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Protocol

from django.conf import settings
from django.db import connection

# How many counters whose window has passed a database hit deletes along the way.
PURGE_BATCH = 20


@dataclass(frozen=True)
class Count:
    value: int
    retry_after: int  # seconds until the window ends (at least 1)


def key_of(kind: str, *parts: str) -> str:
    """A store key of ``kind`` for ``parts`` (e-mails, addresses): hashed, so the store
    keeps no personal data and keys stay short."""
    return f"{kind}:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


class Store(Protocol):
    def hit(self, key: str, window: int) -> Count: ...
    def refund(self, key: str) -> None: ...
    def peek(self, key: str) -> Count | None: ...
    def mark(self, key: str, ttl: int) -> None: ...
    def delete(self, key: str) -> None: ...


def hit_all(limits: Sequence[tuple[str, int]], window: int) -> Count | None:
    """Count one hit on each ``(key, limit)`` in order, within ``window`` seconds. The first
    count over its limit is returned after every hit of this call is refunded: a refused
    request counts against no limit, so one refused by its own limit does not use up a
    shared one. ``None`` when every limit allows it."""
    counters = store()
    counted: list[str] = []
    for key, limit in limits:
        count = counters.hit(key, window)
        counted.append(key)
        if count.value > limit:
            for done in counted:
                counters.refund(done)
            return count
    return None


def _now() -> datetime:
    return datetime.fromtimestamp(time.time(), tz=UTC)


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, math.ceil((moment - now).total_seconds()))


class DatabaseStore:
    table = "core_ratecounter"

    def hit(self, key: str, window: int) -> Count:
        now = _now()
        with connection.cursor() as cursor:
            # The same single statement on every hit, so a request's query count never
            # depends on chance: it also deletes a few other counters whose window has
            # passed (never ``key``'s own, which the upsert below may be writing).
            cursor.execute(
                f"""WITH purged AS (
                      DELETE FROM {self.table} WHERE key IN (
                        SELECT key FROM {self.table} WHERE expires_at <= %s AND key <> %s
                        LIMIT {PURGE_BATCH} FOR UPDATE SKIP LOCKED))
                    INSERT INTO {self.table} AS c (key, count, expires_at) VALUES (%s, 1, %s)
                    ON CONFLICT (key) DO UPDATE SET
                      count = CASE WHEN c.expires_at <= %s THEN 1 ELSE c.count + 1 END,
                      expires_at = CASE WHEN c.expires_at <= %s THEN EXCLUDED.expires_at
                                        ELSE c.expires_at END
                    RETURNING count, expires_at""",
                [now, key, key, now + timedelta(seconds=window), now, now])
            value, expires_at = cursor.fetchone()
        return Count(value, _seconds_until(expires_at, now))

    def refund(self, key: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {self.table} SET count = count - 1 "
                           "WHERE key = %s AND count > 0 AND expires_at > %s", [key, _now()])

    def peek(self, key: str) -> Count | None:
        now = _now()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count, expires_at FROM {self.table} "
                           "WHERE key = %s AND expires_at > %s", [key, now])
            row = cursor.fetchone()
        return Count(row[0], _seconds_until(row[1], now)) if row else None

    def mark(self, key: str, ttl: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"""INSERT INTO {self.table} (key, count, expires_at) VALUES (%s, 1, %s)
                    ON CONFLICT (key) DO UPDATE SET count = 1, expires_at = EXCLUDED.expires_at""",
                [key, _now() + timedelta(seconds=ttl)])

    def delete(self, key: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table} WHERE key = %s", [key])


class RedisStore:
    prefix = "b2b:rate:"
    # Decrement only a live counter: DECR on a missing key would make one without expiry.
    _REFUND = ("if (tonumber(redis.call('GET', KEYS[1]) or '0')) > 0 then "
               "return redis.call('DECR', KEYS[1]) end return 0")

    def __init__(self, url: str):
        import redis

        self.client = redis.Redis.from_url(url)
        self._refund = self.client.register_script(self._REFUND)

    def hit(self, key: str, window: int) -> Count:
        pipe = self.client.pipeline(transaction=True)
        pipe.set(self.prefix + key, 0, ex=window, nx=True)
        pipe.incr(self.prefix + key)
        pipe.pttl(self.prefix + key)
        _, value, pttl = pipe.execute()
        return Count(int(value), max(1, math.ceil(pttl / 1000)))

    def refund(self, key: str) -> None:
        self._refund(keys=[self.prefix + key])

    def peek(self, key: str) -> Count | None:
        pipe = self.client.pipeline(transaction=True)
        pipe.get(self.prefix + key)
        pipe.pttl(self.prefix + key)
        value, pttl = pipe.execute()
        if value is None:
            return None
        return Count(int(value), max(1, math.ceil(pttl / 1000)))

    def mark(self, key: str, ttl: int) -> None:
        self.client.set(self.prefix + key, 1, ex=ttl)

    def delete(self, key: str) -> None:
        self.client.delete(self.prefix + key)


@cache
def _redis_store(url: str) -> RedisStore:
    return RedisStore(url)


def store() -> Store:
    """The configured store: Redis with ``REDIS_URL``, else the database."""
    if settings.REDIS_URL:
        return _redis_store(settings.REDIS_URL)
    return DatabaseStore()
