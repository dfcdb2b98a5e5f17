"""Categories, attributes and product types."""

from __future__ import annotations

from typing import Any

from django.db.models import ProtectedError

from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.models import check_columns
from backend.core.text import normalize_name

from ..errors import CatalogErrorCode
from ..models import Attribute, AttributeValue, Category, ProductType
from ..slugs import slug_base, unique_slug

MAX_CATEGORY_DEPTH = 5
MAX_NAME_LENGTH = 255  # every catalog name column


def check_slug(model, data: dict[str, Any], errors: ErrorCollector, *, exclude_pk=None) -> None:
    """A slug given in ``data`` must be free."""
    if not data.get("slug"):
        return
    slug = slug_base(data["slug"])
    taken = model._default_manager.filter(slug=slug)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        errors.add(CatalogErrorCode.DUPLICATE_SLUG, f"The slug '{slug}' is already used.",
                   "slug")


def slug_for(model, data: dict[str, Any], *, exclude_pk=None) -> str:
    """The given slug (checked by ``check_slug``), or a unique one made from the name."""
    if data.get("slug"):
        return slug_base(data["slug"])
    return unique_slug(model, data.get("name") or "", exclude_pk=exclude_pk)


def require_name(data: dict[str, Any], errors: ErrorCollector, creating: bool) -> None:
    """A new entity needs a name; a given name must be a single-line readable name."""
    name = data.get("name")
    if (creating and not name) or (name is not None and not name.strip()):
        errors.add(CatalogErrorCode.REQUIRED, "Enter a name.", "name")
    errors.check_name(name, "name", MAX_NAME_LENGTH)


def category_errors(category: Category, data: dict[str, Any]) -> list[ErrorDetail]:
    """Everything wrong with applying ``data`` to ``category`` (new when unsaved)."""
    errors = ErrorCollector()
    require_name(data, errors, category.pk is None)
    parent = data.get("parent")
    if parent is not None and category.pk and parent.path.startswith(category.path):
        errors.add(CatalogErrorCode.INVALID_PARENT,
                   "A category cannot be placed under itself or its subcategories.", "parent")
    elif parent is not None and parent.depth + 1 >= MAX_CATEGORY_DEPTH:
        errors.add(CatalogErrorCode.INVALID_PARENT,
                   f"Categories nest at most {MAX_CATEGORY_DEPTH} levels.", "parent")
    check_slug(Category, data, errors, exclude_pk=category.pk)
    return errors.errors


def save_category(category: Category | None, data: dict[str, Any]) -> Category:
    category = category or Category()
    errors = category_errors(category, data)
    if errors:
        raise DomainValidationError(errors)
    if "parent" in data:
        category.parent = data["parent"]
    if category.pk is None or data.get("slug"):
        category.slug = slug_for(Category, data, exclude_pk=category.pk)
    for field in ("name", "description", "sort_order"):
        if data.get(field) is not None:
            setattr(category, field,
                    normalize_name(data[field]) if field == "name" else data[field])
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


def save_attribute(attribute: Attribute | None, data: dict[str, Any]) -> Attribute:
    creating = attribute is None
    attribute = attribute or Attribute()
    errors = ErrorCollector()
    require_name(data, errors, creating)
    check_slug(Attribute, data, errors, exclude_pk=attribute.pk)
    values = data.get("values") or []
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
    if creating or data.get("slug"):
        attribute.slug = slug_for(Attribute, data, exclude_pk=attribute.pk)
    if data.get("name") is not None:
        attribute.name = normalize_name(data["name"])
    for field in ("input_type", "unit", "filterable"):
        if data.get(field) is not None:
            setattr(attribute, field, data[field])
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


def save_product_type(product_type: ProductType | None, data: dict[str, Any]) -> ProductType:
    creating = product_type is None
    product_type = product_type or ProductType()
    errors = ErrorCollector()
    require_name(data, errors, creating)
    check_slug(ProductType, data, errors, exclude_pk=product_type.pk)
    errors.raise_if_any()
    if creating or data.get("slug"):
        product_type.slug = slug_for(ProductType, data, exclude_pk=product_type.pk)
    if data.get("name"):
        product_type.name = normalize_name(data["name"])
    product_type.save()
    if data.get("product_attributes") is not None:
        product_type.product_attributes.set(data["product_attributes"])
    if data.get("variant_attributes") is not None:
        product_type.variant_attributes.set(data["variant_attributes"])
    return product_type
