"""The inventory's node types: thin over the models, relations through batch loaders, rows
through ``inventory.visibility`` (``Meta.visible``), every quantity through the viewer's
display of its warehouse (``StockView``, ``bands``).

On hand, allocated, reservations and references are for those who manage the warehouse
or see all stock: null (or empty) for anyone else, decided per row from the request's
view, never by raising.
"""

from __future__ import annotations

import graphene

from backend.accounts.schema.types import OrganizationType
from backend.catalog.schema.types import ProductVariantType
from backend.core.graphql.types import ModelObjectType

from ..models import (
    Carrier,
    DeliveryZone,
    IncomingSupply,
    Leftover,
    StockItem,
    StockMovement,
    Warehouse,
)
from ..visibility import (
    visible_carriers,
    visible_delivery_zones,
    visible_incoming_supply,
    visible_leftovers,
    visible_stock_items,
    visible_stock_movements,
    visible_warehouses,
)
from . import loaders
from .enums import (
    AllocationStrategyEnum,
    QuantityDisplayEnum,
    StockBandEnum,
    StockMovementReasonEnum,
    WarehouseKindEnum,
)
from .filters import StockItemFilterInput
from .stock_loaders import StockView
from .warehouse_pages import IncomingPagesLoader, StockPagesLoader


class StockQuantityType(graphene.ObjectType):
    exact = graphene.Decimal(description="Null when the viewer may only know the band.")
    band = graphene.Field(StockBandEnum, required=True)
    in_stock = graphene.Boolean(required=True)

    class Meta:
        name = "StockQuantity"
        description = "What the viewer may know of a quantity (exact, or only its band)."


class WarehouseType(ModelObjectType):
    kind = graphene.Field(WarehouseKindEnum, required=True)
    owner_name = graphene.String(required=True)
    owner = graphene.Field(OrganizationType, description=(
        "Null unless the viewer may see that organization."))
    display = graphene.Field(QuantityDisplayEnum, required=True, description=(
        "How the owner's direct buyers see its quantities."))
    network_display = graphene.Field(QuantityDisplayEnum, required=True, description=(
        "How organizations further down the owner's tree see them."))
    shown_as = graphene.Field(QuantityDisplayEnum, required=True, description=(
        "How this viewer sees its quantities (EXACT or BANDS)."))
    can_manage = graphene.Boolean(required=True, description=(
        "The viewer may change its stock, supply and leftovers."))
    stock = graphene.ConnectionField(
        lambda: StockItemType._meta.connection, required=True,
        filter=StockItemFilterInput(), description="Its stock rows, by SKU.")
    incoming = graphene.ConnectionField(
        lambda: IncomingSupplyType._meta.connection, required=True,
        description="Its incoming supply, earliest first.")

    class Meta:
        model = Warehouse
        name = "Warehouse"
        visible = visible_warehouses
        fields = ("id", "code", "name", "address", "country", "region", "city", "latitude",
                  "longitude", "pickup_allowed", "priority", "handling_days", "is_active",
                  "shared_with_network")

    @staticmethod
    def resolve_owner(root: Warehouse, info):
        return loaders.OrganizationOfWarehouseLoader(info.context).load(root.owner_id)

    @staticmethod
    def resolve_owner_name(root: Warehouse, info):
        return loaders.OwnerNameByIdLoader(info.context).load(root.owner_id)

    @staticmethod
    def resolve_shown_as(root: Warehouse, info):
        return StockView(info.context).displays.get(root.pk, "BANDS")

    @staticmethod
    def resolve_can_manage(root: Warehouse, info):
        return root.pk in StockView(info.context).managed

    @staticmethod
    def resolve_stock(root: Warehouse, info, **arguments):
        return StockPagesLoader(info.context, arguments,
                                StockItemType._meta.connection).load(root.pk)

    @staticmethod
    def resolve_incoming(root: Warehouse, info, **arguments):
        return IncomingPagesLoader(info.context, arguments,
                                   IncomingSupplyType._meta.connection).load(root.pk)


def _warehouse(info, row):
    return loaders.WarehouseByIdLoader(info.context).load(row.warehouse_id)


def _variant(info, row):
    return loaders.VariantOfStockLoader(info.context).load(row.variant_id)


def _if_known(info, row, value):
    return value if StockView(info.context).knows_all_of(row.warehouse_id) else None


class StockItemType(ModelObjectType):
    warehouse = graphene.Field(WarehouseType, required=True)
    variant = graphene.Field(ProductVariantType, required=True)
    available = graphene.Field(StockQuantityType, required=True)
    on_hand = graphene.Decimal(description="Null unless the viewer manages the warehouse.")
    allocated = graphene.Decimal(description="Null unless the viewer manages the warehouse.")

    class Meta:
        model = StockItem
        name = "StockItem"
        visible = visible_stock_items
        fields = ("id", "updated_at")

    @staticmethod
    def resolve_warehouse(root: StockItem, info):
        return _warehouse(info, root)

    @staticmethod
    def resolve_variant(root: StockItem, info):
        return _variant(info, root)

    @staticmethod
    def resolve_available(root: StockItem, info):
        return StockView(info.context).shown(root.warehouse_id, root.on_hand - root.allocated)

    @staticmethod
    def resolve_on_hand(root: StockItem, info):
        return _if_known(info, root, root.on_hand)

    @staticmethod
    def resolve_allocated(root: StockItem, info):
        return _if_known(info, root, root.allocated)


