"""Categories, attributes and product types."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import ProtectedError

from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.inputs import UNSET
from backend.core.models import check_columns
from backend.core.text import normalize_name

from ..errors import CatalogErrorCode
from ..models import Attribute, AttributeValue, Category, ProductType
from ..slugs import slug_base, unique_slug

MAX_CATEGORY_DEPTH = 5
MAX_NAME_LENGTH = 255  # every catalog name column


def check_slug(model, slug: str | None, errors: ErrorCollector, *, exclude_pk=None) -> None:
    """A slug given must be free."""
    if not slug:
        return
    slug = slug_base(slug)
    taken = model._default_manager.filter(slug=slug)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        errors.add(CatalogErrorCode.DUPLICATE_SLUG, f"The slug '{slug}' is already used.",
                   "slug")


def slug_for(model, slug: str | None, name: str | None, *, exclude_pk=None) -> str:
    """The given slug (checked by ``check_slug``), or a unique one made from the name."""
    if slug:
        return slug_base(slug)
    return unique_slug(model, name or "", exclude_pk=exclude_pk)


def require_name(name: str | None, errors: ErrorCollector, creating: bool) -> None:
    """A new entity needs a name; a given name must be a single-line readable name."""
    if (creating and not name) or (name is not None and not name.strip()):
        errors.add(CatalogErrorCode.REQUIRED, "Enter a name.", "name")
    errors.check_name(name, "name", MAX_NAME_LENGTH)


@dataclass(kw_only=True)
class CategoryData:
    """A category's input; ``None`` (``UNSET`` for the parent, where ``None`` means top
    level) leaves a field as it is."""

    name: str | None = None
    slug: str | None = None
    description: str | None = None
    parent: Category | None = UNSET
    sort_order: int | None = None


def category_errors(category: Category, data: CategoryData) -> list[ErrorDetail]:
    """Everything wrong with applying ``data`` to ``category`` (new when unsaved)."""
    errors = ErrorCollector()
    require_name(data.name, errors, category.pk is None)
    parent = data.parent or None
    if parent is not None and category.pk and parent.path.startswith(category.path):
        errors.add(CatalogErrorCode.INVALID_PARENT,
                   "A category cannot be placed under itself or its subcategories.", "parent")
    elif parent is not None and parent.depth + 1 >= MAX_CATEGORY_DEPTH:
        errors.add(CatalogErrorCode.INVALID_PARENT,
                   f"Categories nest at most {MAX_CATEGORY_DEPTH} levels.", "parent")
    check_slug(Category, data.slug, errors, exclude_pk=category.pk)
    return errors.errors


def save_category(category: Category | None, data: CategoryData) -> Category:
    category = category or Category()
    errors = category_errors(category, data)
    if errors:
        raise DomainValidationError(errors)
    if data.parent is not UNSET:
        category.parent = data.parent
    if category.pk is None or data.slug:
        category.slug = slug_for(Category, data.slug, data.name, exclude_pk=category.pk)
    if data.name is not None:
        category.name = normalize_name(data.name)
    if data.description is not None:
        category.description = data.description
    if data.sort_order is not None:
        category.sort_order = data.sort_order
    category.save()
    return category


def delete_category(category: Category) -> None:
    try:
        category.delete()
    except ProtectedError:
        raise DomainValidationError.single(
            CatalogErrorCode.IN_USE,
            "The category still has products or subcategories; move or delete them first.",
            "id",
        )


@dataclass(kw_only=True)
class AttributeData:
    """An attribute's input; ``None`` leaves a field as it is. ``values`` are names of
    values to add (existing ones are kept)."""

    name: str | None = None
    slug: str | None = None
    input_type: str | None = None
    unit: str | None = None
    filterable: bool | None = None
    values: list[str] | None = None


def save_attribute(attribute: Attribute | None, data: AttributeData) -> Attribute:
    creating = attribute is None
    attribute = attribute or Attribute()
    errors = ErrorCollector()
    require_name(data.name, errors, creating)
    check_slug(Attribute, data.slug, errors, exclude_pk=attribute.pk)
    values = data.values or []
    seen: set[str] = set()
    for i, value in enumerate(values):
        slug = slug_base(value)
        if not value.strip():
            errors.add(CatalogErrorCode.REQUIRED, "Attribute values cannot be empty.",
                       f"values.{i}")
        elif slug in seen:
            errors.add(CatalogErrorCode.DUPLICATE_SLUG, f"'{value}' is listed twice.",
                       f"values.{i}")
        else:
            errors.check_name(value, f"values.{i}", MAX_NAME_LENGTH)
        seen.add(slug)
    errors.raise_if_any()
    if creating or data.slug:
        attribute.slug = slug_for(Attribute, data.slug, data.name, exclude_pk=attribute.pk)
    if data.name is not None:
        attribute.name = normalize_name(data.name)
    for name in ("input_type", "unit", "filterable"):
        if getattr(data, name) is not None:
            setattr(attribute, name, getattr(data, name))
    attribute.save()
    existing = set(attribute.values.values_list("slug", flat=True))
    new_values = [
        AttributeValue(attribute=attribute, name=normalize_name(v), slug=slug_base(v),
                       sort_order=i)
        for i, v in enumerate(values) if slug_base(v) not in existing
    ]
    for value in new_values:  # bulk_create skips save() and its column check
        check_columns(value, field=f"values.{value.sort_order}")
    AttributeValue.objects.bulk_create(new_values)
    return attribute


@dataclass(kw_only=True)
class ProductTypeData:
    """A product type's input; ``None`` leaves a field as it is (the attribute lists are
    replaced when given)."""

    name: str | None = None
    slug: str | None = None
    product_attributes: list[Attribute] | None = None
    variant_attributes: list[Attribute] | None = None


def save_product_type(product_type: ProductType | None,
                      data: ProductTypeData) -> ProductType:
    creating = product_type is None
    product_type = product_type or ProductType()
    errors = ErrorCollector()
    require_name(data.name, errors, creating)
    check_slug(ProductType, data.slug, errors, exclude_pk=product_type.pk)
    errors.raise_if_any()
    if creating or data.slug:
        product_type.slug = slug_for(ProductType, data.slug, data.name,
                                     exclude_pk=product_type.pk)
    if data.name:
        product_type.name = normalize_name(data.name)
    product_type.save()
    if data.product_attributes is not None:
        product_type.product_attributes.set(data.product_attributes)
    if data.variant_attributes is not None:
        product_type.variant_attributes.set(data.variant_attributes)
    return product_type
