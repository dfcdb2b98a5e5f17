"""Catalog types: thin over the models, relations through batch loaders."""

from __future__ import annotations

import re
from collections import OrderedDict

import graphene
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils.encoding import filepath_to_uri

from backend.core.graphql.connection import CountableConnection
from backend.core.graphql.types import ModelObjectType
from backend.core.tree_paths import ancestor_ids

from ..models import (
    Attribute,
    AttributeInputType,
    AttributeValue,
    Category,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
    Unit,
)
from ..thumbnails import THUMBNAIL_SIZES, pick_size
from ..visibility import (
    visible_attribute_values,
    visible_attributes,
    visible_categories,
    visible_product_images,
    visible_product_types,
    visible_products,
    visible_variants,
)
from . import loaders

UnitEnum = graphene.Enum("Unit", [(u.value, u.value) for u in Unit],
                         description="Unit of measure a variant is sold in.")
AttributeInputTypeEnum = graphene.Enum(
    "AttributeInputType", [(t.value, t.value) for t in AttributeInputType])


class Image(graphene.ObjectType):
    url = graphene.String(required=True, description="Absolute URL of the image.")
    alt = graphene.String(required=True)
    size = graphene.Int(description="Longest side in pixels, for thumbnails.")


# Characters ``filepath_to_uri`` leaves as they are.
_URL_SAFE_NAME = re.compile(r"[A-Za-z0-9_.~!*()'/-]*")


def _absolute(info, name: str) -> str:
    """Absolute URL of a stored file. For files on the local file system the request's
    media base is computed once and joined by hand (``storage.url`` per image is a
    noticeable share of a catalog page)."""
    if not isinstance(default_storage, FileSystemStorage):
        return info.context.build_absolute_uri(default_storage.url(name))
    base = getattr(info.context, "_media_base", None)
    if base is None:
        base = info.context._media_base = info.context.build_absolute_uri(
            default_storage.base_url)
    if _URL_SAFE_NAME.fullmatch(name):  # most names: quoting would change nothing
        return base + name
    return base + filepath_to_uri(name)


def _thumbnail(info, image: ProductImage, size: int | None) -> Image:
    chosen = pick_size(size)
    name = image.thumbnails.get(str(chosen))
    if not name:
        return Image(url=_absolute(info, image.image.name), alt=image.alt, size=None)
    return Image(url=_absolute(info, name), alt=image.alt, size=chosen)


_THUMBNAIL_SIZE_DOC = (f"Made sizes: {', '.join(map(str, THUMBNAIL_SIZES))}; "
                       "the nearest larger one is returned.")


class CategoryType(ModelObjectType):
    level = graphene.Int(required=True, description="0 for a top-level category.")
    parent = graphene.Field(lambda: CategoryType)
    children = graphene.List(graphene.NonNull(lambda: CategoryType), required=True)
    ancestors = graphene.List(graphene.NonNull(lambda: CategoryType), required=True,
                              description="From the top level down to the parent.")

    class Meta:
        model = Category
        name = "Category"
        visible = visible_categories
        fields = ("id", "name", "slug", "description", "sort_order")

    @staticmethod
    def resolve_level(root: Category, info):
        return root.depth

    @staticmethod
    def resolve_parent(root: Category, info):
        return loaders.CategoryByIdLoader(info.context).load(root.parent_id)

    @staticmethod
    def resolve_children(root: Category, info):
        return loaders.ChildrenByCategoryIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_ancestors(root: Category, info):
        ids = ancestor_ids(root.path)
        if not ids:
            return []
        return loaders.CategoryByIdLoader(info.context).load_many(ids)


class AttributeValueType(ModelObjectType):
    attribute = graphene.Field(lambda: AttributeType, required=True)

    class Meta:
        model = AttributeValue
        name = "AttributeValue"
        visible = visible_attribute_values
        fields = ("id", "name", "slug")

    @staticmethod
    def resolve_attribute(root: AttributeValue, info):
        return loaders.AttributeByIdLoader(info.context).load(root.attribute_id)


class AttributeType(ModelObjectType):
    input_type = graphene.Field(AttributeInputTypeEnum, required=True)
    values = graphene.List(graphene.NonNull(AttributeValueType), required=True)

    class Meta:
        model = Attribute
        name = "Attribute"
        visible = visible_attributes
        fields = ("id", "name", "slug", "unit", "filterable")

    @staticmethod
    def resolve_values(root: Attribute, info):
        return loaders.ValuesByAttributeIdLoader(info.context).load(root.pk)


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(AttributeType, required=True)
    values = graphene.List(graphene.NonNull(AttributeValueType), required=True)


