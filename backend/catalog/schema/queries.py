"""Catalog root fields. Every list resolves through the visibility functions."""

from __future__ import annotations

import graphene
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Upper
from graphql import GraphQLError

from backend.core.errors import DomainValidationError
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.ids import decode_query_id, decode_query_ids, graphql_error_from
from backend.core.graphql.loaders import remember_rows
from backend.core.graphql.types import SortDirection
from backend.core.graphql.values import plain_values

from ..facets import product_facets
from ..filters import ProductFilter, find_products, sort_products
from ..prices import viewer_prices
from ..stock import viewer_stock
from .facets import AttributeFacet
from .types import (
    AttributeType,
    CategoryType,
    ProductObjectType,
    ProductTypeType,
    ProductVariantType,
)

MAX_SKUS = 500


class AttributeFilterInput(graphene.InputObjectType):
    slug = graphene.String(required=True, description="The attribute's slug, e.g. 'color'.")
    values = graphene.List(graphene.NonNull(graphene.String), required=True,
                           description="Value slugs; a product matches any of them.")


class ProductFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Words or part of a name or SKU, Russian or English.")
    categories = graphene.List(graphene.NonNull(graphene.ID))
    include_subcategories = graphene.Boolean(default_value=True)
    product_types = graphene.List(graphene.NonNull(graphene.ID))
    attributes = graphene.List(graphene.NonNull(AttributeFilterInput))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    is_published = graphene.Boolean(description="Visible to catalog staff only.")
    samples_available = graphene.Boolean()
    preorder_allowed = graphene.Boolean()
    price_min = graphene.Decimal(description="Products whose lowest price for the viewer "
                                             "(gross) is at least this. Signed-in viewers only.")
    price_max = graphene.Decimal(description="Products whose lowest price for the viewer "
                                             "(gross) is at most this. Signed-in viewers only.")
    in_stock_in_my_network = graphene.Boolean(
        description="Products with a variant available (true; or none: false) in a "
                    "warehouse the viewer sees. Anonymous visitors see no stock.")


class ProductSortField(graphene.Enum):
    NAME = "NAME"
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"
    RELEVANCE = "RELEVANCE"
    PRICE = "PRICE"

    @property
    def description(self):
        if self == ProductSortField.PRICE:
            return ("The product's lowest price for the viewer (gross); products without a "
                    "price last both ways. Signed-in viewers only.")
        return None


class ProductSortingInput(graphene.InputObjectType):
    field = graphene.Field(ProductSortField, required=True)
    direction = graphene.Field(SortDirection, default_value=SortDirection.ASC.value)


class CategoryFilterInput(graphene.InputObjectType):
    level = graphene.Int(description="0 for top-level categories.")
    parent = graphene.ID(description="Direct children of this category.")
    search = graphene.String()


def _prices(info, field: str):
    try:
        return viewer_prices(info.context.viewer, field)
    except DomainValidationError as exc:
        raise graphql_error_from(exc)


def _product_filter(data, info) -> ProductFilter:
    data = data or {}
    is_published = data.get("is_published") if info.context.viewer.is_staff else None
    price_min, price_max = data.get("price_min"), data.get("price_max")
    priced = price_min is not None or price_max is not None
    return ProductFilter(
        search=(data.get("search") or "").strip() or None,
        category_ids=decode_query_ids(data.get("categories") or [], "Category",
                                      "filter.categories"),
        include_subcategories=data.get("include_subcategories", True),
        product_type_ids=decode_query_ids(data.get("product_types") or [], "ProductType",
                                          "filter.productTypes"),
        attributes={a["slug"]: list(a["values"]) for a in data.get("attributes") or []},
        ids=decode_query_ids(data.get("ids") or [], "Product", "filter.ids"),
        is_published=is_published,
        samples_available=data.get("samples_available"),
        preorder_allowed=data.get("preorder_allowed"),
        price_min=price_min, price_max=price_max,
        prices=_prices(info, "filter.priceMin" if price_min is not None else "filter.priceMax")
        if priced else None,
        in_stock=data.get("in_stock_in_my_network"),
        stock=viewer_stock(info.context.viewer)
        if data.get("in_stock_in_my_network") is not None else None,
    )


