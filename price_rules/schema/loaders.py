"""Batch loaders for the price rules' relations: one query per relation per request.

Related rows load through the visibility of their own node type (``ByIdLoader``,
``visible_rows_by_pk``), so a nested field never returns a row ``node(id:)`` refuses: a
sub-dealer reading its seller's promotion gets only the audience organizations it may see.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count

from backend.accounts.models import Organization
from backend.catalog.models import Category, Product, ProductVariant
from backend.core.graphql.loaders import ByIdLoader, DataLoader, group_by, visible_rows_by_pk

from ..models import (
    MapFloor,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    RecomputeJob,
    ResaleMarkup,
    VolumeDiscount,
    VolumeDiscountStep,
)
from ..visibility import visible_price_list_assignments


class OrganizationOfPriceRuleLoader(ByIdLoader):
    """Owners and targets of price rules, ``None`` for those the viewer may not see."""

    siblings = ((PriceList, "owner_id"), (PriceGroup, "owner_id"),
                (PriceListAssignment, "organization_id"), (ResaleMarkup, "organization_id"),
                (Promotion, "owner_id"), (VolumeDiscount, "owner_id"), (MapFloor, "owner_id"))
    model = Organization


class PriceListByIdLoader(ByIdLoader):
    siblings = ((PriceList, "fallback_id"), (PriceList, "source_id"),
                (PriceListEntry, "price_list_id"), (PriceListAssignment, "price_list_id"),
                (RecomputeJob, "price_list_id"))
    model = PriceList


class PriceGroupByIdLoader(ByIdLoader):
    siblings = ((PriceListAssignment, "price_group_id"),)
    model = PriceGroup


class VariantOfPriceRuleLoader(ByIdLoader):
    siblings = ((PriceListEntry, "variant_id"), (MapFloor, "variant_id"))
    model = ProductVariant


class CategoryOfPriceRuleLoader(ByIdLoader):
    siblings = ((MapFloor, "category_id"),)
    model = Category


class AssignmentsByListIdLoader(DataLoader):
    siblings = ((PriceList, "pk"),)

    def batch_load(self, keys):
        rows = visible_price_list_assignments(self.context.viewer).filter(
            price_list_id__in=keys).order_by("price_list_id", "id")
        grouped = group_by(rows, "price_list_id")
        return [grouped.get(key, []) for key in keys]


class EntryCountByListIdLoader(DataLoader):
    siblings = ((PriceList, "pk"),)

    def batch_load(self, keys):
        counts = dict(PriceListEntry.objects.filter(price_list_id__in=keys)
                      .values("price_list_id").annotate(n=Count("id"))
                      .values_list("price_list_id", "n"))
        return [counts.get(key, 0) for key in keys]


class _CountByKeyLoader(DataLoader):
    """How many rows of ``model`` have each key in ``column``: one grouped query. Only for
    rows whose parent the viewer already sees (its own group's members and assignments)."""

    model: type = PriceGroupMember
    column = ""

    def batch_load(self, keys):
        counts = dict(self.model.objects.filter(**{f"{self.column}__in": keys})
                      .values(self.column).annotate(n=Count("id"))
                      .values_list(self.column, "n"))
        return [counts.get(key, 0) for key in keys]


class MemberCountByGroupIdLoader(_CountByKeyLoader):
    siblings = ((PriceGroup, "pk"),)
    model = PriceGroupMember
    column = "group_id"


class AssignmentCountByGroupIdLoader(_CountByKeyLoader):
    siblings = ((PriceGroup, "pk"),)
    model = PriceListAssignment
    column = "price_group_id"


class StepsByVolumeDiscountIdLoader(DataLoader):
    siblings = ((VolumeDiscount, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(VolumeDiscountStep.objects.filter(discount_id__in=keys)
                           .order_by("discount_id", "threshold"), "discount_id")
        return [grouped.get(key, []) for key in keys]


class _LinkedRowsLoader(DataLoader):
    """The rows of ``target`` linked to each key through a many-to-many table, among
    those the viewer may see, in the target's primary key order."""

    through = None  # the many-to-many table
    source_column = ""
    target_column = ""
    target: type = Organization

    def batch_load(self, keys):
        links = list(self.through.objects.filter(**{f"{self.source_column}__in": keys})
                     .values_list(self.source_column, self.target_column))
        rows = visible_rows_by_pk(self.target, self.context.viewer,
                                  sorted({target for _, target in links}))
        grouped = defaultdict(list)
        for source, target in sorted(links, key=lambda link: link[1]):
            if target in rows:
                grouped[source].append(rows[target])
        return [grouped.get(key, []) for key in keys]


class MembersByGroupIdLoader(_LinkedRowsLoader):
    siblings = ((PriceGroup, "pk"),)
    through = PriceGroupMember
    source_column, target_column = "group_id", "organization_id"


def _promotion_links(field: str, column: str, model: type) -> type[_LinkedRowsLoader]:
    return type(f"Promotion{field.title().replace('_', '')}Loader", (_LinkedRowsLoader,), {
        "siblings": ((Promotion, "pk"),), "through": getattr(Promotion, field).through,
        "source_column": "promotion_id", "target_column": column, "target": model})


def _discount_links(field: str, column: str, model: type) -> type[_LinkedRowsLoader]:
    return type(f"VolumeDiscount{field.title().replace('_', '')}Loader", (_LinkedRowsLoader,), {
        "siblings": ((VolumeDiscount, "pk"),), "through": getattr(VolumeDiscount, field).through,
        "source_column": "volumediscount_id", "target_column": column, "target": model})


PromotionVariantsLoader = _promotion_links("variants", "productvariant_id", ProductVariant)
PromotionProductsLoader = _promotion_links("products", "product_id", Product)
PromotionCategoriesLoader = _promotion_links("categories", "category_id", Category)
PromotionOrganizationsLoader = _promotion_links("audience_organizations", "organization_id",
                                                Organization)
PromotionPriceGroupsLoader = _promotion_links("audience_price_groups", "pricegroup_id",
                                              PriceGroup)
DiscountOrganizationsLoader = _discount_links("audience_organizations", "organization_id",
                                              Organization)
DiscountPriceGroupsLoader = _discount_links("audience_price_groups", "pricegroup_id",
                                            PriceGroup)
