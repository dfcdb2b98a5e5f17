"""The inventory lists' filters: each narrows a visible queryset, never widens it."""

from __future__ import annotations

import graphene
from django.db.models import F, Q

from backend.core.graphql.ids import decode_query_id

from .enums import StockMovementReasonEnum, WarehouseKindEnum


class WarehouseFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Part of the code, name or city.")
    kinds = graphene.List(graphene.NonNull(WarehouseKindEnum))
    owner = graphene.ID(description="Warehouses of this organization.")
    region = graphene.String()
    pickup_allowed = graphene.Boolean()
    manageable = graphene.Boolean(description="Those whose stock the viewer may change.")
    include_inactive = graphene.Boolean(description="Inactive ones too (default: not).")


class StockItemFilterInput(graphene.InputObjectType):
    warehouse = graphene.ID()
    search = graphene.String(description="Part of the variant's SKU or name.")
    variant = graphene.ID()
    in_stock = graphene.Boolean(description="Rows with some available (true) or none.")


class IncomingSupplyFilterInput(graphene.InputObjectType):
    warehouse = graphene.ID()
    variant = graphene.ID()
    search = graphene.String(description="Part of the variant's SKU or name.")
    from_ = graphene.Date(name="from", description="Expected on or after this day.")
    to = graphene.Date(description="Expected on or before this day.")


class StockMovementFilterInput(graphene.InputObjectType):
    warehouse = graphene.ID()
    variant = graphene.ID()
    search = graphene.String(description="Part of the variant's SKU or name, or the "
                                         "reference.")
    reasons = graphene.List(graphene.NonNull(StockMovementReasonEnum))
    since = graphene.DateTime()
    until = graphene.DateTime()


class LeftoverFilterInput(graphene.InputObjectType):
    warehouse = graphene.ID()
    search = graphene.String(description="Part of the variant's SKU or name.")
    mine = graphene.Boolean(description="Those the viewer manages (true) or those offered "
                                        "to it by its seller (false).")


def text(filter) -> str:
    return (filter.get("search") or "").strip()


def _variant_text(value: str) -> Q:
    return Q(variant__sku__icontains=value) | Q(variant__name__icontains=value)


def by_warehouse_and_variant(queryset, filter):
    if filter.get("warehouse"):
        queryset = queryset.filter(warehouse_id=decode_query_id(
            filter["warehouse"], "Warehouse", "filter.warehouse"))
    if filter.get("variant"):
        queryset = queryset.filter(variant_id=decode_query_id(
            filter["variant"], "ProductVariant", "filter.variant"))
    return queryset


def filter_stock_items(queryset, filter):
    queryset = by_warehouse_and_variant(queryset, filter)
    if text(filter):
        queryset = queryset.filter(_variant_text(text(filter)))
    if filter.get("in_stock") is not None:
        available = Q(on_hand__gt=F("allocated"))
        queryset = queryset.filter(available if filter["in_stock"] else ~available)
    return queryset


def filter_incoming_supply(queryset, filter):
    queryset = by_warehouse_and_variant(queryset, filter)
    if text(filter):
        queryset = queryset.filter(_variant_text(text(filter)))
    if filter.get("from_"):
        queryset = queryset.filter(expected_date__gte=filter["from_"])
    if filter.get("to"):
        queryset = queryset.filter(expected_date__lte=filter["to"])
    return queryset


def filter_stock_movements(queryset, filter):
    queryset = by_warehouse_and_variant(queryset, filter)
    if text(filter):
        queryset = queryset.filter(_variant_text(text(filter))
                                   | Q(reference__icontains=text(filter)))
    if filter.get("reasons"):
        queryset = queryset.filter(reason__in=list(filter["reasons"]))
    if filter.get("since"):
        queryset = queryset.filter(created_at__gte=filter["since"])
    if filter.get("until"):
        queryset = queryset.filter(created_at__lte=filter["until"])
    return queryset


def filter_warehouses(queryset, filter, manageable):
    if not filter.get("include_inactive"):
        queryset = queryset.filter(is_active=True)
    if text(filter):
        value = text(filter)
        queryset = queryset.filter(Q(code__icontains=value) | Q(name__icontains=value)
                                   | Q(city__icontains=value))
    if filter.get("kinds"):
        queryset = queryset.filter(kind__in=list(filter["kinds"]))
    if filter.get("owner"):
        queryset = queryset.filter(owner_id=decode_query_id(
            filter["owner"], "Organization", "filter.owner"))
    if filter.get("region"):
        queryset = queryset.filter(region=filter["region"].strip())
    if filter.get("pickup_allowed") is not None:
        queryset = queryset.filter(pickup_allowed=filter["pickup_allowed"])
    if filter.get("manageable") is not None:
        condition = Q(pk__in=manageable)
        queryset = queryset.filter(condition if filter["manageable"] else ~condition)
    return queryset
