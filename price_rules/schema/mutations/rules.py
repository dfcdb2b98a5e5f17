"""A dealer's resale markup, promotions and volume discounts."""

from __future__ import annotations

from decimal import Decimal

import graphene

from backend.accounts.schema.types import OrganizationType
from backend.catalog.schema.types import CategoryType, ProductObjectType, ProductVariantType

from ...services.markups import MarkupData, clear_resale_markup, set_resale_markup
from ...services.promotions import PromotionData, delete_promotion, save_promotion
from ...services.volume_discounts import (
    VolumeDiscountData,
    delete_volume_discount,
    save_volume_discount,
)
from ..enums import PromotionKindEnum, RoundingEnum, StackingEnum
from ..types import PriceGroupType, PromotionType, ResaleMarkupType, VolumeDiscountType
from .base import PriceRulesMutation, acting_organization


class ResaleMarkupInput(graphene.InputObjectType):
    factor = graphene.Decimal(default_value=Decimal(1))
    percent = graphene.Decimal(default_value=Decimal(0), description="E.g. 25 for +25%.")
    amount = graphene.Decimal(default_value=Decimal(0))
    rounding = graphene.Field(RoundingEnum, default_value=RoundingEnum.CENT)


class ResaleMarkupSet(PriceRulesMutation):
    markup = graphene.Field(ResaleMarkupType)

    class Arguments:
        input = ResaleMarkupInput(required=True)

    class Meta:
        description = ("Your buyers' price of the variants none of your resale lists prices: "
                       "your purchase price through this formula.")

    @classmethod
    def perform_mutation(cls, root, info, input):
        actor = acting_organization(info)
        return cls(markup=set_resale_markup(actor, MarkupData(**input)))


class ResaleMarkupClear(PriceRulesMutation):
    cleared = graphene.Boolean(required=True)

    class Meta:
        description = "Remove your markup: variants without a resale list get no price."

    failure_defaults = {"cleared": False}

    @classmethod
    def perform_mutation(cls, root, info):
        clear_resale_markup(acting_organization(info))
        return cls(cleared=True)


def _audience(info, input) -> dict:
    return {
        "audience_organizations": OrganizationType.get_visible_many(
            info, input.get("audience_organizations") or [], "audience_organizations"),
        "audience_price_groups": PriceGroupType.get_visible_many(
            info, input.get("audience_price_groups") or [], "audience_price_groups"),
        "audience_regions": input.get("audience_regions") or [],
    }


class PromotionInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    kind = graphene.Field(PromotionKindEnum, required=True)
    value = graphene.Decimal(required=True, description="Percent, or the amount per unit.")
    currency = graphene.String(description="Required for a FIXED discount.")
    stacking = graphene.Field(StackingEnum, default_value=StackingEnum.BEST_PRICE_WINS)
    starts = graphene.Date(required=True)
    ends = graphene.Date(required=True, description="The last day.")
    variants = graphene.List(graphene.NonNull(graphene.ID))
    products = graphene.List(graphene.NonNull(graphene.ID))
    categories = graphene.List(graphene.NonNull(graphene.ID),
                               description="With their subcategories.")
    audience_organizations = graphene.List(graphene.NonNull(graphene.ID))
    audience_price_groups = graphene.List(graphene.NonNull(graphene.ID))
    audience_regions = graphene.List(graphene.NonNull(graphene.String),
                                     description="Nobody chosen: every buyer.")


def _promotion_data(info, input) -> PromotionData:
    return PromotionData(
        name=input["name"], kind=input["kind"], value=input["value"],
        currency=input.get("currency") or "", stacking=input["stacking"],
        starts=input["starts"], ends=input["ends"],
        variants=ProductVariantType.get_visible_many(info, input.get("variants") or [],
                                                     "variants"),
        products=ProductObjectType.get_visible_many(info, input.get("products") or [],
                                                    "products"),
        categories=CategoryType.get_visible_many(info, input.get("categories") or [],
                                                 "categories"),
        **_audience(info, input))


class PromotionCreate(PriceRulesMutation):
    promotion = graphene.Field(PromotionType)

    class Arguments:
        input = PromotionInput(required=True)

    class Meta:
        description = ("Create a promotion for organizations below yours (a dealer's is "
                       "refused below the MAP floors, with every SKU).")

    @classmethod
    def perform_mutation(cls, root, info, input):
        actor = acting_organization(info)
        return cls(promotion=save_promotion(actor, None, _promotion_data(info, input)))


class PromotionUpdate(PriceRulesMutation):
    promotion = graphene.Field(PromotionType)

    class Arguments:
        id = graphene.ID(required=True)
        input = PromotionInput(required=True)

    class Meta:
        description = "Replace a promotion of yours."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        actor = acting_organization(info)
        promotion = PromotionType.get_visible(info, id)
        return cls(promotion=save_promotion(actor, promotion, _promotion_data(info, input)))


class PromotionDelete(PriceRulesMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a promotion of yours."

    @classmethod
    def perform_mutation(cls, root, info, id):
        actor = acting_organization(info)
        delete_promotion(actor, PromotionType.get_visible(info, id))
        return cls(deleted_id=id)


class VolumeDiscountStepInput(graphene.InputObjectType):
    threshold = graphene.Decimal(required=True, description="From this order total (net).")
    percent = graphene.Decimal(required=True)


class VolumeDiscountInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    currency = graphene.String(required=True)
    steps = graphene.List(graphene.NonNull(VolumeDiscountStepInput), required=True)
    starts = graphene.Date()
    ends = graphene.Date()
    audience_organizations = graphene.List(graphene.NonNull(graphene.ID))
    audience_price_groups = graphene.List(graphene.NonNull(graphene.ID))
    audience_regions = graphene.List(graphene.NonNull(graphene.String))


def _discount_data(info, input) -> VolumeDiscountData:
    return VolumeDiscountData(
        name=input["name"], currency=input["currency"],
        steps=[(step["threshold"], step["percent"]) for step in input["steps"]],
        starts=input.get("starts"), ends=input.get("ends"), **_audience(info, input))


class VolumeDiscountCreate(PriceRulesMutation):
    volume_discount = graphene.Field(VolumeDiscountType)

    class Arguments:
        input = VolumeDiscountInput(required=True)

    class Meta:
        description = "Create order-total discount steps for organizations below yours."

    @classmethod
    def perform_mutation(cls, root, info, input):
        actor = acting_organization(info)
        return cls(volume_discount=save_volume_discount(actor, None,
                                                        _discount_data(info, input)))


class VolumeDiscountUpdate(PriceRulesMutation):
    volume_discount = graphene.Field(VolumeDiscountType)

    class Arguments:
        id = graphene.ID(required=True)
        input = VolumeDiscountInput(required=True)

    class Meta:
        description = "Replace a volume discount of yours."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        actor = acting_organization(info)
        discount = VolumeDiscountType.get_visible(info, id)
        return cls(volume_discount=save_volume_discount(actor, discount,
                                                        _discount_data(info, input)))


class VolumeDiscountDelete(PriceRulesMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a volume discount of yours."

    @classmethod
    def perform_mutation(cls, root, info, id):
        actor = acting_organization(info)
        delete_volume_discount(actor, VolumeDiscountType.get_visible(info, id))
        return cls(deleted_id=id)
