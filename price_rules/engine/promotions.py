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
    return _apply_in_order(price, sorted(promotions, key=_application_order))


def _application_order(promotion: Promotion) -> tuple[bool, int]:
    return (promotion.kind is DiscountKind.FIXED, promotion.id)


def _apply_in_order(price: Decimal, ordered: Iterable[Promotion]) -> Decimal:
    result = price
    for promotion in ordered:
        if promotion.kind is DiscountKind.PERCENT:
            result = result * (1 - promotion.value / HUNDRED)
        else:
            result = result - promotion.value
    return round_half_up(max(result, ZERO))


@dataclass(frozen=True, slots=True)
class PromotionPlan:
    """``best_promoted``'s choices for some promotions in one currency, made once and
    applied to many prices (a variant's tiers): the exclusive ones, and the stacking ones
    by id and in the order they apply."""

    exclusive: tuple[Promotion, ...]
    stacking: tuple[Promotion, ...]
    stacking_order: tuple[Promotion, ...]

    def apply(self, price: Decimal) -> Promoted:
        if not self.exclusive and not self.stacking:
            return Promoted(price, ())
        options = [Promoted(_apply_in_order(price, (p,)), (p,)) for p in self.exclusive]
        if self.stacking:
            options.append(Promoted(_apply_in_order(price, self.stacking_order),
                                    self.stacking))
        return min(options, key=_cheapest)


def _cheapest(option: Promoted) -> tuple[Decimal, int, tuple[int, ...]]:
    return (option.price, len(option.promotions), tuple(p.id for p in option.promotions))


def promotion_plan(promotions: Iterable[Promotion], currency: str) -> PromotionPlan:
    """The plan of the promotions that apply (already filtered to the buyer, variant and
    day); fixed discounts in another currency than ``currency`` do not apply."""
    usable = sorted((p for p in promotions
                     if p.kind is DiscountKind.PERCENT or p.currency == currency),
                    key=lambda p: p.id)
    stacking = tuple(p for p in usable if p.stacking is Stacking.STACKS)
    return PromotionPlan(
        exclusive=tuple(p for p in usable if p.stacking is Stacking.BEST_PRICE_WINS),
        stacking=stacking, stacking_order=tuple(sorted(stacking, key=_application_order)))


def best_promoted(price: Decimal, currency: str,
                  promotions: Iterable[Promotion]) -> Promoted:
    """The price after the promotions that apply (already filtered to the buyer, variant
    and day); fixed discounts in another currency than ``currency`` do not apply."""
    return promotion_plan(promotions, currency).apply(price)


def applicable_promotions(promotions: Iterable[Promotion], seller_id: int, buyer: Buyer,
                          day: date) -> tuple[Promotion, ...]:
    """The seller's promotions that run on ``day`` for ``buyer`` (any variant)."""
    return tuple(p for p in promotions
                 if p.owner_id == seller_id and p.runs_on(day) and p.reaches(buyer))
