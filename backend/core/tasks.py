"""Celery tasks of the core: e-mail delivery with retries.

Code sends mail through ``backend.core.mail.send_email_after_commit``, which queues
``send_email``; ``deliver`` is the one place a message is built, so header values are
made single-line here, whatever names they were built from.
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import Retry
from django.conf import settings
from django.core.mail import EmailMessage

from .text import single_line

logger = logging.getLogger(__name__)


def deliver(to: list[str], subject: str, body: str, message_id: str = "") -> None:
    """Send one message now through ``settings.EMAIL_BACKEND`` (raises on failure).
    ``message_id``: the same for every attempt at one letter, so a repeat is recognisable."""
    headers = {"Message-ID": single_line(message_id)} if message_id else None
    EmailMessage(subject=single_line(subject), body=body, to=to, headers=headers).send()


@shared_task(bind=True, name="core.send_email", ignore_result=True)
def send_email(self, to: list[str], subject: str, body: str) -> bool | Retry:
    """Deliver one e-mail. When the mail server fails (a network or SMTP error), retry
    ``EMAIL_SEND_RETRIES`` times, waiting ``EMAIL_RETRY_DELAY_SECONDS`` doubled each
    time; then log the message as lost. Returns whether it was delivered (or the retry);
    never raises anything but Celery's retry in a worker."""
    attempt = self.request.retries + 1
    context = {"recipients": to, "subject": single_line(subject), "attempt": attempt}
    try:
        deliver(to, subject, body)
    except OSError as exc:  # smtplib's errors and refused or dropped connections
        if self.request.retries >= settings.EMAIL_SEND_RETRIES:
            logger.error("e-mail not delivered, giving up after %d attempts: %s", attempt,
                         exc, extra=context)
            return False
        delay = settings.EMAIL_RETRY_DELAY_SECONDS * 2 ** self.request.retries
        logger.warning("e-mail not delivered (attempt %d), retrying in %d s: %s", attempt,
                       delay, exc, extra=context)
        # A worker takes a raised Retry as "run me again later". Run eagerly (no
        # REDIS_URL), Celery runs a returned Retry again at once, while a raised one would
        # reach the caller (CELERY_TASK_EAGER_PROPAGATES).
        return self.retry(exc=exc, countdown=delay, max_retries=settings.EMAIL_SEND_RETRIES,
                          throw=not self.request.is_eager)
    except Exception:  # the message itself is wrong: trying again cannot help
        logger.exception("e-mail not delivered, not retrying", extra=context)
        return False
    logger.info("e-mail delivered", extra=context)
    return True
