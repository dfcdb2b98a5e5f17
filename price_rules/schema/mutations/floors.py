"""Minimum resale prices (MAP): the manufacturer's, set by staff with MANAGE_PRICES."""

from __future__ import annotations

import graphene

from backend.catalog.schema.types import CategoryType, ProductVariantType

from ...services.floors import MapFloorData, delete_map_floor, set_map_floor
from ..types import MapFloorType, PriceListType
from .base import PriceRulesMutation, acting_organization


class MapFloorInput(graphene.InputObjectType):
    variant = graphene.ID(description="A floor for one variant: give `amount`.")
    category = graphene.ID(description="A floor for a category's variants: give `percent`.")
    amount = graphene.Decimal(description="Net unit price.")
    percent = graphene.Decimal(description="Percentage of the base list's price.")


class MapFloorSet(PriceRulesMutation):
    floor = graphene.Field(MapFloorType)
    flagged_lists = graphene.List(graphene.NonNull(PriceListType), required=True, description=(
        "Resale lists now below a floor (flagged for their owners to fix)."))

    class Arguments:
        input = MapFloorInput(required=True)

    class Meta:
        description = ("Set the minimum resale price of a variant or a category (never "
                       "refused for existing lists: those below it are flagged).")

    failure_defaults = {"flagged_lists": []}

    @classmethod
    def perform_mutation(cls, root, info, input):
        actor = acting_organization(info)
        variant, category = input.get("variant"), input.get("category")
        data = MapFloorData(
            variant=ProductVariantType.get_visible(info, variant, "variant") if variant
            else None,
            category=CategoryType.get_visible(info, category, "category") if category
            else None,
            amount=input.get("amount"), percent=input.get("percent"))
        floor, flagged = set_map_floor(actor, data)
        return cls(floor=floor, flagged_lists=flagged)


class MapFloorDelete(PriceRulesMutation):
    deleted_id = graphene.ID()
    flagged_lists = graphene.List(graphene.NonNull(PriceListType), required=True)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Remove a minimum resale price."

    failure_defaults = {"flagged_lists": []}

    @classmethod
    def perform_mutation(cls, root, info, id):
        actor = acting_organization(info)
        flagged = delete_map_floor(actor, MapFloorType.get_visible(info, id))
        return cls(deleted_id=id, flagged_lists=flagged)