def _selected_attributes(values: list[AttributeValue]) -> list[SelectedAttribute]:
    grouped: OrderedDict[int, SelectedAttribute] = OrderedDict()
    for value in values:
        entry = grouped.get(value.attribute_id)
        if entry is None:
            entry = grouped[value.attribute_id] = SelectedAttribute(
                attribute=value.attribute, values=[])
        entry.values.append(value)
    return list(grouped.values())


class ProductTypeType(ModelObjectType):
    product_attributes = graphene.List(graphene.NonNull(AttributeType), required=True)
    variant_attributes = graphene.List(graphene.NonNull(AttributeType), required=True)

    class Meta:
        model = ProductType
        name = "ProductType"
        visible = visible_product_types
        fields = ("id", "name", "slug")

    @staticmethod
    def resolve_product_attributes(root: ProductType, info):
        return loaders.ProductAttributesByTypeIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_variant_attributes(root: ProductType, info):
        return loaders.VariantAttributesByTypeIdLoader(info.context).load(root.pk)


class ProductImageType(ModelObjectType):
    url = graphene.String(required=True, description="The original image.")
    thumbnail = graphene.Field(Image, required=True, size=graphene.Int(
        description=_THUMBNAIL_SIZE_DOC))

    class Meta:
        model = ProductImage
        name = "ProductImage"
        visible = visible_product_images
        fields = ("id", "alt", "sort_order")

    @staticmethod
    def resolve_url(root: ProductImage, info):
        return _absolute(info, root.image.name)

    @staticmethod
    def resolve_thumbnail(root: ProductImage, info, size=None):
        return _thumbnail(info, root, size)


class ProductVariantType(ModelObjectType):
    unit = graphene.Field(UnitEnum, required=True)
    pack_size = graphene.Decimal(required=True, description="Units in one pack.")
    min_order_quantity = graphene.Decimal(required=True)
    order_multiple = graphene.Decimal(required=True,
                                      description="Quantities are ordered in steps of this.")
    weight_kg = graphene.Decimal()
    volume_m3 = graphene.Decimal()
    product = graphene.Field(lambda: ProductObjectType, required=True)
    attributes = graphene.List(graphene.NonNull(SelectedAttribute), required=True)

    class Meta:
        model = ProductVariant
        name = "ProductVariant"
        visible = visible_variants
        fields = ("id", "sku", "name", "sort_order")

    @staticmethod
    def resolve_product(root: ProductVariant, info):
        return loaders.ProductByIdLoader(info.context).load(root.product_id)

    @staticmethod
    def resolve_attributes(root: ProductVariant, info):
        return loaders.AttributeValuesByVariantIdLoader(info.context).load_then(
            root.pk, _selected_attributes)


class ProductConnection(CountableConnection):
    class Meta:
        abstract = True

    search_correction = graphene.String(
        description="The search text the list was found with when the text asked for "
                    "found nothing (another keyboard layout, a typo corrected); null when "
                    "the text was searched as asked.")


class ProductObjectType(ModelObjectType):
    category = graphene.Field(CategoryType, required=True)
    product_type = graphene.Field(ProductTypeType, required=True)
    variants = graphene.List(graphene.NonNull(ProductVariantType), required=True,
                             description="All variants (a product has a bounded few).")
    images = graphene.List(graphene.NonNull(ProductImageType), required=True)
    thumbnail = graphene.Field(Image, size=graphene.Int(description=_THUMBNAIL_SIZE_DOC),
                               description="The first image's thumbnail, if any.")
    attributes = graphene.List(graphene.NonNull(SelectedAttribute), required=True)

    class Meta:
        model = Product
        name = "Product"
        visible = visible_products
        connection_class = ProductConnection
        fields = ("id", "name", "slug", "description", "is_published", "samples_available",
                  "preorder_allowed", "created_at", "updated_at")

    @staticmethod
    def resolve_category(root: Product, info):
        return loaders.CategoryByIdLoader(info.context).load(root.category_id)

    @staticmethod
    def resolve_product_type(root: Product, info):
        return loaders.ProductTypeByIdLoader(info.context).load(root.product_type_id)

    @staticmethod
    def resolve_variants(root: Product, info):
        return loaders.VariantsByProductIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_images(root: Product, info):
        return loaders.ImagesByProductIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_thumbnail(root: Product, info, size=None):
        return loaders.ImagesByProductIdLoader(info.context).load_then(
            root.pk, lambda images: _thumbnail(info, images[0], size) if images else None)

    @staticmethod
    def resolve_attributes(root: Product, info):
        return loaders.AttributeValuesByProductIdLoader(info.context).load_then(
            root.pk, _selected_attributes)
