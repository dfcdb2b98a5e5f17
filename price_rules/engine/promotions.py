"""Promotions on one price, by each promotion's stated stacking policy. Pure.

The promotions that combine (``STACKS``) are applied together: percentages first,
compounded, then fixed amounts, in id order, never below zero, rounded once at the end
(half up, to 0.01). Each ``BEST_PRICE_WINS`` promotion is an alternative on its own. The
buyer gets the cheapest alternative; on a tie, the one with fewer promotions, then the lower
ids (so the answer never depends on input order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .amounts import HUNDRED, ZERO, round_half_up
from .types import Buyer, DiscountKind, Promotion, Stacking


@dataclass(frozen=True, slots=True)
class Promoted:
    price: Decimal
    promotions: tuple[Promotion, ...]


def apply_together(price: Decimal, promotions: Iterable[Promotion]) -> Decimal:
    ordered = sorted(promotions, key=lambda p: (p.kind is DiscountKind.FIXED, p.id))
    result = price
    for promotion in ordered:
        if promotion.kind is DiscountKind.PERCENT:
            result = result * (1 - promotion.value / HUNDRED)
        else:
            result = result - promotion.value
    return round_half_up(max(result, ZERO))


def best_promoted(price: Decimal, currency: str,
                  promotions: Iterable[Promotion]) -> Promoted:
    """The price after the promotions that apply (already filtered to the buyer, variant
    and day); fixed discounts in another currency than ``currency`` do not apply."""
    usable = sorted((p for p in promotions
                     if p.kind is DiscountKind.PERCENT or p.currency == currency),
                    key=lambda p: p.id)
    if not usable:
        return Promoted(price, ())
    stacking = tuple(p for p in usable if p.stacking is Stacking.STACKS)
    options = [Promoted(apply_together(price, (p,)), (p,))
               for p in usable if p.stacking is Stacking.BEST_PRICE_WINS]
    if stacking:
        options.append(Promoted(apply_together(price, stacking), stacking))
    return min(options, key=lambda o: (o.price, len(o.promotions),
                                       tuple(p.id for p in o.promotions)))


def applicable_promotions(promotions: Iterable[Promotion], seller_id: int, buyer: Buyer,
                          day: date) -> tuple[Promotion, ...]:
    """The seller's promotions that run on ``day`` for ``buyer`` (any variant)."""
    return tuple(p for p in promotions
                 if p.owner_id == seller_id and p.runs_on(day) and p.reaches(buyer))
