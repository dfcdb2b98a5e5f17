"""The notifications as in production: the event commits, its task is queued in a real
Redis, a real Celery worker writes the in-app notifications and sends the e-mail through
a real SMTP server. And the fault: a worker killed (SIGKILL) in the middle of the task,
another started: every notification is there once and every e-mail was sent once.

Nothing here waits by sleeping: each step waits, with a deadline, for the state it reads
(a file the paused task writes, rows, the SMTP server's deliveries, the broker's queues).
"""

from __future__ import annotations

import pytest
import redis

from backend.orders.models import OrderEvent
from plugins.notifications.models import DeliveryStatus, EmailDelivery, Notification
from tests.fixtures.notification_worker import *  # noqa: F403
from tests.fixtures.waiting_orders import *  # noqa: F403
from tests.fixtures.waiting_orders import place_waiting
from tests.fixtures.worker import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def approvers_told(order) -> list[tuple[str, str]]:
    return sorted(Notification.objects.filter(order=order).values_list(
        "recipient__email", "event_type"))


def broker_idle(url: str) -> bool:
    """No task waiting in the queue, none taken and unacknowledged."""
    client = redis.Redis.from_url(url)
    try:
        return client.llen("celery") == 0 and client.hlen("unacked") == 0
    finally:
        client.close()


def test_a_worker_tells_the_approvers_in_the_portal_and_by_email(
        celery_worker, smtp_server, approval_world):
    order = place_waiting(approval_world)

    wait_for(lambda: len(smtp_server.delivered) == 2, 15,
             "the worker delivered no e-mail", celery_worker.log)
    assert sorted(m["To"] for m in smtp_server.delivered) == [
        "admin@sub-a.test", "approver@sub-a.test"]
    assert approvers_told(order) == [("admin@sub-a.test", "APPROVAL_REQUESTED"),
                                     ("approver@sub-a.test", "APPROVAL_REQUESTED")]
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {
        DeliveryStatus.SENT}


@pytest.mark.parametrize("point", ["sending", "sent"])
def test_a_worker_killed_mid_task_leaves_every_notification_sent_once_after_restart(
        point, worker_factory, smtp_server, redis_server, approval_world, tmp_path):
    gate = tmp_path / "gate"
    gate.touch()
    first = worker_factory(NOTIFICATIONS_PAUSE_AT=point, NOTIFICATIONS_PAUSE_FILE=str(gate))
    order = place_waiting(approval_world)
    event = OrderEvent.objects.get(order=order, event_type="APPROVAL_REQUESTED")

    # The task decided (notifications and outbox committed); "sending": the first e-mail
    # is marked SENT in a transaction not committed, about to go; "sent": it went and its
    # mark is committed, the second not yet. Kill the worker there: the task is not
    # acknowledged.
    wait_for(lambda: (tmp_path / "gate.reached").exists(), 30,
             f"the task did not reach the point {point!r}", first.log)
    first.kill()
    statuses = dict(EmailDelivery.objects.filter(event=event).values_list("to", "status"))
    if point == "sending":
        assert smtp_server.delivered == []
        assert set(statuses.values()) == {DeliveryStatus.PENDING}  # the mark rolled back
    else:
        [first_letter] = smtp_server.delivered
        assert statuses == {"admin@sub-a.test": DeliveryStatus.PENDING,
                            "approver@sub-a.test": DeliveryStatus.PENDING,
                            first_letter["To"]: DeliveryStatus.SENT}
    assert len(approvers_told(order)) == 2

    second = worker_factory()  # no pause; the lost message is delivered to it again

    wait_for(lambda: not EmailDelivery.objects.filter(
        event=event).exclude(status=DeliveryStatus.SENT).exists(), 30,
        "the restarted worker did not send the pending e-mails", second.log)
    wait_for(lambda: broker_idle(redis_server), 30,
             "the broker still holds the task", second.log)
    assert sorted(m["To"] for m in smtp_server.delivered) == [
        "admin@sub-a.test", "approver@sub-a.test"]
    assert approvers_told(order) == [("admin@sub-a.test", "APPROVAL_REQUESTED"),
                                     ("approver@sub-a.test", "APPROVAL_REQUESTED")]
    assert "notifications.deliver_event" in second.log()
