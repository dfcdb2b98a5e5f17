"""Product list filters and sorting over a visible queryset."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Category, Product, ProductVariant
from .search_correction import SearchResult, search_with_correction

SORT_FIELDS = {
    "NAME": ("name",),
    "CREATED_AT": ("created_at",),
    "UPDATED_AT": ("updated_at",),
    "RELEVANCE": ("search_rank",),
}


@dataclass
class ProductFilter:
    search: str | None = None
    category_ids: list[int] = field(default_factory=list)
    include_subcategories: bool = True
    product_type_ids: list[int] = field(default_factory=list)
    # {attribute slug: [value slugs]}: a product matches an attribute when it (or one of
    # its variants) has any of the values; all listed attributes must match.
    attributes: dict[str, list[str]] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)
    is_published: bool | None = None
    samples_available: bool | None = None
    preorder_allowed: bool | None = None
    # On the product's lowest price for the viewer (``prices``: ``backend.catalog.prices``).
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    prices: Any = None
    # Products with a variant available in a warehouse the viewer sees (``stock``:
    # ``backend.catalog.stock``).
    in_stock: bool | None = None
    stock: Any = None


def _category_condition(category_ids: list[int], include_subcategories: bool) -> Q:
    if not include_subcategories:
        return Q(category_id__in=category_ids)
    paths = Category.objects.filter(pk__in=category_ids).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(category__path__startswith=path)
    return condition


def _attribute_condition(attribute: str, values: list[str]) -> Q:
    through_product = Product.attribute_values.through.objects.filter(
        product_id=OuterRef("pk"),
        attributevalue__attribute__slug=attribute,
        attributevalue__slug__in=values,
    )
    through_variant = ProductVariant.attribute_values.through.objects.filter(
        productvariant__product_id=OuterRef("pk"),
        attributevalue__attribute__slug=attribute,
        attributevalue__slug__in=values,
    )
    return Q(Exists(through_product)) | Q(Exists(through_variant))


def filter_products(queryset: QuerySet[Product], spec: ProductFilter) -> QuerySet[Product]:
    """``queryset`` narrowed by every filter of ``spec`` but the search."""
    if spec.ids:
        queryset = queryset.filter(pk__in=spec.ids)
    if spec.category_ids:
        queryset = queryset.filter(
            _category_condition(spec.category_ids, spec.include_subcategories))
    if spec.product_type_ids:
        queryset = queryset.filter(product_type_id__in=spec.product_type_ids)
    for attribute, values in spec.attributes.items():
        if values:
            queryset = queryset.filter(_attribute_condition(attribute, values))
    for flag in ("is_published", "samples_available", "preorder_allowed"):
        value = getattr(spec, flag)
        if value is not None:
            queryset = queryset.filter(**{flag: value})
    if spec.price_min is not None or spec.price_max is not None:
        try:
            queryset = queryset.filter(spec.prices.within(queryset, spec.price_min,
                                                          spec.price_max))
        except EmptyResultSet:  # nothing visible to price
            queryset = queryset.none()
    if spec.in_stock is not None:
        condition = spec.stock.in_stock()
        queryset = queryset.filter(condition if spec.in_stock else ~condition)
    return queryset


def find_products(queryset: QuerySet[Product], spec: ProductFilter) -> SearchResult:
    """``queryset`` narrowed by ``spec``, its search corrected when as typed it finds
    nothing (``search_correction``)."""
    queryset = filter_products(queryset, spec)
    if not spec.search:
        return SearchResult(queryset)
    return search_with_correction(queryset, spec.search)


def sort_products(queryset: QuerySet[Product], sort_field: str | None, descending: bool,
                  searching: bool, prices: Any = None) -> QuerySet[Product]:
    """Sort by ``sort_field`` (relevance by default while searching, else name), with the
    primary key as tie-breaker so pages never overlap. ``PRICE`` sorts by the viewer's
    lowest price (``prices``), products without a price last both ways."""
    if sort_field == "PRICE":
        try:
            key = prices.sort_key(queryset)
        except EmptyResultSet:
            return queryset.none()
        order = key.desc(nulls_last=True) if descending else key.asc(nulls_last=True)
        return queryset.order_by(order, "-pk" if descending else "pk")
    if sort_field is None:
        sort_field = "RELEVANCE" if searching else "NAME"
        descending = searching
    if sort_field == "RELEVANCE" and not searching:
        sort_field = "NAME"
    prefix = "-" if descending else ""
    order = [f"{prefix}{name}" for name in SORT_FIELDS[sort_field]]
    return queryset.order_by(*order, f"{prefix}pk")