class IncomingSupplyType(ModelObjectType):
    warehouse = graphene.Field(WarehouseType, required=True)
    variant = graphene.Field(ProductVariantType, required=True)
    quantity = graphene.Field(StockQuantityType, required=True, description=(
        "Not yet reserved, shown as the warehouse shows stock."))
    reserved = graphene.Decimal(description="Null unless the viewer manages the warehouse.")
    reference = graphene.String(required=True, description=(
        "The document it comes with; empty unless the viewer manages the warehouse."))

    class Meta:
        model = IncomingSupply
        name = "IncomingSupply"
        visible = visible_incoming_supply
        fields = ("id", "expected_date")

    @staticmethod
    def resolve_warehouse(root: IncomingSupply, info):
        return _warehouse(info, root)

    @staticmethod
    def resolve_variant(root: IncomingSupply, info):
        return _variant(info, root)

    @staticmethod
    def resolve_quantity(root: IncomingSupply, info):
        return StockView(info.context).shown(root.warehouse_id, root.quantity - root.reserved)

    @staticmethod
    def resolve_reserved(root: IncomingSupply, info):
        return _if_known(info, root, root.reserved)

    @staticmethod
    def resolve_reference(root: IncomingSupply, info):
        return _if_known(info, root, root.reference) or ""


class StockMovementType(ModelObjectType):
    warehouse = graphene.Field(WarehouseType, required=True)
    variant = graphene.Field(ProductVariantType, required=True)
    reason = graphene.Field(StockMovementReasonEnum, required=True)
    user_name = graphene.String(required=True, description="Who made it (empty: the "
                                                           "system).")
    on_hand_delta = graphene.Decimal(required=True)
    allocated_delta = graphene.Decimal(required=True)
    on_hand_after = graphene.Decimal(required=True)
    allocated_after = graphene.Decimal(required=True)

    class Meta:
        model = StockMovement
        name = "StockMovement"
        visible = visible_stock_movements
        fields = ("id", "reference", "comment", "created_at")

    @staticmethod
    def resolve_warehouse(root: StockMovement, info):
        return _warehouse(info, root)

    @staticmethod
    def resolve_variant(root: StockMovement, info):
        return _variant(info, root)

    @staticmethod
    def resolve_user_name(root: StockMovement, info):
        if root.user_id is None:
            return ""
        return loaders.UserNameByIdLoader(info.context).load(root.user_id)


class LeftoverType(ModelObjectType):
    warehouse = graphene.Field(WarehouseType, required=True)
    variant = graphene.Field(ProductVariantType, required=True)
    available = graphene.Field(StockQuantityType, required=True, description=(
        "The least of the offered quantity and the stock available, shown as the "
        "warehouse shows stock."))
    quantity = graphene.Decimal(description="At most this much; null: all available.")
    discount_percent = graphene.Decimal()

    class Meta:
        model = Leftover
        name = "Leftover"
        visible = visible_leftovers
        fields = ("id", "note", "is_published", "created_at")

    @staticmethod
    def resolve_warehouse(root: Leftover, info):
        return _warehouse(info, root)

    @staticmethod
    def resolve_variant(root: Leftover, info):
        return _variant(info, root)

    @staticmethod
    def resolve_available(root: Leftover, info):
        view = StockView(info.context)

        def shown(stock):
            available = stock or 0
            if root.quantity is not None:
                available = min(available, root.quantity)
            return view.shown(root.warehouse_id, available)

        return loaders.LeftoverStockByIdLoader(info.context).load_then(root.pk, shown)


class CarrierType(ModelObjectType):
    class Meta:
        model = Carrier
        name = "Carrier"
        visible = visible_carriers
        fields = ("id", "code", "name")


class DeliveryZoneType(ModelObjectType):
    regions = graphene.List(graphene.NonNull(graphene.String), required=True)

    class Meta:
        model = DeliveryZone
        name = "DeliveryZone"
        visible = visible_delivery_zones
        fields = ("id", "name")


class SellerStockSettingsType(graphene.ObjectType):
    strategy = graphene.Field(AllocationStrategyEnum, required=True)

    class Meta:
        name = "SellerStockSettings"
        description = "How the active organization's orders are allocated to its warehouses."


class IncomingQuantityType(graphene.ObjectType):
    quantity = graphene.Field(StockQuantityType, required=True)
    expected_date = graphene.Date(required=True)

    class Meta:
        name = "IncomingQuantity"


class WarehouseStockType(graphene.ObjectType):
    warehouse = graphene.Field(WarehouseType, required=True)
    available = graphene.Field(StockQuantityType, required=True)
    incoming = graphene.List(graphene.NonNull(IncomingQuantityType), required=True)

    class Meta:
        name = "WarehouseStock"
        description = "A variant's stock in one warehouse, as the viewer may know it."


class AvailabilityType(graphene.ObjectType):
    in_stock = graphene.Boolean(required=True)
    available = graphene.Field(StockQuantityType, required=True)
    next_incoming_date = graphene.Date()

    class Meta:
        name = "Availability"
        description = "Stock over the warehouses the viewer sees."
