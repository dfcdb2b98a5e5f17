"""Price rules' root fields. Every list resolves through the visibility functions: a
filter narrows what the viewer may see, never widens it."""

from __future__ import annotations

import graphene
from django.db.models import Q
from django.utils import timezone

from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.ids import decode_query_id
from backend.core.graphql.values import plain_values

from .enums import PriceListKindEnum, PromotionStatusEnum
from .types import (
    MapFloorType,
    PriceGroupType,
    PriceListAssignmentType,
    PriceListEntryType,
    PriceListType,
    PromotionType,
    RecomputeJobType,
    ResaleMarkupType,
    VolumeDiscountType,
)


class PriceListFilterInput(graphene.InputObjectType):
    owner = graphene.ID(description="Lists of this organization.")
    kind = graphene.Field(PriceListKindEnum)
    currency = graphene.String()
    search = graphene.String(description="Part of the list's name.")
    below_floor = graphene.Boolean(description="Lists a MAP floor change left below it "
                                               "(true) or not (false).")


class PriceListEntryFilterInput(graphene.InputObjectType):
    price_list = graphene.ID(description="Entries of this list.")
    search = graphene.String(description="Part of the variant's SKU or name.")


class PriceGroupFilterInput(graphene.InputObjectType):
    owner = graphene.ID()
    search = graphene.String(description="Part of the group's name.")


class PriceListAssignmentFilterInput(graphene.InputObjectType):
    price_list = graphene.ID()
    organization = graphene.ID(description="Assignments to this organization by name.")


class PromotionFilterInput(graphene.InputObjectType):
    owner = graphene.ID()
    status = graphene.Field(PromotionStatusEnum, description="Running, future or past today.")
    search = graphene.String(description="Part of the promotion's name.")


class OwnerFilterInput(graphene.InputObjectType):
    owner = graphene.ID()


class MapFloorFilterInput(graphene.InputObjectType):
    category = graphene.ID(description="The floor of this category.")
    search = graphene.String(description="Part of the variant's SKU.")


class RecomputeJobFilterInput(graphene.InputObjectType):
    price_list = graphene.ID()


def _owner(queryset, filter, column: str = "owner_id"):
    if filter.get("owner"):
        queryset = queryset.filter(**{column: decode_query_id(
            filter["owner"], "Organization", "filter.owner")})
    return queryset


def _text(filter) -> str:
    return (filter.get("search") or "").strip()


def _connection(queryset, args, type_, info):
    return resolve_connection(queryset, args, type_._meta.connection, info=info)


def _by_status(queryset, status):
    today = timezone.localdate()
    if status == "RUNNING":
        return queryset.filter(starts__lte=today, ends__gte=today)
    if status == "FUTURE":
        return queryset.filter(starts__gt=today)
    if status == "PAST":
        return queryset.filter(ends__lt=today)
    return queryset


def _list_field(type_, filter_input, description: str):
    return graphene.ConnectionField(type_._meta.connection, required=True,
                                    filter=filter_input(), description=description)


