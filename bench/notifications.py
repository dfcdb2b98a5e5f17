"""W-notif: the notifications of 1,000 order events delivered by ONE real Celery worker.

    python -m bench.notifications [--events 1000] [--runs 1]

As in production: the events are recorded and committed (100 to a transaction), each
commit queues one ``notifications.deliver_event`` task per event in a real Redis
(Debian's redis-server, ``make redis-server``); one ``celery -A backend worker --pool
solo`` takes them one by one, writes the in-app notifications and sends every e-mail
through a real SMTP server (aiosmtpd, in this process). Timed: from the first commit until
every notification is written, every e-mail is marked SENT and the broker holds no task
(queued or unacknowledged). Target: under 30 s.

It writes, so it runs in a database of its own, ``b2b_bench_notifications`` (with
``DATABASE_URL`` set, that one), on the embedded server: a manufacturer with two order
moderators, a dealer with a buyer, an approver and an admin, 100 orders of the dealer;
the events alternate between the two sides (a proposal and unit moves by the
manufacturer's staff to the dealer's three people, a comment and an answer by the dealer's
buyer to the two moderators): 2,500 notifications and 2,500 e-mails for 1,000 events.
Each run removes the previous run's events and what they sent.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DATABASE = "b2b_bench_notifications"
TARGET_S = 30.0
ORDERS = 100
REPO_ROOT = Path(__file__).resolve().parents[1]
# (event type, whose side acts): the manufacturer's staff, or the dealer's buyer.
PATTERN = (("PROPOSED", "staff"), ("COMMENTED", "buyer"), ("UNITS_MOVED", "staff"),
           ("PROPOSAL_ACCEPTED", "buyer"))


@dataclass(frozen=True)
class Run:
    seconds: float
    enqueue_seconds: float
    notifications: int
    emails: int


@dataclass(frozen=True)
class NotificationsResult:
    events: int
    concurrency: int
    runs: tuple[Run, ...]

    @property
    def median_s(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def passed(self) -> bool:
        return self.median_s < TARGET_S

    def report(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        lines = [f"W-notif notifications: {self.events:,} order events, one real worker "
                 f"(prefork pool of {self.concurrency}), real Redis and SMTP "
                 f"({len(self.runs)} runs)"]
        for n, run in enumerate(self.runs, 1):
            lines.append(
                f"  run {n}: {run.seconds:6.2f} s  ({run.seconds / self.events * 1000:5.2f} "
                f"ms an event, {self.events / run.seconds:6.1f} events/s; queued in "
                f"{run.enqueue_seconds:5.2f} s)   {run.notifications:,} notifications, "
                f"{run.emails:,} e-mails")
        lines.append(f"  target: every notification and e-mail of {self.events:,} events "
                     f"delivered in < {TARGET_S:.0f} s -> median {self.median_s:.2f} s "
                     f"{verdict}")
        return "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} within {timeout:.0f} s")
        time.sleep(0.02)


def _start_redis() -> tuple[subprocess.Popen, str]:
    import redis

    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed: run `make redis-server`")
    port = _free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port, socket_connect_timeout=0.2)

    def answers() -> bool:
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False

    _wait(answers, 10, "redis-server did not answer")
    return process, f"redis://127.0.0.1:{port}/0"


class _Sink:
    """An SMTP server that accepts and counts."""

    def __init__(self) -> None:
        self.delivered = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd's handler API
        self.delivered += 1
        return "250 2.0.0 OK"


def _world():
    """The manufacturer's two moderators, the dealer's people and its orders (made once)."""
    from django.utils import timezone

    from backend.accounts.inn import complete_inn
    from backend.accounts.models import Membership, Organization, Role, User
    from backend.core.permissions import Perm
    from backend.orders.models import Order, OrderStatus

    factory = Organization.objects.filter(parent__isnull=True).first()
    if factory is None:
        factory = Organization(name="Завод", legal_name='ООО "Завод"',
                               inn=complete_inn("100000001"), kind="MANUFACTURER")
        factory.save()
        dealer = Organization(name="Дилер", legal_name='ООО "Дилер"',
                              inn=complete_inn("100000002"), kind="DEALER", parent=factory)
        dealer.save()
        for n in (1, 2):
            User.objects.create_user(f"moderator{n}@bench.local", "bench12345",
                                     is_staff=True,
                                     staff_permissions=[Perm.MODERATE_ORDERS.value])
        for role in (Role.BUYER, Role.APPROVER, Role.ADMIN):
            user = User.objects.create_user(f"{role.lower()}@dealer.bench.local",
                                            "bench12345", language="en")
            Membership.objects.create(user=user, organization=dealer, role=role)
        buyer = User.objects.get(email="buyer@dealer.bench.local")
        Order.objects.bulk_create(Order(
            seller=factory, buyer=dealer, year=2026, serial=n, status=OrderStatus.PLACED,
            placed_by=buyer, placed_as=dealer, idempotency_key=f"bench-{n}", currency="RUB",
            vat_rate=20, subtotal_net=1000, total_net=1000, total_vat=200, total_gross=1200,
            grand_total_gross=1200, placed_at=timezone.now()) for n in range(1, ORDERS + 1))
    dealer = Organization.objects.get(parent=factory)
    staff = User.objects.get(email="moderator1@bench.local")
    buyer = User.objects.get(email="buyer@dealer.bench.local")
    orders = list(Order.objects.filter(seller=factory).order_by("pk"))
    return dealer, staff, buyer, orders


def _clean() -> None:
    from backend.orders.models import OrderEvent
    from plugins.notifications.models import EmailDelivery, Notification

    Notification.objects.all().delete()
    EmailDelivery.objects.all().delete()
    OrderEvent.objects.all().delete()


def _record(events: int, dealer, staff, buyer, orders) -> None:
    from django.db import transaction

    from backend.orders.services.events import record

    for start in range(0, events, 100):
        with transaction.atomic():
            for n in range(start, min(start + 100, events)):
                event_type, side = PATTERN[n % len(PATTERN)]
                user, acting_as = (staff, None) if side == "staff" else (buyer, dealer)
                record(orders[n % len(orders)], event_type, user=user, acting_as=acting_as,
                       message=f"bench {n}", after={"moderation_state": "ON_MODERATION"})


def _expected(events: int) -> int:
    """People told per event: the dealer's three for the staff's events, the two
    moderators for the buyer's."""
    return sum(3 if PATTERN[n % len(PATTERN)][1] == "staff" else 2 for n in range(events))


