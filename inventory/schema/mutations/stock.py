"""stockSet and stockAdjust: one figure of a warehouse the viewer manages."""

from __future__ import annotations

import graphene

from ...models import MovementReason
from ...services.stock import adjust_stock, set_stock
from ..enums import StockMovementReasonEnum
from ..types import StockItemType
from .base import InventoryMutation, actor, managed_warehouse, visible_variant


class StockSetInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True)
    variant = graphene.ID(required=True)
    on_hand = graphene.Decimal(required=True, description="The new on hand: whole for "
                                                          "pieces, packs and sets.")
    comment = graphene.String()


class StockAdjustInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True)
    variant = graphene.ID(required=True)
    delta = graphene.Decimal(required=True, description="Added (negative: taken).")
    reason = StockMovementReasonEnum(default_value=StockMovementReasonEnum.ADJUSTMENT,
                                     description="ADJUSTMENT or RECEIPT.")
    comment = graphene.String()


class StockSet(InventoryMutation):
    stock_item = graphene.Field(StockItemType)

    class Arguments:
        input = StockSetInput(required=True)

    class Meta:
        description = ("Set a variant's on hand in a warehouse the viewer manages (never "
                       "below what orders hold); a movement ADJUSTMENT records it.")

    @classmethod
    def perform_mutation(cls, root, info, input):
        warehouse = managed_warehouse(info, input["warehouse"])
        variant = visible_variant(info, input["variant"])
        item = set_stock(warehouse, variant, input["on_hand"], actor=actor(info),
                         comment=input.get("comment") or "")
        return cls(stock_item=item)


class StockAdjust(InventoryMutation):
    stock_item = graphene.Field(StockItemType)

    class Arguments:
        input = StockAdjustInput(required=True)

    class Meta:
        description = ("Add to (or take from) a variant's on hand in a warehouse the viewer "
                       "manages: an ADJUSTMENT, or goods received (RECEIPT).")

    @classmethod
    def perform_mutation(cls, root, info, input):
        warehouse = managed_warehouse(info, input["warehouse"])
        variant = visible_variant(info, input["variant"])
        reason = input.get("reason") or MovementReason.ADJUSTMENT.value
        item = adjust_stock(warehouse, variant, input["delta"], actor=actor(info),
                            reason=MovementReason(getattr(reason, "value", reason)),
                            comment=input.get("comment") or "")
        return cls(stock_item=item)
