"""Delivering one order event: decide who is told, write the in-app notifications and the
e-mail outbox in one transaction, then send each pending e-mail.

Celery delivers the task at least once (``acks_late``: a message is acknowledged only
after the task returns, so a worker killed mid-task leaves it to be delivered again), so
every step may run twice and must change nothing the second time:

1. Deciding writes ``Notification`` and ``EmailDelivery`` rows with unique (event,
   recipient) keys, ignoring conflicts: a second run finds them written and adds nothing.
2. Each PENDING e-mail is marked SENT, then sent, in one transaction: the mark holds the
   row's lock until the commit (a second copy of the task running at the same time waits
   for it, then finds the row SENT and skips it). A worker killed before the mail server
   accepted the letter rolls the transaction back: the row stays PENDING and the
   redelivered task sends it.

The one window left is between the mail server's acceptance and the commit (a worker
killed in those microseconds, or the database gone just then): SMTP has no transaction
to join, so that letter would go twice. It carries the same Message-ID both times, so a
mail server or client can drop the repeat.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from backend.core.mail import send_email_now
from backend.orders.models import OrderEvent

from ..models import DeliveryStatus, EmailDelivery, Notification
from ..pause import pause_point
from ..recipients import recipients
from ..texts import language_of, letter, texts
from .preferences import channels_of

logger = logging.getLogger(__name__)


def load_event(event_id: int) -> OrderEvent | None:
    return (OrderEvent.objects
            .select_related("user", "order", "order__buyer", "order__seller",
                            "order__placed_by")
            .filter(pk=event_id).first())


def decide(event: OrderEvent, *, email: bool = True) -> int:
    """Write the event's notifications and its outbox (once, whatever runs again); the
    number of notifications written. ``email=False``: in the portal only (the demo's
    history)."""
    people = recipients(event)
    channels = channels_of({(person.user.pk, person.topic) for person in people})
    notes, letters = [], []
    for person in people:
        if channels[(person.user.pk, person.topic)][1]:
            notes.append(Notification(recipient=person.user, event=event,
                                      order_id=event.order_id, event_type=event.event_type,
                                      topic=person.topic,
                                      texts=texts(event, person.told_as)))
        if email and channels[(person.user.pk, person.topic)][0] and person.user.email:
            made = letter(event, person.told_as, language_of(person.user))
            letters.append(EmailDelivery(event=event, recipient=person.user,
                                         to=person.user.email, subject=made.title[:300],
                                         body=made.body))
    with transaction.atomic():
        Notification.objects.bulk_create(notes, ignore_conflicts=True)
        EmailDelivery.objects.bulk_create(letters, ignore_conflicts=True)
    return len(notes)


def send_pending(event_id: int) -> int:
    """Send the event's e-mails still pending; how many this call sent. A mail server's
    refusal (OSError) leaves the rest pending and reaches the caller, to retry."""
    sent = 0
    pending = list(EmailDelivery.objects.filter(event_id=event_id,
                                                status=DeliveryStatus.PENDING).order_by("pk"))
    if not pending:
        return 0
    with _commits_without_waiting_for_disk():
        for delivery in pending:
            with transaction.atomic():
                # Marking it SENT first takes the row's lock until the commit: a second
                # copy of the task waits here, then finds it SENT; a worker killed while
                # sending rolls the mark back.
                claimed = (EmailDelivery.objects
                           .filter(pk=delivery.pk, status=DeliveryStatus.PENDING)
                           .update(status=DeliveryStatus.SENT, sent_at=timezone.now(),
                                   attempts=F("attempts") + 1))
                if not claimed:
                    continue
                pause_point("sending")
                send_email_now([delivery.to], delivery.subject, delivery.body,
                               message_id=delivery.message_id)
                sent += 1
            pause_point("sent")
    return sent


@contextmanager
def _commits_without_waiting_for_disk() -> Iterator[None]:
    """The SENT marks' commits do not wait for the write-ahead log to reach the disk
    (PostgreSQL's ``synchronous_commit = off`` for this session while sending): other
    sessions see them at once, and a worker killed after one changes nothing; only a crash
    of the database server itself within a fraction of a second could lose a mark, leaving
    its row PENDING with the message acknowledged (no repeat). Waiting for the disk on
    each letter was most of a task's time on a busy server."""
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def deliver_event(event_id: int) -> int:
    """Everything event ``event_id`` calls for; the number of e-mails sent now."""
    event = load_event(event_id)
    if event is None:
        return 0
    decide(event)
    pause_point("decided")
    return send_pending(event_id)


def give_up(event_id: int) -> None:
    """The mail server kept refusing: the pending letters are lost, say so once."""
    failed = EmailDelivery.objects.filter(event_id=event_id, status=DeliveryStatus.PENDING
                                          ).update(status=DeliveryStatus.FAILED)
    logger.error("order event e-mails not delivered, giving up",
                 extra={"event_id": event_id, "deliveries": failed})
