"""The inventory's root mutation fields: warehouses, stock figures, the stock upload,
incoming supply, leftovers and the seller's settings. Each checks once that the viewer
manages the warehouse concerned (``base.managed_warehouse``)."""

import graphene

from .leftovers import LeftoverDelete, LeftoverSave
from .settings import SellerStockSettingsUpdate
from .stock import StockAdjust, StockSet
from .supply import (
    IncomingSupplyCreate,
    IncomingSupplyDelete,
    IncomingSupplyReceive,
    IncomingSupplyUpdate,
)
from .upload import StockUpload
from .warehouses import WarehouseCreate, WarehouseUpdate


class InventoryMutations(graphene.ObjectType):
    warehouse_create = WarehouseCreate.Field()
    warehouse_update = WarehouseUpdate.Field()
    stock_set = StockSet.Field()
    stock_adjust = StockAdjust.Field()
    stock_upload = StockUpload.Field()
    incoming_supply_create = IncomingSupplyCreate.Field()
    incoming_supply_update = IncomingSupplyUpdate.Field()
    incoming_supply_delete = IncomingSupplyDelete.Field()
    incoming_supply_receive = IncomingSupplyReceive.Field()
    leftover_save = LeftoverSave.Field()
    leftover_delete = LeftoverDelete.Field()
    seller_stock_settings_update = SellerStockSettingsUpdate.Field()
