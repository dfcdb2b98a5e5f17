"""The exact demo catalog, computed from ``catalog_data`` without touching the database.

The plan is deterministic: the same names, slugs and SKUs on every run, which is what lets
the loader skip rows that already exist.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from backend.catalog.models import Unit
from backend.catalog.slugs import slug_base

from .catalog_data import (
    ATTRIBUTES,
    CATEGORIES,
    PRODUCT_TYPES,
    AttributeSpec,
    CategorySpec,
    LineSpec,
    ProductTypeSpec,
)

PRODUCTS = 300
VARIANTS_PER_PRODUCT = 5

ValueKey = tuple[str, str]  # (attribute slug, value slug)


@dataclass(frozen=True)
class CategoryPlan:
    name: str
    slug: str
    parent_slug: str | None
    sort_order: int


@dataclass(frozen=True)
class VariantPlan:
    sku: str
    name: str
    unit: Unit
    pack_size: Decimal
    min_order_quantity: Decimal
    order_multiple: Decimal
    weight_kg: Decimal
    volume_m3: Decimal
    sort_order: int
    value: ValueKey


@dataclass(frozen=True)
class ProductPlan:
    name: str
    slug: str
    sku_base: str
    category_slug: str
    category_name: str
    product_type: str
    description: str
    samples_available: bool
    preorder_allowed: bool
    values: tuple[ValueKey, ...]
    variants: tuple[VariantPlan, ...]


@dataclass(frozen=True)
class CatalogPlan:
    categories: tuple[CategoryPlan, ...]  # parents before children
    attributes: tuple[AttributeSpec, ...]
    product_types: tuple[ProductTypeSpec, ...]
    products: tuple[ProductPlan, ...]

    @property
    def variant_count(self) -> int:
        return sum(len(p.variants) for p in self.products)


def value_slug(value: str) -> str:
    return slug_base(value)


def _walk(specs: tuple[CategorySpec, ...], parent: str | None
          ) -> Iterator[tuple[CategorySpec, CategoryPlan]]:
    for order, spec in enumerate(specs):
        node = CategoryPlan(spec.name, slug_base(spec.name), parent, order)
        yield spec, node
        yield from _walk(spec.children, node.slug)


def _spread(items: list, count: int) -> list:
    """``count`` items picked evenly across ``items``, keeping their order."""
    if len(items) < count:
        raise ValueError(f"only {len(items)} distinct products for {count}")
    return [items[i * len(items) // count] for i in range(count)]


def _line_products(line: LineSpec, category: CategoryPlan) -> Iterator[ProductPlan]:
    attributes = {a.slug: a for a in ATTRIBUTES}
    axes = [[(slug, value) for value in values] for slug, values in line.attributes]
    combos = _spread(list(itertools.product(line.series, *axes)), line.count)
    variant_attribute = _variant_attribute(line)
    for number, (series, *chosen) in enumerate(combos, start=1):
        words = [attributes[slug].in_name.format(value) for slug, value in chosen]
        name = f"{line.noun} «{series}» {', '.join(words)}".strip()
        sku_base = f"{line.sku_prefix}-{number:04d}"
        variants = tuple(
            VariantPlan(
                sku=f"{sku_base}-{v.sku_suffix}", name=v.name, unit=v.unit,
                pack_size=v.pack_size, min_order_quantity=v.min_order_quantity,
                order_multiple=v.order_multiple, weight_kg=v.weight_kg,
                volume_m3=v.volume_m3, sort_order=order,
                value=(variant_attribute, value_slug(v.value)),
            )
            for order, v in enumerate(line.variants)
        )
        yield ProductPlan(
            name=name, slug=slug_base(name), sku_base=sku_base,
            category_slug=category.slug, category_name=category.name,
            product_type=line.product_type,
            description=f"{line.blurb} Серия «{series}». Производство завода «Волга-Декор».",
            samples_available=line.samples and number % 3 == 1,
            preorder_allowed=line.made_to_order or number % 5 == 0,
            values=tuple((slug, value_slug(value)) for slug, value in chosen),
            variants=variants,
        )


def _variant_attribute(line: LineSpec) -> str:
    """The product type's variant attribute that holds every variant's value."""
    product_type = next(t for t in PRODUCT_TYPES if t.slug == line.product_type)
    names = {v.value for v in line.variants}
    for slug in product_type.variant_attributes:
        spec = next(a for a in ATTRIBUTES if a.slug == slug)
        if names <= set(spec.values):
            return slug
    raise ValueError(f"{line.sku_prefix}: no variant attribute of {product_type.slug} "
                     f"has the values {sorted(names)}")


@cache
def plan_catalog() -> CatalogPlan:
    """The demo catalog: ~30 categories, 6 product types, 300 products, 1,500 variants."""
    categories: list[CategoryPlan] = []
    products: list[ProductPlan] = []
    for spec, node in _walk(CATEGORIES, None):
        categories.append(node)
        if spec.line is not None:
            products.extend(_line_products(spec.line, node))
    plan = CatalogPlan(tuple(categories), ATTRIBUTES, PRODUCT_TYPES, tuple(products))
    _check(plan)
    return plan


def _check(plan: CatalogPlan) -> None:
    """Fail loudly on a data table mistake rather than load a half-right catalog."""
    assert len(plan.products) == PRODUCTS, len(plan.products)
    assert all(len(p.variants) == VARIANTS_PER_PRODUCT for p in plan.products)
    assert len({p.slug for p in plan.products}) == PRODUCTS
    assert len({p.name for p in plan.products}) == PRODUCTS
    assert len({v.sku for p in plan.products for v in p.variants}) == plan.variant_count
    assert len({c.slug for c in plan.categories}) == len(plan.categories)
    for attribute in plan.attributes:
        slugs = {value_slug(v) for v in attribute.values}
        assert len(slugs) == len(attribute.values), attribute.slug
