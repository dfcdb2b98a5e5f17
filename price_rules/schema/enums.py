"""GraphQL enums of the price rules' choices, named after their models' choices."""

from __future__ import annotations

import graphene

from ..models import DiscountKind, PriceListKind, RecomputeStatus, Rounding, Stacking


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(c.value, c.value) for c in choices], description=description)


PriceListKindEnum = _enum("PriceListKind", PriceListKind,
                          "PURCHASE: the owner's prices to the organizations below it; "
                          "RESALE: a dealer's prices to its sub-dealers, bound by MAP.")
PromotionKindEnum = _enum("PromotionKind", DiscountKind,
                          "PERCENT: a percentage off; FIXED: an amount off each unit.")
StackingEnum = _enum("PromotionStacking", Stacking,
                     "BEST_PRICE_WINS: never combines; STACKS: combines with the other "
                     "stacking promotions.")
RoundingEnum = _enum("PriceRounding", Rounding, "CENT: to 0.01; WHOLE: to whole units.")
RecomputeStatusEnum = _enum("RecomputeStatus", RecomputeStatus,
                            "Where a recomputation of derived lists stands.")
