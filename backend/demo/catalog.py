"""Load the demo catalog (``catalog_plan.plan_catalog()``) into the database.

Small reference rows (categories, attributes, product types) go through get_or_create;
products and variants are bulk-inserted, only those whose slug or SKU is missing, so a
second load inserts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.catalog.models import (
    Attribute,
    AttributeValue,
    Category,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
)
from backend.catalog.search import refresh_search_index

from .catalog_plan import CatalogPlan, ProductPlan, ValueKey, value_slug
from .images import ImageJob, create_product_images


@dataclass
class CatalogResult:
    created_categories: int = 0
    created_attributes: int = 0
    created_attribute_values: int = 0
    created_product_types: int = 0
    created_products: int = 0
    created_variants: int = 0
    created_images: int = 0

    @property
    def created(self) -> int:
        return sum(vars(self).values())


def _load_categories(plan: CatalogPlan, result: CatalogResult) -> dict[str, Category]:
    by_slug = {c.slug: c for c in Category.objects.filter(
        slug__in=[c.slug for c in plan.categories])}
    for node in plan.categories:  # parents first: TreeNode.save() needs the parent's path
        if node.slug in by_slug:
            continue
        category = Category(name=node.name, slug=node.slug, sort_order=node.sort_order,
                            parent=by_slug[node.parent_slug] if node.parent_slug else None)
        category.save()
        by_slug[node.slug] = category
        result.created_categories += 1
    return by_slug


def _load_attributes(plan: CatalogPlan, result: CatalogResult
                     ) -> tuple[dict[str, Attribute], dict[ValueKey, int]]:
    attributes: dict[str, Attribute] = {}
    values: dict[ValueKey, int] = {}
    for spec in plan.attributes:
        attribute, created = Attribute.objects.get_or_create(
            slug=spec.slug,
            defaults={"name": spec.name, "input_type": spec.input_type, "unit": spec.unit},
        )
        result.created_attributes += created
        attributes[spec.slug] = attribute
        existing = dict(attribute.values.values_list("slug", "id"))
        missing = [
            AttributeValue(attribute=attribute, name=name, slug=value_slug(name), sort_order=i)
            for i, name in enumerate(spec.values) if value_slug(name) not in existing
        ]
        AttributeValue.objects.bulk_create(missing)
        result.created_attribute_values += len(missing)
        existing.update({v.slug: v.pk for v in missing})
        values.update({(spec.slug, slug): pk for slug, pk in existing.items()})
    return attributes, values


def _load_product_types(plan: CatalogPlan, attributes: dict[str, Attribute],
                        result: CatalogResult) -> dict[str, ProductType]:
    types: dict[str, ProductType] = {}
    for spec in plan.product_types:
        product_type, created = ProductType.objects.get_or_create(
            slug=spec.slug, defaults={"name": spec.name})
        if created:
            product_type.product_attributes.set(
                [attributes[s] for s in spec.product_attributes])
            product_type.variant_attributes.set(
                [attributes[s] for s in spec.variant_attributes])
            result.created_product_types += 1
        types[spec.slug] = product_type
    return types


def _insert_products(plan: CatalogPlan, categories: dict[str, Category],
                     types: dict[str, ProductType], values: dict[ValueKey, int],
                     result: CatalogResult) -> dict[str, int]:
    """Insert missing products with their attribute values; return every plan slug's id."""
    ids = dict(Product.objects.filter(slug__in=[p.slug for p in plan.products])
               .values_list("slug", "id"))
    missing = [p for p in plan.products if p.slug not in ids]
    created = Product.objects.bulk_create([
        Product(product_type=types[p.product_type], category=categories[p.category_slug],
                name=p.name, slug=p.slug, description=p.description,
                samples_available=p.samples_available, preorder_allowed=p.preorder_allowed)
        for p in missing
    ], batch_size=500)
    ids.update({p.slug: p.pk for p in created})
    through = Product.attribute_values.through
    through.objects.bulk_create([
        through(product_id=ids[p.slug], attributevalue_id=values[key])
        for p in missing for key in p.values
    ], batch_size=2000)
    result.created_products = len(created)
    return ids


def _insert_variants(plan: CatalogPlan, product_ids: dict[str, int],
                     values: dict[ValueKey, int], result: CatalogResult) -> set[int]:
    """Insert missing variants; return the ids of the products that got new ones."""
    skus = [v.sku for p in plan.products for v in p.variants]
    existing = set(ProductVariant.objects.filter(sku__in=skus).values_list("sku", flat=True))
    rows = [(p, v) for p in plan.products for v in p.variants if v.sku not in existing]
    created = ProductVariant.objects.bulk_create([
        ProductVariant(product_id=product_ids[p.slug], sku=v.sku, name=v.name, unit=v.unit,
                       pack_size=v.pack_size, min_order_quantity=v.min_order_quantity,
                       order_multiple=v.order_multiple, weight_kg=v.weight_kg,
                       volume_m3=v.volume_m3, sort_order=v.sort_order)
        for p, v in rows
    ], batch_size=1000)
    through = ProductVariant.attribute_values.through
    through.objects.bulk_create([
        through(productvariant_id=variant.pk, attributevalue_id=values[v.value])
        for variant, (_, v) in zip(created, rows, strict=True)
    ], batch_size=2000)
    result.created_variants = len(created)
    return {product_ids[p.slug] for p, _ in rows}


def load_catalog(plan: CatalogPlan) -> tuple[CatalogResult, dict[str, int]]:
    """Create whatever part of the demo catalog is missing; return the products' ids by slug.

    Images are separate (``load_images``): they write files, which a rollback cannot undo."""
    result = CatalogResult()
    categories = _load_categories(plan, result)
    attributes, values = _load_attributes(plan, result)
    types = _load_product_types(plan, attributes, result)
    product_ids = _insert_products(plan, categories, types, values, result)
    changed = _insert_variants(plan, product_ids, values, result)
    if changed:
        refresh_search_index(changed)
    return result, product_ids


def load_images(plan: CatalogPlan, product_ids: dict[str, int], result: CatalogResult,
                workers: int = 2) -> None:
    """One generated picture for every demo product that has none."""
    with_images = set(ProductImage.objects.filter(product_id__in=product_ids.values())
                      .values_list("product_id", flat=True))
    jobs = [_image_job(p, product_ids[p.slug]) for p in plan.products
            if product_ids[p.slug] not in with_images]
    result.created_images = create_product_images(jobs, workers=workers)


def _image_job(product: ProductPlan, product_id: int) -> ImageJob:
    return ImageJob(product_id=product_id, slug=product.slug, name=product.name,
                    sku=product.sku_base, caption=product.category_name)
