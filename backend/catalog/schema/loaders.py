"""Batch loaders for catalog relations: one query per relation per request."""

from __future__ import annotations

from collections import defaultdict

from backend.core.graphql.loaders import ByIdLoader, DataLoader, group_by
from backend.core.keyed_query import KeyedQuery

from ..models import (
    Attribute,
    AttributeValue,
    Category,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
)

# Timestamps are not in the API; parsing 2 per variant is a tenth of a page's cost.
_VARIANTS_OF_PRODUCTS = KeyedQuery(
    lambda: ProductVariant.objects.defer("created_at", "updated_at"), "product_id")
_IMAGES_OF_PRODUCTS = KeyedQuery(ProductImage.objects.all, "product_id")
_CHILD_CATEGORIES = KeyedQuery(Category.objects.all, "parent_id")
_VALUES_OF_ATTRIBUTES = KeyedQuery(AttributeValue.objects.all, "attribute_id")


class CategoryByIdLoader(ByIdLoader):
    siblings = ((Product, "category_id"), (Category, "parent_id"))
    model = Category


class ProductTypeByIdLoader(ByIdLoader):
    siblings = ((Product, "product_type_id"),)
    model = ProductType


class AttributeByIdLoader(ByIdLoader):
    siblings = ((AttributeValue, "attribute_id"),)
    model = Attribute


class ProductByIdLoader(ByIdLoader):
    siblings = ((ProductVariant, "product_id"),)
    model = Product


class VariantsByProductIdLoader(DataLoader):
    siblings = ((Product, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(_VARIANTS_OF_PRODUCTS.rows(keys), "product_id")
        return [grouped.get(key, []) for key in keys]


class ImagesByProductIdLoader(DataLoader):
    siblings = ((Product, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(_IMAGES_OF_PRODUCTS.rows(keys), "product_id")
        return [grouped.get(key, []) for key in keys]


class ChildrenByCategoryIdLoader(DataLoader):
    siblings = ((Category, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(_CHILD_CATEGORIES.rows(keys), "parent_id")
        return [grouped.get(key, []) for key in keys]


class ValuesByAttributeIdLoader(DataLoader):
    siblings = ((Attribute, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(_VALUES_OF_ATTRIBUTES.rows(keys), "attribute_id")
        return [grouped.get(key, []) for key in keys]


def _values_by_owner(through_model, owner_field: str, keys):
    links = (through_model.objects.filter(**{f"{owner_field}__any": keys})
             .select_related("attributevalue__attribute")
             .order_by("attributevalue__attribute__name", "attributevalue__sort_order"))
    grouped = defaultdict(list)
    for link in links:
        grouped[getattr(link, owner_field)].append(link.attributevalue)
    return [grouped.get(key, []) for key in keys]


class AttributeValuesByProductIdLoader(DataLoader):
    siblings = ((Product, "pk"),)

    def batch_load(self, keys):
        return _values_by_owner(Product.attribute_values.through, "product_id", keys)


class AttributeValuesByVariantIdLoader(DataLoader):
    siblings = ((ProductVariant, "pk"),)

    def batch_load(self, keys):
        return _values_by_owner(ProductVariant.attribute_values.through, "productvariant_id",
                                keys)


class _AttributesOfTypeLoader(DataLoader):
    relation = ""

    def batch_load(self, keys):
        through = getattr(ProductType, self.relation).through
        links = through.objects.filter(producttype_id__any=keys).select_related("attribute")
        grouped = defaultdict(list)
        for link in links:
            grouped[link.producttype_id].append(link.attribute)
        return [sorted(grouped.get(key, []), key=lambda a: a.name) for key in keys]


class ProductAttributesByTypeIdLoader(_AttributesOfTypeLoader):
    siblings = ((ProductType, "pk"),)
    relation = "product_attributes"


class VariantAttributesByTypeIdLoader(_AttributesOfTypeLoader):
    siblings = ((ProductType, "pk"),)
    relation = "variant_attributes"
