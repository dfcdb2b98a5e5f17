"""GraphQL types of the viewer's prices (built from ``viewer_prices``' plain objects)."""

from __future__ import annotations

import graphene

from .enums import PromotionKindEnum


class PriceTierType(graphene.ObjectType):
    """One quantity tier of the viewer's price: from minQuantity units, this unit price."""

    min_quantity = graphene.Decimal(required=True)
    net = graphene.Decimal(required=True, description="Unit price without VAT, promotions "
                                                      "applied.")
    gross = graphene.Decimal(required=True, description="Unit price with VAT.")

    class Meta:
        name = "PriceTier"


class AppliedPromotionType(graphene.ObjectType):
    """A promotion that lowers the viewer's price (only promotions of the viewer's own
    seller; never a promotion the seller itself received from above)."""

    id = graphene.ID(required=True, description="Global id of the Promotion.")
    name = graphene.String(required=True)
    kind = graphene.Field(PromotionKindEnum, required=True)
    value = graphene.Decimal(required=True,
                             description="Percent (e.g. 10) or the fixed amount per unit.")
    valid_until = graphene.Date(description="Last day, null when open-ended.")

    class Meta:
        name = "AppliedPromotion"


class VariantPriceType(graphene.ObjectType):
    """The viewer's price of a variant at a quantity."""

    currency = graphene.String(required=True, description="ISO 4217, e.g. RUB.")
    net = graphene.Decimal(required=True, description="Unit price without VAT after "
                                                      "promotions and the MAP floor.")
    gross = graphene.Decimal(required=True, description="Unit price with VAT.")
    vat_rate = graphene.Decimal(required=True, description="Percent, e.g. 20.")
    prices_include_vat = graphene.Boolean(
        required=True, description="The seller states its prices with VAT (show gross first).")
    list_net = graphene.Decimal(required=True, description="Before promotions (show struck "
                                                           "out when it differs).")
    list_gross = graphene.Decimal(required=True)
    min_quantity = graphene.Decimal(description="The tier used; null when priced by the "
                                                "seller's markup rule.")
    unit = graphene.String(description="Unit of sale if the list states one, else null.")
    next_tier = graphene.Field(PriceTierType,
                               description="The next cheaper tier, or null.")
    promotions = graphene.List(graphene.NonNull(AppliedPromotionType), required=True)

    class Meta:
        name = "VariantPrice"


class PriceRangeType(graphene.ObjectType):
    """The range of the viewer's prices (at each variant's minimum order) over a product's
    visible variants."""

    currency = graphene.String(required=True)
    min_net = graphene.Decimal(required=True)
    max_net = graphene.Decimal(required=True)
    min_gross = graphene.Decimal(required=True)
    max_gross = graphene.Decimal(required=True)
    prices_include_vat = graphene.Boolean(required=True)
    has_promotion = graphene.Boolean(required=True,
                                     description="Some variant's price has a promotion.")

    class Meta:
        name = "PriceRange"
