"""The credit hook's answer, and what an order placed with it carries.

``credit_check`` (a chain hook, see ``backend/core/plugins/hooks.py``) is asked inside the
placing transaction whether the buyer may owe its seller an order's grand total more. The
credit plugin answers with a ``CreditVerdict``; with no plugin (or no credit account
between the two) the answer is None and the order is placed as before. ``hold_of`` turns
the verdict into the order's ``credit_hold`` or the refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import models

from backend.core.errors import DomainValidationError


class CreditDecision(StrEnum):
    ALLOW = "ALLOW"  # within the available credit
    REFUSE = "REFUSE"  # over it, and the seller refuses such orders: nothing is saved
    OVER_LIMIT = "OVER_LIMIT"  # over it: placed, flagged for the seller's moderator
    CARD_REQUIRED = "CARD_REQUIRED"  # over it: placed, to be paid by card before confirming


class CreditHold(models.TextChoices):
    NONE = "NONE", "none"
    OVER_LIMIT = "OVER_LIMIT", "over the credit limit: the seller's moderator decides"
    CARD_REQUIRED = "CARD_REQUIRED", "over the credit limit: to be paid by card first"


@dataclass(frozen=True)
class CreditVerdict:
    decision: CreditDecision
    # For the buyer: why it is refused or held («Available credit 12,000.00 RUB; the
    # order is 40,000.00 RUB»).
    message: str = ""


def hold_of(verdict: CreditVerdict | None, code: str, field: str | None = None) -> str:
    """The order's ``credit_hold`` for ``verdict``; a refusal raises ``code``."""
    if verdict is None or verdict.decision == CreditDecision.ALLOW:
        return CreditHold.NONE
    if verdict.decision == CreditDecision.REFUSE:
        raise DomainValidationError.single(
            code, verdict.message or "The order exceeds your available credit.", field)
    return CreditHold(verdict.decision.value)
