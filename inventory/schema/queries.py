"""The inventory's root fields. Every list resolves through the visibility functions: a
filter narrows what the viewer may see, never widens it."""

from __future__ import annotations

import graphene

from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.values import plain_values

from ..models import SellerStockSettings
from ..visibility import managing_organization_id, sees_all_stock, visible_seller_settings
from .filters import (
    IncomingSupplyFilterInput,
    LeftoverFilterInput,
    StockItemFilterInput,
    StockMovementFilterInput,
    WarehouseFilterInput,
    by_warehouse_and_variant,
    filter_incoming_supply,
    filter_stock_items,
    filter_stock_movements,
    filter_warehouses,
    text,
)
from .stock_loaders import StockView
from .types import (
    CarrierType,
    DeliveryZoneType,
    IncomingSupplyType,
    LeftoverType,
    SellerStockSettingsType,
    StockItemType,
    StockMovementType,
    WarehouseType,
)


def _list_field(type_, filter_input, description: str):
    return graphene.ConnectionField(type_._meta.connection, required=True,
                                    filter=filter_input(), description=description)


def _connection(queryset, args, type_, info):
    return resolve_connection(queryset, args, type_._meta.connection, info=info)


class InventoryQueries(graphene.ObjectType):
    warehouses = _list_field(WarehouseType, WarehouseFilterInput,
                             "Warehouses the viewer sees (active ones unless asked), by "
                             "priority and code.")
    stock_items = _list_field(StockItemType, StockItemFilterInput,
                              "Stock rows of the warehouses the viewer sees, by warehouse "
                              "and SKU.")
    incoming_supply = _list_field(IncomingSupplyType, IncomingSupplyFilterInput,
                                  "Incoming supply of the warehouses the viewer sees, "
                                  "earliest first.")
    stock_movements = _list_field(StockMovementType, StockMovementFilterInput,
                                  "The stock history of the warehouses the viewer manages "
                                  "(staff: all), latest first.")
    leftovers = _list_field(LeftoverType, LeftoverFilterInput,
                            "Leftovers on sale: those the viewer manages, and those its "
                            "seller offers to it, latest first.")
    carriers = graphene.List(graphene.NonNull(CarrierType), required=True,
                             description="Active carriers, by name.")
    delivery_zones = graphene.List(graphene.NonNull(DeliveryZoneType), required=True,
                                   description="Delivery zones, by name.")
    seller_stock_settings = graphene.Field(
        SellerStockSettingsType,
        description="The active organization's allocation settings (null if it sells to "
                    "nobody or the viewer may not manage its stock).")

    @staticmethod
    def resolve_warehouses(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        manageable = list(StockView(info.context).managed) if filter.get(
            "manageable") is not None else []
        queryset = filter_warehouses(WarehouseType.visible_queryset(info), filter, manageable)
        return _connection(queryset.order_by("priority", "code", "pk"), args, WarehouseType,
                           info)

    @staticmethod
    def resolve_stock_items(root, info, filter=None, **args):
        queryset = filter_stock_items(StockItemType.visible_queryset(info),
                                      plain_values(filter or {}))
        return _connection(queryset.order_by("warehouse__priority", "warehouse__code",
                                             "variant__sku", "pk"), args, StockItemType, info)

    @staticmethod
    def resolve_incoming_supply(root, info, filter=None, **args):
        queryset = filter_incoming_supply(IncomingSupplyType.visible_queryset(info),
                                          plain_values(filter or {}))
        return _connection(queryset.order_by("expected_date", "warehouse_id", "pk"), args,
                           IncomingSupplyType, info)

    @staticmethod
    def resolve_stock_movements(root, info, filter=None, **args):
        queryset = filter_stock_movements(StockMovementType.visible_queryset(info),
                                          plain_values(filter or {}))
        return _connection(queryset.order_by("-created_at", "-pk"), args, StockMovementType,
                           info)

    @staticmethod
    def resolve_leftovers(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = by_warehouse_and_variant(LeftoverType.visible_queryset(info), filter)
        if text(filter):
            value = text(filter)
            queryset = queryset.filter(variant__sku__icontains=value) | queryset.filter(
                variant__name__icontains=value)
        if filter.get("mine") is not None:
            managed = list(StockView(info.context).managed)
            queryset = (queryset.filter(warehouse_id__in=managed) if filter["mine"]
                        else queryset.exclude(warehouse_id__in=managed))
        return _connection(queryset.order_by("-created_at", "-pk"), args, LeftoverType, info)

    @staticmethod
    def resolve_carriers(root, info):
        return list(CarrierType.visible_queryset(info).filter(is_active=True)
                    .order_by("name", "pk"))

    @staticmethod
    def resolve_delivery_zones(root, info):
        return list(DeliveryZoneType.visible_queryset(info).order_by("name", "pk"))

    @staticmethod
    def resolve_seller_stock_settings(root, info):
        viewer = info.context.viewer
        organization = viewer.organization
        if organization is None:
            return None
        row = visible_seller_settings(viewer).filter(organization=organization).first()
        if row is not None:
            return row
        allowed = sees_all_stock(viewer) or managing_organization_id(viewer) == organization.pk
        if not allowed or not organization.children.exists():
            return None
        return SellerStockSettings(organization=organization)
