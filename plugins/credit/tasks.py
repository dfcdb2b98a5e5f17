"""The credit plugin's Celery tasks."""

from __future__ import annotations

from celery import shared_task

from .services import comparisons


@shared_task(name="credit.compare_statement", ignore_result=True)
def compare_statement(comparison_id: int) -> None:
    """Compare an uploaded partner's statement with the ledger (``services/comparisons``);
    a comparison already finished is left as it is."""
    comparisons.run_comparison(comparison_id)
