"""The credit plugin's Celery tasks: ``credit.mark_overdue``, daily on the beat
(``CELERY_BEAT_SCHEDULE``), marks the invoices past their due date and tells their buyers;
``credit.compare_statement`` compares a partner's uploaded statement with the ledger."""

from __future__ import annotations

from celery import shared_task

from .services import comparisons, overdue


@shared_task(name="credit.mark_overdue", ignore_result=True)
def mark_overdue() -> int:
    return overdue.mark_overdue()


@shared_task(name="credit.compare_statement", ignore_result=True)
def compare_statement(comparison_id: int) -> None:
    """Compare an uploaded partner's statement with the ledger (``services/comparisons``);
    a comparison already finished is left as it is."""
    comparisons.run_comparison(comparison_id)
