"""The credit plugin's Celery tasks: ``credit.mark_overdue``, daily on the beat
(``CELERY_BEAT_SCHEDULE``), marks the invoices past their due date and tells their buyers."""

from __future__ import annotations

from celery import shared_task

from .services import overdue


@shared_task(name="credit.mark_overdue", ignore_result=True)
def mark_overdue() -> int:
    return overdue.mark_overdue()