def _one_run(events: int, redis_url: str, sink: _Sink) -> Run:
    import redis

    from plugins.notifications.models import DeliveryStatus, EmailDelivery, Notification

    _clean()
    world = _world()
    sink.delivered = 0
    expected = _expected(events)
    client = redis.Redis.from_url(redis_url)

    def done() -> bool:
        return (Notification.objects.count() == expected
                and EmailDelivery.objects.filter(status=DeliveryStatus.SENT).count() == expected
                and client.llen("celery") == 0 and client.hlen("unacked") == 0)

    started = time.perf_counter()
    _record(events, *world)
    queued = time.perf_counter() - started
    _wait(done, 120, "the worker did not deliver every notification")
    seconds = time.perf_counter() - started
    if sink.delivered != expected:
        raise SystemExit(f"the SMTP server received {sink.delivered} e-mails, not {expected}")
    return Run(seconds, queued, Notification.objects.count(), sink.delivered)


def run(events: int = 1000, runs: int = 1, concurrency: int = 4) -> NotificationsResult:
    """Needs ``REDIS_URL`` (the Redis ``main`` started) and ``DATABASE_URL`` set."""
    from aiosmtpd.controller import Controller

    redis_url = os.environ["REDIS_URL"]
    sink = _Sink()
    smtp_port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = {**os.environ, "REDIS_URL": redis_url,
           "DATABASE_URL": os.environ["DATABASE_URL"],
           "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
           "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port), "EMAIL_USE_TLS": "",
           "EMAIL_USE_SSL": "", "CELERY_SKIP_CHECKS": "1", "DEBUG": "0",
           "LOG_LEVEL": "WARNING"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "backend", "worker", "--pool", "prefork",
         "--concurrency", str(concurrency),
         "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel",
         "WARNING", "--hostname", f"bench-{os.getpid()}@localhost"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from backend.celery import app

        _wait(lambda: bool(app.control.ping(timeout=0.5)) or worker.poll() is not None,
              60, "the worker did not start")
        if worker.poll() is not None:
            raise SystemExit("the worker exited at start-up")
        return NotificationsResult(events, concurrency, tuple(
            _one_run(events, redis_url, sink) for _ in range(runs)))
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        controller.stop()


def main() -> int:
    from bench import cli

    if not os.environ.get("DATABASE_URL"):
        from backend.devdb import ensure_database_url

        os.environ["DATABASE_URL"] = ensure_database_url(database=DATABASE)
    # Started before Django is set up: the settings read the broker from REDIS_URL.
    redis_process, os.environ["REDIS_URL"] = _start_redis()
    try:
        return cli("python -m bench.notifications", __doc__, run, events=1000, runs=1,
                   concurrency=4)
    finally:
        redis_process.terminate()
        redis_process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
