"""The benchmark catalog: ~200 categories, a few attributes, products, variants, images.

Products are spread round-robin over the leaf categories; each leaf's top-level category
decides the product type, unit and SKU prefix. Every product shares one stored picture
(rows differ, the file does not), so thumbnails resolve exactly as for real uploads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from backend.catalog.models import (
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
from backend.catalog.slugs import slug_base
from backend.catalog.thumbnails import make_thumbnails
from backend.core.tree_paths import child_path, depth_of
from backend.demo.images import draw_product_image

from .copy import copy_rows

GROUPS = ("Премиум", "Стандарт", "Эконом", "Профессиональная линия", "Комплектующие")
SERIES_LETTERS = "ABCDEF"
PLACEHOLDER = "bench/placeholder.png"

ATTRIBUTES = {
    "osnova": ("Основа", AttributeInputType.DROPDOWN, "",
               ("акриловая", "алкидная", "силиконовая", "латексная", "полиуретановая")),
    "material": ("Материал", AttributeInputType.DROPDOWN, "",
                 ("МДФ", "массив сосны", "сталь", "ПВХ", "полиуретан", "алюминий")),
    "obem": ("Объём", AttributeInputType.NUMERIC, "л",
             ("0.4", "0.9", "1", "2.5", "4", "5", "10", "20")),
    "razmer": ("Размер", AttributeInputType.DROPDOWN, "",
               ("600×2000 мм", "700×2000 мм", "800×2000 мм", "900×2000 мм", "600×900 мм",
                "900×1200 мм", "1200×1400 мм", "1500×1600 мм")),
    "tsvet": ("Цвет", AttributeInputType.DROPDOWN, "",
              ("белый", "чёрный", "серый", "дуб", "орех", "венге", "антрацит", "бежевый",
               "слоновая кость", "алюминий")),
}
PRODUCT_TYPES = {  # slug: (name, product attribute, variant attribute)
    "bench-kraski": ("Краски и масла", "osnova", "obem"),
    "bench-izdeliia": ("Двери и окна", "material", "razmer"),
    "bench-dekor": ("Декор и электрика", "material", "tsvet"),
}


@dataclass(frozen=True)
class Root:
    name: str
    noun: str
    sku_prefix: str
    product_type: str
    unit: Unit
    pack_size: Decimal


ROOTS = (
    Root("Лакокрасочные материалы", "Краска", "KR", "bench-kraski", Unit.PIECE, Decimal(1)),
    Root("Двери", "Дверь", "DV", "bench-izdeliia", Unit.PIECE, Decimal(1)),
    Root("Окна", "Окно ПВХ", "OK", "bench-izdeliia", Unit.PIECE, Decimal(1)),
    Root("Молдинги и декор", "Молдинг", "DK", "bench-dekor", Unit.METER, Decimal(2)),
    Root("Электрооборудование", "Розетка", "EL", "bench-dekor", Unit.PIECE, Decimal(10)),
    Root("Смазочные материалы", "Масло", "SM", "bench-kraski", Unit.LITER, Decimal(4)),
)
SERIES = ("Оптима", "Профи", "Норд", "Эксперт", "Классик", "Верона", "Гранд", "Модерн",
          "Лофт", "Сканди", "Этюд", "Атлас", "Бастион", "Комфорт", "Тепло", "Волга")


def _category_rows() -> Iterator[tuple]:
    """Six roots, five groups each, six series in each group: 216 categories."""
    next_id = 1
    for r, root in enumerate(ROOTS):
        root_id, next_id = next_id, next_id + 1
        root_path = child_path("", root_id)
        root_slug = slug_base(root.name)
        yield root_id, root_path, 0, root.name, root_slug, None, r
        for g, group in enumerate(GROUPS):
            group_id, next_id = next_id, next_id + 1
            group_path = child_path(root_path, group_id)
            group_slug = f"{root_slug}-{slug_base(group)}"
            yield group_id, group_path, 1, f"{root.name}: {group}", group_slug, root_id, g
            for s, letter in enumerate(SERIES_LETTERS):
                leaf_id, next_id = next_id, next_id + 1
                leaf_path = child_path(group_path, leaf_id)
                yield (leaf_id, leaf_path, depth_of(leaf_path),
                       f"{root.name}: {group}, серия {letter}",
                       f"{group_slug}-{letter.lower()}", group_id, s)


def generate_reference_data() -> None:
    """Categories (COPY), attributes and product types (ORM: a handful of rows)."""
    copy_rows(Category, ("id", "path", "depth", "name", "slug", "parent_id", "sort_order",
                         "description"),
              ((*row, "") for row in _category_rows()))
    attributes = {}
    for slug, (name, input_type, unit, values) in ATTRIBUTES.items():
        attribute = Attribute.objects.create(slug=slug, name=name, input_type=input_type,
                                             unit=unit)
        AttributeValue.objects.bulk_create(
            AttributeValue(attribute=attribute, name=v, slug=slug_base(v), sort_order=i)
            for i, v in enumerate(values))
        attributes[slug] = attribute
    for slug, (name, product_attribute, variant_attribute) in PRODUCT_TYPES.items():
        product_type = ProductType.objects.create(slug=slug, name=name)
        product_type.product_attributes.set([attributes[product_attribute]])
        product_type.variant_attributes.set([attributes[variant_attribute]])


@dataclass(frozen=True)
class _Leaf:
    category_id: int
    root: Root
    product_type_id: int
    product_values: list[int]
    variant_values: list[tuple[int, str]]  # (attribute value id, name)


def _leaves() -> list[_Leaf]:
    roots = {c.pk: c.name for c in Category.objects.filter(depth=0)}
    by_name = {r.name: r for r in ROOTS}
    types = {t.slug: t.pk for t in ProductType.objects.all()}
    values: dict[str, list[tuple[int, str]]] = {}
    for value in AttributeValue.objects.select_related("attribute").order_by("sort_order"):
        values.setdefault(value.attribute.slug, []).append((value.pk, value.name))
    leaves = []
    for pk, path in Category.objects.filter(depth=2).order_by("pk").values_list("pk", "path"):
        root = by_name[roots[int(path.split(".")[0], 36)]]
        _, product_attribute, variant_attribute = PRODUCT_TYPES[root.product_type]
        leaves.append(_Leaf(pk, root, types[root.product_type],
                            [pk for pk, _ in values[product_attribute]],
                            values[variant_attribute]))
    return leaves


def _placeholder_image() -> tuple[str, str]:
    """The shared picture's storage name and its thumbnails as JSON."""
    if not default_storage.exists(PLACEHOLDER):
        png = draw_product_image("Товар для нагрузочного теста", "BENCH", "bench", "bench")
        default_storage.save(PLACEHOLDER, ContentFile(png))
    return PLACEHOLDER, json.dumps(make_thumbnails(PLACEHOLDER))


