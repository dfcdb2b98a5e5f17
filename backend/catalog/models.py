"""Categories, product types and attributes, products, variants (SKUs) and images."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from backend.core.models import PortalModel
from backend.core.tree import TreeNode


class Category(TreeNode):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=False)
    description = models.TextField(blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ["path"]
        verbose_name_plural = "categories"
        indexes = [models.Index(fields=["path"], name="category_path_prefix_idx",
                                opclasses=["varchar_pattern_ops"])]

    def __str__(self) -> str:
        return self.name


class AttributeInputType(models.TextChoices):
    DROPDOWN = "DROPDOWN", "Dropdown"
    NUMERIC = "NUMERIC", "Numeric"
    BOOLEAN = "BOOLEAN", "Yes / no"


class Attribute(PortalModel):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    input_type = models.CharField(max_length=16, choices=AttributeInputType.choices,
                                  default=AttributeInputType.DROPDOWN)
    unit = models.CharField(max_length=16, blank=True)
    filterable = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AttributeValue(PortalModel):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="values")
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ["attribute_id", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["attribute", "slug"],
                                               name="attribute_value_slug_unique")]

    def __str__(self) -> str:
        return f"{self.attribute.name}: {self.name}"


class ProductType(PortalModel):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    product_attributes = models.ManyToManyField(Attribute, blank=True,
                                                related_name="product_types")
    variant_attributes = models.ManyToManyField(Attribute, blank=True,
                                                related_name="variant_product_types")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Product(PortalModel):
    product_type = models.ForeignKey(ProductType, on_delete=models.PROTECT,
                                     related_name="products")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.TextField(blank=True)
    is_published = models.BooleanField(default=True)
    samples_available = models.BooleanField(default=False)
    preorder_allowed = models.BooleanField(default=False)
    attribute_values = models.ManyToManyField(AttributeValue, blank=True,
                                              related_name="products")
    # Search: kept current by services.refresh_search_index() from name, SKUs, description.
    search_document = models.TextField(blank=True, default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            GinIndex(fields=["search_vector"], name="product_search_vector_idx"),
            GinIndex(fields=["search_document"], name="product_search_trgm_idx",
                     opclasses=["gin_trgm_ops"]),
            models.Index(fields=["category", "name"], name="product_category_name_idx"),
            # The default order of the catalog list: a page is an index range, not a sort.
            models.Index(fields=["name", "id"], name="product_name_id_idx"),
            # Counts what dealers see. Every key is the same, so B-tree deduplication
            # packs 20,000 rows into a few pages: an index-only count takes a third of
            # the time of a sequential scan of the (wide) table.
            models.Index(fields=["is_published"], condition=models.Q(is_published=True),
                         name="product_published_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class Unit(models.TextChoices):
    PIECE = "PCS", "piece"
    METER = "M", "meter"
    SQUARE_METER = "M2", "square meter"
    CUBIC_METER = "M3", "cubic meter"
    KILOGRAM = "KG", "kilogram"
    LITER = "L", "liter"
    PACK = "PACK", "pack"
    SET = "SET", "set"


class ProductVariant(PortalModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField("SKU", max_length=64, unique=True)
    name = models.CharField(max_length=255, blank=True)
    unit = models.CharField(max_length=8, choices=Unit.choices, default=Unit.PIECE)
    pack_size = models.DecimalField(max_digits=12, decimal_places=3, default=1)
    min_order_quantity = models.DecimalField(max_digits=12, decimal_places=3, default=1)
    order_multiple = models.DecimalField(max_digits=12, decimal_places=3, default=1)
    weight_kg = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    volume_m3 = models.DecimalField(max_digits=12, decimal_places=6, null=True, blank=True)
    attribute_values = models.ManyToManyField(AttributeValue, blank=True,
                                              related_name="variants")
    sort_order = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["product_id", "sort_order", "sku"]
        constraints = [
            models.CheckConstraint(condition=models.Q(pack_size__gt=0),
                                   name="variant_pack_size_pos"),
            models.CheckConstraint(condition=models.Q(min_order_quantity__gt=0),
                                   name="variant_moq_pos"),
            models.CheckConstraint(condition=models.Q(order_multiple__gt=0),
                                   name="variant_multiple_pos"),
        ]

    def __str__(self) -> str:
        return self.sku


def product_image_path(instance: ProductImage, filename: str) -> str:
    return f"products/{instance.product_id}/{filename}"


class ProductImage(PortalModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to=product_image_path)
    alt = models.CharField(max_length=255, blank=True)
    sort_order = models.IntegerField(default=0)
    # {"64": "products/1/thumbs/x_64.webp", ...}: made by thumbnails.make_thumbnails().
    thumbnails = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["product_id", "sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.image.name}"
