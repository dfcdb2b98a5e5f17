"""The notifications' Celery task: one per order event, enqueued after its commit.

``acks_late`` with ``reject_on_worker_lost``: the message is acknowledged only once the
task has returned, so a worker killed mid-task (or a prefork child lost) leaves the
message to be delivered again (to a worker restarting, or after the broker's visibility
timeout, ``CELERY_VISIBILITY_TIMEOUT``). ``services/delivery.py`` makes a second run
send nothing twice.
"""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import Retry
from django.conf import settings

from .services import delivery


@shared_task(bind=True, name="notifications.deliver_event", ignore_result=True,
             acks_late=True, reject_on_worker_lost=True)
def deliver_event(self, event_id: int) -> int | Retry:
    """Tell everyone event ``event_id`` concerns; when the mail server refuses, retry as
    the core's e-mail task does (``EMAIL_SEND_RETRIES``, the delay doubled each time)."""
    try:
        return delivery.deliver_event(event_id)
    except OSError as exc:
        if self.request.retries >= settings.EMAIL_SEND_RETRIES:
            delivery.give_up(event_id)
            return 0
        delay = settings.EMAIL_RETRY_DELAY_SECONDS * 2 ** self.request.retries
        return self.retry(exc=exc, countdown=delay, max_retries=settings.EMAIL_SEND_RETRIES,
                          throw=not self.request.is_eager)
