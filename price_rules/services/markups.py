"""A dealer's resale markup: the price for its buyers of the variants none of its resale
lists prices, as a formula over its own purchase price ("+ 25%")."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from backend.accounts.models import Organization
from backend.core.errors import ErrorCollector

from .. import engine
from ..models import ResaleMarkup, Rounding
from .common import Code


@dataclass(kw_only=True)
class MarkupData:
    factor: Decimal = Decimal(1)
    percent: Decimal = Decimal(0)
    amount: Decimal = Decimal(0)
    rounding: str = Rounding.CENT


@transaction.atomic
def set_resale_markup(actor: Organization, data: MarkupData) -> ResaleMarkup:
    """Create or change ``actor``'s markup (one per organization)."""
    errors = ErrorCollector()
    if actor.parent_id is None:
        errors.add(Code.INVALID, "The manufacturer buys from nobody: a markup over its "
                                 "purchase price means nothing.", "id")
    if data.rounding not in Rounding.values:
        errors.add(Code.INVALID, f"Unknown rounding '{data.rounding}'.", "rounding")
    elif not engine.PriceFormula(data.factor, data.percent, data.amount).is_valid:
        errors.add(Code.INVALID_FORMULA, "A markup's factor must be above zero and its "
                                         "percentage above -100.", "percent")
    errors.raise_if_any()
    markup, _ = ResaleMarkup.objects.update_or_create(
        organization=actor, defaults={"factor": data.factor, "percent": data.percent,
                                      "amount": data.amount, "rounding": data.rounding})
    return markup


@transaction.atomic
def clear_resale_markup(actor: Organization) -> None:
    ResaleMarkup.objects.filter(organization=actor).delete()
