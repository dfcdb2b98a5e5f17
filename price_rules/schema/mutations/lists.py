"""Price lists: create, change, delete, recompute a derived list."""

from __future__ import annotations

import graphene

from backend.core.inputs import UNSET

from ...services.lists import PriceListData, delete_price_list, save_price_list
from ...services.recompute import recompute_price_list
from ..enums import PriceListKindEnum, RoundingEnum
from ..types import PriceListType, RecomputeJobType
from .base import PriceRulesMutation, acting_organization


class PriceListInput(graphene.InputObjectType):
    name = graphene.String()
    kind = graphene.Field(PriceListKindEnum, description="PURCHASE by default.")
    currency = graphene.String(description="ISO 4217, e.g. RUB.")
    valid_from = graphene.Date(description="First day (null: no start).")
    valid_until = graphene.Date(description="Last day (null: open-ended).")
    priority = graphene.Int(description="Higher wins among lists assigned alike.")
    prices_include_vat = graphene.Boolean()
    is_base = graphene.Boolean(description="The owner's base list (MAP percentages).")
    fallback = graphene.ID(description="One of your lists consulted for missing variants; "
                                       "null clears.")
    source = graphene.ID(description="Makes the list derived from this one of yours by the "
                                     "formula; null makes it a plain list.")
    formula_factor = graphene.Decimal()
    formula_percent = graphene.Decimal()
    formula_amount = graphene.Decimal()
    formula_rounding = graphene.Field(RoundingEnum)


def _list_data(info, input) -> PriceListData:
    data = dict(input)
    for name in ("fallback", "source"):
        if name in data:  # given: an id, or null to clear
            data[name] = (PriceListType.get_visible(info, data[name], name)
                          if data[name] is not None else None)
        else:
            data[name] = UNSET
    for name in ("valid_from", "valid_until"):
        data.setdefault(name, UNSET)
    return PriceListData(**data)


class PriceListCreate(PriceRulesMutation):
    price_list = graphene.Field(PriceListType)

    class Arguments:
        input = PriceListInput(required=True)

    class Meta:
        description = "Create a price list of the organization you manage prices for."

    @classmethod
    def perform_mutation(cls, root, info, input):
        actor = acting_organization(info)
        return cls(price_list=save_price_list(actor, None, _list_data(info, input)))


class PriceListUpdate(PriceRulesMutation):
    price_list = graphene.Field(PriceListType)

    class Arguments:
        id = graphene.ID(required=True)
        input = PriceListInput(required=True)

    class Meta:
        description = "Change a price list; fields not given stay as they are."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        actor = acting_organization(info)
        price_list = PriceListType.get_visible(info, id)
        return cls(price_list=save_price_list(actor, price_list, _list_data(info, input)))


class PriceListDelete(PriceRulesMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = ("Delete a price list with its entries and assignments (refused while "
                       "another list falls back to it or is derived from it).")

    @classmethod
    def perform_mutation(cls, root, info, id):
        actor = acting_organization(info)
        delete_price_list(actor, PriceListType.get_visible(info, id))
        return cls(deleted_id=id)


class PriceListRecompute(PriceRulesMutation):
    job = graphene.Field(RecomputeJobType)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = ("Recompute the lists derived from this list (and the list itself if "
                       "it is derived) in the background; follow the job's progress.")

    @classmethod
    def perform_mutation(cls, root, info, id):
        actor = acting_organization(info)
        price_list = PriceListType.get_visible(info, id)
        return cls(job=recompute_price_list(actor, price_list))