class CatalogQueries(graphene.ObjectType):
    products = graphene.ConnectionField(
        ProductObjectType._meta.connection, required=True,
        filter=ProductFilterInput(),
        sort_by=ProductSortingInput(),
        description="Products the viewer may see, filtered and sorted.",
    )
    product_facets = graphene.List(
        graphene.NonNull(AttributeFacet), required=True, filter=ProductFilterInput(),
        description="The filterable attributes of the products `products(filter:)` finds, "
                    "with the number of products per value (facets).")
    product = graphene.Field(ProductObjectType, id=graphene.ID(), slug=graphene.String(),
                             description="A product by ID or slug.")
    variants = graphene.ConnectionField(
        ProductVariantType._meta.connection, required=True,
        skus=graphene.List(graphene.NonNull(graphene.String)),
        description=f"Variants by SKU (case-insensitive), in the order asked; unknown or "
                    f"hidden SKUs are left out. At most {MAX_SKUS} SKUs.",
    )
    categories = graphene.ConnectionField(
        CategoryType._meta.connection, required=True,
                                          filter=CategoryFilterInput(),
                                          description="Categories in tree order.")
    category = graphene.Field(CategoryType, id=graphene.ID(), slug=graphene.String())
    attributes = graphene.ConnectionField(
        AttributeType._meta.connection, required=True,
                                          filterable_only=graphene.Boolean(default_value=False))
    product_types = graphene.ConnectionField(ProductTypeType._meta.connection, required=True)

    @staticmethod
    def resolve_products(root, info, filter=None, sort_by=None, **args):
        spec = _product_filter(filter, info)
        found = find_products(ProductObjectType.visible_queryset(info), spec)
        sort_by = plain_values(sort_by or {})
        sort_field = sort_by.get("field")
        descending = sort_by.get("direction") == SortDirection.DESC.value
        prices = _prices(info, "sortBy.field") if sort_field == "PRICE" else None
        queryset = sort_products(found.products, sort_field, descending, bool(spec.search),
                                 prices)
        connection = resolve_connection(queryset, args, ProductObjectType._meta.connection,
                                        info=info)
        connection.search_correction = found.correction
        return connection

    @staticmethod
    def resolve_product_facets(root, info, filter=None):
        facets = product_facets(ProductObjectType.visible_queryset(info),
                                AttributeType.visible_queryset(info),
                                _product_filter(filter, info))
        remember_rows(info.context, [facet.attribute for facet in facets])
        remember_rows(info.context, [v.value for facet in facets for v in facet.values])
        return facets

    @staticmethod
    def resolve_product(root, info, id=None, slug=None):
        if bool(id) == bool(slug):
            raise GraphQLError("Give exactly one of `id` or `slug`.",
                               extensions={"code": "INVALID"})
        if slug:
            return ProductObjectType.visible_queryset(info).filter(slug=slug).first()
        return ProductObjectType.lookup(info, id)

    @staticmethod
    def resolve_variants(root, info, skus=None, **args):
        queryset = ProductVariantType.visible_queryset(info)
        if skus is not None:
            if len(skus) > MAX_SKUS:
                raise GraphQLError(f"Ask for at most {MAX_SKUS} SKUs at a time.",
                                   extensions={"code": "INVALID", "field": "skus"})
            wanted = [s.strip().upper() for s in skus if s.strip()]
            order = Case(*[When(sku_upper=s, then=Value(i)) for i, s in enumerate(wanted)],
                         output_field=IntegerField())
            queryset = (queryset.annotate(sku_upper=Upper("sku"))
                        .filter(sku_upper__in=wanted).order_by(order, "pk"))
        else:
            queryset = queryset.order_by("sku", "pk")
        return resolve_connection(queryset, args, ProductVariantType._meta.connection,
                                  info=info)

    @staticmethod
    def resolve_categories(root, info, filter=None, **args):
        queryset = CategoryType.visible_queryset(info)
        filter = filter or {}
        if filter.get("level") is not None:
            queryset = queryset.filter(depth=filter["level"])
        if filter.get("parent"):
            queryset = queryset.filter(
                parent_id=decode_query_id(filter["parent"], "Category", "filter.parent"))
        if filter.get("search"):
            queryset = queryset.filter(name__icontains=filter["search"].strip())
        return resolve_connection(queryset.order_by("path"), args,
                                  CategoryType._meta.connection, info=info)

    @staticmethod
    def resolve_category(root, info, id=None, slug=None):
        if bool(id) == bool(slug):
            raise GraphQLError("Give exactly one of `id` or `slug`.",
                               extensions={"code": "INVALID"})
        if slug:
            return CategoryType.visible_queryset(info).filter(slug=slug).first()
        return CategoryType.lookup(info, id)

    @staticmethod
    def resolve_attributes(root, info, filterable_only=False, **args):
        queryset = AttributeType.visible_queryset(info)
        if filterable_only:
            queryset = queryset.filter(filterable=True)
        return resolve_connection(queryset.order_by("name", "pk"), args,
                                  AttributeType._meta.connection, info=info)

    @staticmethod
    def resolve_product_types(root, info, **args):
        return resolve_connection(ProductTypeType.visible_queryset(info).order_by("name", "pk"),
                                  args, ProductTypeType._meta.connection, info=info)