class PriceRulesQueries(graphene.ObjectType):
    price_lists = _list_field(PriceListType, PriceListFilterInput,
                              "Price lists the viewer may see (staff: all; a partner "
                              "managing prices: its own), by owner, highest priority first.")
    price_list = graphene.Field(PriceListType, id=graphene.ID(required=True))
    price_list_entries = _list_field(
        PriceListEntryType, PriceListEntryFilterInput,
        "Entries of the lists the viewer may see, by SKU and minimum quantity.")
    price_list_assignments = _list_field(PriceListAssignmentType,
                                         PriceListAssignmentFilterInput,
                                         "Which lists apply to whom.")
    price_groups = _list_field(PriceGroupType, PriceGroupFilterInput, "Price groups by name.")
    resale_markups = _list_field(ResaleMarkupType, OwnerFilterInput,
                                 "Resale markups (a partner managing prices: its own).")
    promotions = _list_field(PromotionType, PromotionFilterInput,
                             "Promotions the viewer may see (its own; a member also its "
                             "seller's running ones that reach it), latest start first.")
    volume_discounts = _list_field(VolumeDiscountType, OwnerFilterInput,
                                   "Order-total volume discounts.")
    map_floors = _list_field(MapFloorType, MapFloorFilterInput,
                             "Minimum resale prices (staff, and partners that sell to "
                             "organizations below them).")
    recompute_jobs = _list_field(RecomputeJobType, RecomputeJobFilterInput,
                                 "Recomputations of derived lists, latest first.")
    recompute_job = graphene.Field(RecomputeJobType, id=graphene.ID(required=True),
                                   description="A recomputation's progress.")

    @staticmethod
    def resolve_price_lists(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = _owner(PriceListType.visible_queryset(info), filter)
        if filter.get("kind"):
            queryset = queryset.filter(kind=filter["kind"])
        if filter.get("currency"):
            queryset = queryset.filter(currency=filter["currency"].strip().upper())
        if _text(filter):
            queryset = queryset.filter(name__icontains=_text(filter))
        if filter.get("below_floor") is not None:
            queryset = queryset.filter(below_floor_since__isnull=not filter["below_floor"])
        return _connection(queryset.order_by("owner_id", "-priority", "id"), args,
                           PriceListType, info)

    @staticmethod
    def resolve_price_list(root, info, id):
        return PriceListType.lookup(info, id)

    @staticmethod
    def resolve_price_list_entries(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = PriceListEntryType.visible_queryset(info)
        if filter.get("price_list"):
            queryset = queryset.filter(price_list_id=decode_query_id(
                filter["price_list"], "PriceList", "filter.priceList"))
        if _text(filter):
            queryset = queryset.filter(Q(variant__sku__icontains=_text(filter))
                                       | Q(variant__name__icontains=_text(filter)))
        return _connection(queryset.order_by("price_list_id", "variant__sku", "min_quantity",
                                             "id"), args, PriceListEntryType, info)

    @staticmethod
    def resolve_price_list_assignments(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = PriceListAssignmentType.visible_queryset(info)
        if filter.get("price_list"):
            queryset = queryset.filter(price_list_id=decode_query_id(
                filter["price_list"], "PriceList", "filter.priceList"))
        if filter.get("organization"):
            queryset = queryset.filter(organization_id=decode_query_id(
                filter["organization"], "Organization", "filter.organization"))
        return _connection(queryset.order_by("price_list_id", "id"), args,
                           PriceListAssignmentType, info)

    @staticmethod
    def resolve_price_groups(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = _owner(PriceGroupType.visible_queryset(info), filter)
        if _text(filter):
            queryset = queryset.filter(name__icontains=_text(filter))
        return _connection(queryset.order_by("owner_id", "name", "id"), args,
                           PriceGroupType, info)

    @staticmethod
    def resolve_resale_markups(root, info, filter=None, **args):
        queryset = _owner(ResaleMarkupType.visible_queryset(info), plain_values(filter or {}),
                          "organization_id")
        return _connection(queryset.order_by("organization_id"), args, ResaleMarkupType, info)

    @staticmethod
    def resolve_promotions(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = _by_status(_owner(PromotionType.visible_queryset(info), filter),
                              filter.get("status"))
        if _text(filter):
            queryset = queryset.filter(name__icontains=_text(filter))
        return _connection(queryset.order_by("-starts", "id"), args, PromotionType, info)

    @staticmethod
    def resolve_volume_discounts(root, info, filter=None, **args):
        queryset = _owner(VolumeDiscountType.visible_queryset(info), plain_values(filter or {}))
        return _connection(queryset.order_by("owner_id", "id"), args, VolumeDiscountType,
                           info)

    @staticmethod
    def resolve_map_floors(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = MapFloorType.visible_queryset(info)
        if filter.get("category"):
            queryset = queryset.filter(category_id=decode_query_id(
                filter["category"], "Category", "filter.category"))
        if _text(filter):
            queryset = queryset.filter(variant__sku__icontains=_text(filter))
        return _connection(queryset.order_by("owner_id", "id"), args, MapFloorType, info)

    @staticmethod
    def resolve_recompute_jobs(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = RecomputeJobType.visible_queryset(info)
        if filter.get("price_list"):
            queryset = queryset.filter(price_list_id=decode_query_id(
                filter["price_list"], "PriceList", "filter.priceList"))
        return _connection(queryset.order_by("-created_at", "-id"), args, RecomputeJobType,
                           info)

    @staticmethod
    def resolve_recompute_job(root, info, id):
        return RecomputeJobType.lookup(info, id)
