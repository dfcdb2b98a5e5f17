"""The orders' node types: thin over the models, every relation through a batch loader
(``loaders.py``), the rows under an order through ``orders.visibility``.

A line's price is its snapshot: what the buyer agreed to when placing, never today's.
"""

from __future__ import annotations

import graphene

from backend.accounts.schema.types import OrganizationType, PersonSummaryType
from backend.catalog.schema.types import ProductVariantType, UnitEnum
from backend.core.graphql.types import ModelObjectType
from inventory.schema.preview import MoneyType
from inventory.schema.types import CarrierType, WarehouseType

from ..models import Order, OrderEvent, OrderLine, Shipment, ShipmentLine
from ..numbers import format_number
from ..visibility import (
    visible_order_events,
    visible_order_lines,
    visible_orders,
    visible_shipments,
)
from . import loaders
from .enums import (
    DeliveryMethodEnum,
    OrdersError,
    OrderStatusEnum,
    OrderTypeEnum,
    PaymentStatusEnum,
)


def _organization(info, pk):
    return loaders.OrganizationOfOrderLoader(info.context).load(pk)


def _person(info, pk):
    return loaders.PersonOfOrderLoader(info.context).load(pk)


class OrderLineType(ModelObjectType):
    variant = graphene.Field(ProductVariantType, description=(
        "Null when the viewer may no longer see it (the line keeps its SKU and name)."))
    unit = graphene.Field(UnitEnum, required=True)
    tier_min_quantity = graphene.Decimal(description=(
        "The quantity tier the price came from, when a tier above the first applied."))
    promotion_names = graphene.List(graphene.NonNull(graphene.String), required=True,
                                    description="Promotions applied to the line's price.")

    class Meta:
        model = OrderLine
        name = "OrderLine"
        visible = visible_order_lines
        fields = ("id", "position", "sku", "name", "quantity", "preorder_quantity",
                  "unit_net", "unit_gross", "list_net", "total_net", "total_gross")

    @staticmethod
    def resolve_variant(root: OrderLine, info):
        return loaders.VariantOfOrderLineLoader(info.context).load(root.variant_id)

    @staticmethod
    def resolve_tier_min_quantity(root: OrderLine, info):
        return (root.price_breakdown or {}).get("tier_min_quantity")

    @staticmethod
    def resolve_promotion_names(root: OrderLine, info):
        breakdown = root.price_breakdown or {}
        if "promotion_names" in breakdown:
            return list(breakdown["promotion_names"])
        return [p.get("name", "") for p in breakdown.get("promotions", [])
                if isinstance(p, dict)]


class ShipmentLineType(graphene.ObjectType):
    line = graphene.Field(OrderLineType, required=True)
    quantity = graphene.Decimal(required=True)
    preorder = graphene.Boolean(required=True, description="Against incoming supply.")

    class Meta:
        name = "ShipmentLine"
        description = "Units of one order line in one shipment."

    @staticmethod
    def resolve_line(root: ShipmentLine, info):
        return loaders.OrderLineByIdLoader(info.context).load(root.order_line_id)

    @staticmethod
    def resolve_preorder(root: ShipmentLine, info):
        return root.supply_id is not None


class OrderShipmentType(ModelObjectType):
    warehouse = graphene.Field(WarehouseType, description=(
        "Null when the viewer may not open the warehouse (its name is still shown)."))
    warehouse_name = graphene.String(required=True)
    carrier = graphene.Field(CarrierType)
    cost = graphene.Field(MoneyType, description="Delivery cost net; null when not quoted.")
    lines = graphene.List(graphene.NonNull(ShipmentLineType), required=True)

    class Meta:
        model = Shipment
        name = "OrderShipment"
        visible = visible_shipments
        fields = ("id", "position", "pickup", "preorder", "ship_date", "arrival_date",
                  "weight_kg")

    @staticmethod
    def resolve_warehouse(root: Shipment, info):
        return loaders.WarehouseOfOrderLoader(info.context).load(root.warehouse_id)

    @staticmethod
    def resolve_warehouse_name(root: Shipment, info):
        return loaders.WarehouseNameByIdLoader(info.context).load(root.warehouse_id)

    @staticmethod
    def resolve_carrier(root: Shipment, info):
        return loaders.CarrierOfShipmentLoader(info.context).load(root.carrier_id)

    @staticmethod
    def resolve_cost(root: Shipment, info):
        if root.cost_net is None:
            return None
        return MoneyType(amount=root.cost_net, currency=root.currency)

    @staticmethod
    def resolve_lines(root: Shipment, info):
        return loaders.LinesByShipmentIdLoader(info.context).load(root.pk)


