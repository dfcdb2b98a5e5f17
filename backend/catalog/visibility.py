"""Which catalog rows a viewer may see: the only place that decides.

Staff who manage the catalog (or view all) see unpublished products too. Everyone else
sees published products, narrowed further by plugins (``visible_products`` hook: price
list visibility, assortments). Anonymous visitors see the published catalog when
``CATALOG_PUBLIC`` is on (no prices are ever shown to them).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

from backend.core.permissions import Perm
from backend.core.plugins import get_plugins_manager
from backend.core.viewer import Viewer

from .models import (
    Attribute,
    AttributeValue,
    Category,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
)


def _manages_catalog(viewer: Viewer) -> bool:
    return viewer.has_perm(Perm.MANAGE_CATALOG) or viewer.has_perm(Perm.VIEW_ALL)


# Search columns are internal and large: never load them into model instances.
_SEARCH_COLUMNS = ("search_vector", "search_document")


def visible_products(viewer: Viewer) -> QuerySet[Product]:
    products = Product.objects.defer(*_SEARCH_COLUMNS)
    if _manages_catalog(viewer):
        return products
    if not viewer.is_authenticated and not settings.CATALOG_PUBLIC:
        return products.none()
    published = products.filter(is_published=True)
    return get_plugins_manager().run("visible_products", published, viewer)


def visible_variants(viewer: Viewer) -> QuerySet[ProductVariant]:
    if _manages_catalog(viewer):
        return ProductVariant.objects.all()
    return ProductVariant.objects.filter(product__in=visible_products(viewer))


def visible_product_images(viewer: Viewer) -> QuerySet[ProductImage]:
    if _manages_catalog(viewer):
        return ProductImage.objects.all()
    return ProductImage.objects.filter(product__in=visible_products(viewer))


def visible_categories(viewer: Viewer) -> QuerySet[Category]:
    if not viewer.is_authenticated and not settings.CATALOG_PUBLIC:
        return Category.objects.none()
    return Category.objects.all()


def visible_attributes(viewer: Viewer) -> QuerySet[Attribute]:
    """Attributes, their values and product types describe the shared catalog: whoever
    may see categories may see them."""
    if not viewer.is_authenticated and not settings.CATALOG_PUBLIC:
        return Attribute.objects.none()
    return Attribute.objects.all()


def visible_attribute_values(viewer: Viewer) -> QuerySet[AttributeValue]:
    return AttributeValue.objects.filter(attribute__in=visible_attributes(viewer))


def visible_product_types(viewer: Viewer) -> QuerySet[ProductType]:
    if not viewer.is_authenticated and not settings.CATALOG_PUBLIC:
        return ProductType.objects.none()
    return ProductType.objects.all()