def generate_products(variants: int, per_product: int) -> None:
    """``variants`` variants over ``variants // per_product`` products (at least one)."""
    leaves = _leaves()
    products = max(1, variants // per_product)
    now = timezone.now()
    product_rows, variant_rows, product_values, variant_values, image_rows = [], [], [], [], []
    image, thumbnails = _placeholder_image()
    series_slugs = {s: slug_base(s) for s in SERIES}
    noun_slugs = {r.noun: slug_base(r.noun) for r in ROOTS}
    variant_id = 0
    for pk in range(1, products + 1):
        leaf = leaves[pk % len(leaves)]
        root, series = leaf.root, SERIES[pk % len(SERIES)]
        name = f"{root.noun} «{series}» {pk:06d}"
        product_rows.append((
            pk, leaf.product_type_id, leaf.category_id, name,
            f"{noun_slugs[root.noun]}-{series_slugs[series]}-{pk}",
            f"{root.noun} серии «{series}» для нагрузочного теста.", True, pk % 7 == 0,
            pk % 5 == 0, "", now, now))
        product_values.append((pk, leaf.product_values[pk % len(leaf.product_values)]))
        image_rows.append((pk, pk, image, name, 0, thumbnails))
        count = variants // products + (1 if pk <= variants % products else 0)
        for j in range(count):
            variant_id += 1
            value_id, value_name = leaf.variant_values[j % len(leaf.variant_values)]
            variant_rows.append((
                variant_id, pk, f"{root.sku_prefix}-{pk:06d}-{j + 1}", value_name, root.unit,
                root.pack_size, root.pack_size, root.pack_size, Decimal("1.5") * (j + 1),
                Decimal("0.004") * (j + 1), j, now, now))
            variant_values.append((variant_id, value_id))

    copy_rows(Product, ("id", "product_type_id", "category_id", "name", "slug", "description",
                        "is_published", "samples_available", "preorder_allowed",
                        "search_document", "created_at", "updated_at"), product_rows)
    copy_rows(Product.attribute_values.through, ("product_id", "attributevalue_id"),
              product_values)
    copy_rows(ProductVariant, ("id", "product_id", "sku", "name", "unit", "pack_size",
                               "min_order_quantity", "order_multiple", "weight_kg",
                               "volume_m3", "sort_order", "created_at", "updated_at"),
              variant_rows)
    copy_rows(ProductVariant.attribute_values.through,
              ("productvariant_id", "attributevalue_id"), variant_values)
    copy_rows(ProductImage, ("id", "product_id", "image", "alt", "sort_order", "thumbnails"),
              image_rows)
