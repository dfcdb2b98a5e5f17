"""sellerStockSettingsUpdate: how the acting seller's orders are split across its
warehouses."""

from __future__ import annotations

import graphene

from ...services.settings import update_seller_settings
from ..enums import AllocationStrategyEnum
from ..types import SellerStockSettingsType
from .base import InventoryMutation, selling_organization


class SellerStockSettingsUpdate(InventoryMutation):
    seller_stock_settings = graphene.Field(SellerStockSettingsType)

    class Arguments:
        strategy = AllocationStrategyEnum(required=True)

    class Meta:
        description = ("Choose the allocation strategy of the active organization (a "
                       "partner's member with MANAGE_STOCK) or, for staff with MANAGE_STOCK, "
                       "of the manufacturer.")

    @classmethod
    def perform_mutation(cls, root, info, strategy):
        saved = update_seller_settings(selling_organization(info),
                                       getattr(strategy, "value", strategy))
        return cls(seller_stock_settings=SellerStockSettingsType(strategy=saved.strategy))
