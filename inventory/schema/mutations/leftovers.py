"""A partner's leftovers offered from its stock centers (the viewer manages them)."""

from __future__ import annotations

import graphene
from graphql_relay import to_global_id

from backend.core.graphql.ids import decode_global_id

from ...models import Leftover
from ...services.leftovers import LeftoverData, delete_leftover, save_leftover
from ...visibility import visible_leftovers
from ..types import LeftoverType
from .base import Code, InventoryMutation, managed_row, managed_warehouse, visible_variant


class LeftoverInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True, description="A stock center the viewer manages.")
    variant = graphene.ID(required=True)
    quantity = graphene.Decimal(description="At most this much; omitted: all available.")
    discount_percent = graphene.Decimal(description="Above 0, below 100.")
    note = graphene.String()
    is_published = graphene.Boolean(description="Shown to the buyers (true when new).")


class LeftoverSave(InventoryMutation):
    leftover = graphene.Field(LeftoverType)

    class Arguments:
        input = LeftoverInput(required=True)

    class Meta:
        description = ("Offer (or change the offer of) a variant of a stock center to the "
                       "organizations that buy from its owner.")

    @classmethod
    def perform_mutation(cls, root, info, input):
        warehouse = managed_warehouse(info, input["warehouse"])
        variant = visible_variant(info, input["variant"])
        data = LeftoverData(quantity=input.get("quantity"),
                            discount_percent=input.get("discount_percent"),
                            note=input.get("note"), is_published=input.get("is_published"))
        return cls(leftover=save_leftover(warehouse, variant, data,
                                          user=info.context.viewer.user))


class LeftoverDelete(InventoryMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Withdraw a leftover offer."

    @classmethod
    def perform_mutation(cls, root, info, id):
        pk = decode_global_id(id, "Leftover", "id")
        leftover = managed_row(info, Leftover.objects.filter(pk=pk), visible_leftovers, "id",
                               Code.NOT_FOUND, "leftover")
        delete_leftover(leftover)
        return cls(deleted_id=to_global_id("Leftover", pk))
