"""E-mail to people: queued when the transaction commits, sent by a Celery task.

``send_email_after_commit`` is how the code sends mail; ``send_email_now`` is for a task
that keeps its own outbox and must know whether the letter went (the notifications').
A rolled-back change sends nothing; a committed one is never turned into an error by its
e-mail: queueing and sending failures are logged, and the task retries while the mail
server may recover (``backend.core.tasks.send_email``, where the message is built).
"""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

from .tasks import deliver, send_email
from .text import single_line

logger = logging.getLogger(__name__)


def send_email_after_commit(to: list[str], subject: str, body: str) -> None:
    """Send ``body`` to ``to`` once the current transaction commits (at once outside
    one). Never raises into the caller, now or at commit."""
    transaction.on_commit(partial(_enqueue, list(to), subject, body))


def _enqueue(to: list[str], subject: str, body: str) -> None:
    try:
        send_email.delay(to, subject, body)
    except Exception:  # the broker is down, say: the change is committed, log the loss
        logger.exception("e-mail could not be queued",
                         extra={"recipients": to, "subject": single_line(subject)})


def send_email_now(to: list[str], subject: str, body: str, *, message_id: str = "") -> None:
    """Deliver at once, in the calling task; raises OSError when the mail server fails,
    for the caller to retry (it keeps track of what was sent)."""
    deliver(list(to), subject, body, message_id)