class OrderEventType(ModelObjectType):
    type = graphene.String(required=True, description=(
        "PLACED, APPROVAL_REQUESTED, APPROVED, REJECTED, CANCELLED, NOTE, UPDATED or a "
        "plugin's type."))
    user = graphene.Field(PersonSummaryType)
    acting_as = graphene.Field(OrganizationType, description=(
        "The organization the user acted as (null when the viewer may not see it)."))
    on_behalf_of = graphene.Field(OrganizationType, description=(
        "The buyer, when someone acted on its behalf."))
    before = graphene.JSONString(required=True)
    after = graphene.JSONString(required=True)

    class Meta:
        model = OrderEvent
        name = "OrderEvent"
        visible = visible_order_events
        fields = ("id", "message", "created_at")

    @staticmethod
    def resolve_type(root: OrderEvent, info):
        return root.event_type

    @staticmethod
    def resolve_user(root: OrderEvent, info):
        return _person(info, root.user_id)

    @staticmethod
    def resolve_acting_as(root: OrderEvent, info):
        return _organization(info, root.acting_as_id)

    @staticmethod
    def resolve_on_behalf_of(root: OrderEvent, info):
        return _organization(info, root.on_behalf_of_id)


class OrderType(ModelObjectType):
    number = graphene.String(required=True, description="Per seller and year: «26-00042».")
    buyer = graphene.Field(OrganizationType, required=True)
    seller = graphene.Field(OrganizationType, description=(
        "Null for a viewer who may not see the seller: a regional manager looks after its "
        "dealers' orders but not the manufacturer they buy from."))
    order_type = graphene.Field(OrderTypeEnum, required=True)
    status = graphene.Field(OrderStatusEnum, required=True)
    payment_status = graphene.Field(PaymentStatusEnum, required=True)
    placed_by = graphene.Field(PersonSummaryType, required=True)
    placed_as = graphene.Field(OrganizationType, description=(
        "The organization the placer acted as (a dealer or the manufacturer for an order "
        "on behalf)."))
    delivery_method = graphene.Field(DeliveryMethodEnum, required=True)
    pickup_warehouse = graphene.Field(WarehouseType)
    line_count = graphene.Int(required=True)
    lines = graphene.List(graphene.NonNull(OrderLineType), required=True,
                          description="By position.")
    shipments = graphene.List(graphene.NonNull(OrderShipmentType), required=True,
                              description="The planned shipments, by position.")
    events = graphene.List(graphene.NonNull(OrderEventType), required=True,
                           description="The order's history, oldest first.")
    decided_by = graphene.Field(PersonSummaryType, description="The approver who answered.")

    class Meta:
        model = Order
        name = "Order"
        visible = visible_orders
        fields = ("id", "seller_number", "buyer_reference", "on_behalf", "currency",
                  "vat_rate", "subtotal_net", "volume_discount_percent", "total_net",
                  "total_vat", "total_gross", "delivery_net", "grand_total_gross",
                  "delivery_region", "delivery_city", "delivery_address", "comment",
                  "approval_limit", "decided_at", "decision_comment", "placed_at")

    @staticmethod
    def resolve_number(root: Order, info):
        return format_number(root.year, root.serial)

    @staticmethod
    def resolve_buyer(root: Order, info):
        return _organization(info, root.buyer_id)

    @staticmethod
    def resolve_seller(root: Order, info):
        return _organization(info, root.seller_id)

    @staticmethod
    def resolve_placed_by(root: Order, info):
        return _person(info, root.placed_by_id)

    @staticmethod
    def resolve_placed_as(root: Order, info):
        return _organization(info, root.placed_as_id)

    @staticmethod
    def resolve_decided_by(root: Order, info):
        return _person(info, root.decided_by_id)

    @staticmethod
    def resolve_pickup_warehouse(root: Order, info):
        return loaders.WarehouseOfOrderLoader(info.context).load(root.pickup_warehouse_id)

    @staticmethod
    def resolve_line_count(root: Order, info):
        return loaders.LineCountByOrderIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_lines(root: Order, info):
        return loaders.LinesByOrderIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_shipments(root: Order, info):
        return loaders.ShipmentsByOrderIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_events(root: Order, info):
        return loaders.EventsByOrderIdLoader(info.context).load(root.pk)


__all__ = ["OrderEventType", "OrderLineType", "OrderShipmentType", "OrderType",
           "OrdersError", "ShipmentLineType"]
