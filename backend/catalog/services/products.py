"""Products, variants and images."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models.functions import Upper

from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.plugins import get_plugins_manager
from backend.core.text import normalize_name

from ..errors import CatalogErrorCode
from ..models import AttributeValue, Category, Product, ProductImage, ProductType, ProductVariant
from ..search import refresh_search_index
from ..thumbnails import InvalidImage, make_thumbnails, verify_image
from .categories import MAX_NAME_LENGTH, check_slug, require_name, slug_for

QUANTITY_FIELDS = ("pack_size", "min_order_quantity", "order_multiple")
MEASURE_FIELDS = ("weight_kg", "volume_m3")
MAX_IMAGE_BYTES = 10 * 1024 * 1024

logger = logging.getLogger(__name__)


def _check_attribute_values(values, allowed_attribute_ids: set[int], field: str,
                            errors: ErrorCollector) -> None:
    for value in values:
        if value.attribute_id not in allowed_attribute_ids:
            errors.add(CatalogErrorCode.INVALID_ATTRIBUTE_VALUE,
                       f"'{value.name}' belongs to an attribute this product type does not use.",
                       field)


def products_changed(products: Iterable[Product], *, created: bool = False) -> None:
    """What follows every change to products, through the API or the admin: their search
    columns are refreshed and the plugins told (``product_created``/``product_updated``)."""
    products = list({product.pk: product for product in products}.values())
    if not products:
        return
    refresh_search_index(sorted(product.pk for product in products))
    hook = "product_created" if created else "product_updated"
    manager = get_plugins_manager()
    for product in products:
        manager.run(hook, None, product)


def products_changed_by_id(product_ids: Iterable[int | None], *, created: bool = False) -> None:
    """``products_changed`` for products known by id (e.g. after their variants were
    deleted); ids of products that are gone are skipped."""
    ids = {pk for pk in product_ids if pk is not None}
    if ids:
        products_changed(Product.objects.filter(pk__in=ids).order_by("pk"), created=created)


def _after_change(product: Product, created: bool) -> None:
    products_changed([product], created=created)


@dataclass(kw_only=True)
class ProductData:
    """A product's input; ``None`` leaves a field as it is (a new product needs a name, a
    category and a product type; the attribute values are replaced when given)."""

    name: str | None = None
    slug: str | None = None
    description: str | None = None
    category: Category | None = None
    product_type: ProductType | None = None
    is_published: bool | None = None
    samples_available: bool | None = None
    preorder_allowed: bool | None = None
    attribute_values: Iterable[AttributeValue] | None = None


def product_errors(product: Product, data: ProductData) -> list[ErrorDetail]:
    """Everything wrong with applying ``data`` to ``product`` (new when unsaved)."""
    creating = product.pk is None
    errors = ErrorCollector()
    require_name(data.name, errors, creating)
    for field in ("category", "product_type"):
        if creating and getattr(data, field) is None:
            errors.add(CatalogErrorCode.REQUIRED, "This field is required.", field)
    check_slug(Product, data.slug, errors, exclude_pk=product.pk)
    product_type = data.product_type or (product.product_type if not creating else None)
    if data.attribute_values is not None and product_type is not None:
        allowed = set(product_type.product_attributes.values_list("pk", flat=True))
        _check_attribute_values(data.attribute_values, allowed, "attribute_values", errors)
    return errors.errors


def save_product(product: Product | None, data: ProductData) -> Product:
    product = product or Product()
    creating = product.pk is None
    errors = product_errors(product, data)
    if errors:
        raise DomainValidationError(errors)
    if creating or data.slug:
        product.slug = slug_for(Product, data.slug, data.name, exclude_pk=product.pk)
    if data.name is not None:
        product.name = normalize_name(data.name)
    for field in ("description", "category", "product_type", "is_published",
                  "samples_available", "preorder_allowed"):
        if getattr(data, field) is not None:
            setattr(product, field, getattr(data, field))
    product.save()
    if data.attribute_values is not None:
        product.attribute_values.set(data.attribute_values)
    _after_change(product, creating)
    return product


def delete_product(product: Product) -> None:
    product.delete()


@dataclass(kw_only=True)
class VariantData:
    """A variant's input; ``None`` leaves a field as it is (a new variant needs a SKU and
    its product; the attribute values are replaced when given)."""

    product: Product | None = None
    sku: str | None = None
    name: str | None = None
    unit: str | None = None
    pack_size: Decimal | None = None
    min_order_quantity: Decimal | None = None
    order_multiple: Decimal | None = None
    weight_kg: Decimal | None = None
    volume_m3: Decimal | None = None
    sort_order: int | None = None
    attribute_values: Iterable[AttributeValue] | None = None


def _quantity_errors(variant: ProductVariant, data: VariantData,
                     errors: ErrorCollector) -> None:
    for field in (*QUANTITY_FIELDS, *MEASURE_FIELDS):
        value = getattr(data, field)
        if value is None:
            continue
        places = ProductVariant._meta.get_field(field).decimal_places
        if field in QUANTITY_FIELDS and value <= 0:
            errors.add(CatalogErrorCode.INVALID_QUANTITY, "Must be greater than zero.", field)
        elif value < 0:
            errors.add(CatalogErrorCode.INVALID_QUANTITY, "Cannot be negative.", field)
        elif (value.normalize().as_tuple().exponent < -places  # type: ignore[operator]
              or value >= Decimal(10) ** (12 - places)):
            errors.add(CatalogErrorCode.INVALID_QUANTITY,
                       f"Use at most {places} decimal places and {12 - places} digits before "
                       "the point.", field)
    if {"min_order_quantity", "order_multiple"} & {e.field for e in errors.errors}:
        return  # one of them is out of range: their ratio may not even be computable
    moq = data.min_order_quantity or variant.min_order_quantity or Decimal(1)
    multiple = data.order_multiple or variant.order_multiple or Decimal(1)
    if moq > 0 and multiple > 0 and moq % multiple != 0:
        errors.add(CatalogErrorCode.INVALID_QUANTITY,
                   f"The minimum order quantity ({moq}) must be a multiple of the order "
                   f"multiple ({multiple}).", "min_order_quantity")


def _sku_taken(sku: str, exclude_pk: int | None) -> bool:
    taken = ProductVariant.objects.annotate(sku_upper=Upper("sku")).filter(
        sku_upper=sku.upper())
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    return taken.exists()


def variant_errors(variant: ProductVariant, data: VariantData) -> list[ErrorDetail]:
    """Everything wrong with applying ``data`` to ``variant`` (new when unsaved)."""
    creating = variant.pk is None
    errors = ErrorCollector()
    sku = data.sku
    if sku is not None:
        sku = sku.strip()
        if not sku:
            errors.add(CatalogErrorCode.REQUIRED, "Enter a SKU.", "sku")
        elif len(sku) > 64 or any(c.isspace() for c in sku):
            errors.add(CatalogErrorCode.INVALID,
                       "A SKU has at most 64 characters and no spaces.", "sku")
        elif _sku_taken(sku, variant.pk):
            errors.add(CatalogErrorCode.DUPLICATE_SKU, f"SKU '{sku}' is already used.", "sku")
    elif creating:
        errors.add(CatalogErrorCode.REQUIRED, "Enter a SKU.", "sku")
    errors.check_name(data.name, "name", MAX_NAME_LENGTH)
    product = data.product or (variant.product if variant.product_id else None)
    if creating and product is None:
        errors.add(CatalogErrorCode.REQUIRED, "Choose the product.", "product")
    _quantity_errors(variant, data, errors)
    if data.attribute_values is not None and product is not None:
        variant_attributes = product.product_type.variant_attributes
        allowed = set(variant_attributes.values_list("pk", flat=True))
        _check_attribute_values(data.attribute_values, allowed, "attribute_values", errors)
    return errors.errors


def save_variant(variant: ProductVariant | None, data: VariantData) -> ProductVariant:
    variant = variant or ProductVariant(product=data.product)
    errors = variant_errors(variant, data)
    if errors:
        raise DomainValidationError(errors)
    if data.sku is not None:
        variant.sku = data.sku.strip()
    if data.name is not None:
        variant.name = normalize_name(data.name)
    for field in ("unit", "sort_order"):
        if getattr(data, field) is not None:
            setattr(variant, field, getattr(data, field))
    for field in (*QUANTITY_FIELDS, *MEASURE_FIELDS):
        value = getattr(data, field)
        if value is not None:  # stored at the column's scale, as read back
            places = ProductVariant._meta.get_field(field).decimal_places
            setattr(variant, field, value.quantize(Decimal(1).scaleb(-places)))
    try:
        with transaction.atomic():
            variant.save()
    except IntegrityError:  # a concurrent insert took the SKU between check and save
        raise DomainValidationError.single(
            CatalogErrorCode.DUPLICATE_SKU, f"SKU '{variant.sku}' is already used.", "sku")
    if data.attribute_values is not None:
        variant.attribute_values.set(data.attribute_values)
    _after_change(variant.product, created=False)
    return variant


def delete_variant(variant: ProductVariant) -> None:
    product = variant.product
    variant.delete()
    _after_change(product, created=False)


def image_errors(upload) -> list[ErrorDetail]:
    """What is wrong with an uploaded image file."""
    if upload is None:
        return [ErrorDetail(CatalogErrorCode.REQUIRED, "Attach an image.", "image")]
    if (getattr(upload, "size", 0) or 0) > MAX_IMAGE_BYTES:
        return [ErrorDetail(CatalogErrorCode.INVALID_IMAGE, "The image is larger than 10 MB.",
                            "image")]
    try:
        verify_image(upload)
    except InvalidImage as exc:
        return [ErrorDetail(CatalogErrorCode.INVALID_IMAGE, str(exc), "image")]
    return []


def image_files(image: ProductImage) -> list[str]:
    """The stored files of an image: the original and its thumbnails."""
    return [name for name in (image.image.name, *image.thumbnails.values()) if name]


def image_file_saved(image: ProductImage, previous_files: list[str]) -> None:
    """After an image's file was saved (new or replaced): make its thumbnails and delete
    the files it no longer uses once the transaction commits."""
    image.thumbnails = make_thumbnails(image.image.name)
    image.save(update_fields=["thumbnails"])
    delete_files_after_commit([name for name in previous_files if name not in image_files(image)])


def add_product_image(product: Product, upload, alt: str = "") -> ProductImage:
    errors = image_errors(upload)
    if errors:
        raise DomainValidationError(errors)
    position = product.images.count()
    image = ProductImage(product=product, alt=alt, sort_order=position)
    image.image.save(upload.name, upload, save=False)
    image.thumbnails = make_thumbnails(image.image.name)
    image.save()
    _after_change(product, created=False)
    return image


def delete_product_image(image: ProductImage) -> None:
    names = image_files(image)
    product = image.product
    image.delete()
    delete_files_after_commit(names)
    _after_change(product, created=False)


def delete_files_after_commit(names: list[str]) -> None:
    """Delete stored files once the transaction commits (none if it rolls back). The rows
    are gone by then: a file that cannot be deleted is logged, never raised."""
    def delete() -> None:
        for name in names:
            try:
                default_storage.delete(name)
            except Exception:
                logger.exception("stored file not deleted", extra={"file": name})

    if names:
        transaction.on_commit(delete)
