"""GraphQL enums of the inventory's choices, named after their models' choices."""

from __future__ import annotations

import graphene

from .. import bands
from ..models import AllocationStrategy, MovementReason, QuantityDisplay, WarehouseKind


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(c.value, c.value) for c in choices], description=description)


WarehouseKindEnum = _enum("WarehouseKind", WarehouseKind,
                          "FACTORY and REGIONAL: the manufacturer's; STOCK_CENTER: a "
                          "partner's own.")
QuantityDisplayEnum = _enum("QuantityDisplay", QuantityDisplay,
                            "How a warehouse's quantities are shown: EXACT, BANDS (\"more "
                            "than 100\") or HIDDEN (the warehouse is not shown).")
AllocationStrategyEnum = _enum("AllocationStrategy", AllocationStrategy,
                               "How a seller's warehouses are ranked for an order.")
StockMovementReasonEnum = _enum("StockMovementReason", MovementReason,
                                "Why a stock figure changed.")
StockBandEnum = graphene.Enum(
    "StockBand", [(band, band) for band in bands.BANDS],
    description="A quantity's band: NONE 0, FEW 1-9, OVER_10 10-50, OVER_50 51-100, "
                "OVER_100 more than 100.")
