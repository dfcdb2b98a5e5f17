"""The statements ``load_price_context`` runs: six, whatever the number of variants, lists
or promotions. Each reads one kind of rule with its links folded into arrays (tiers,
assignments, targets, audiences, steps), so a cart of 14 lines costs six round trips.

Table names come from the models; the statements are built once, at import.
"""

from __future__ import annotations

from backend.accounts.models import Organization
from backend.catalog.models import Category, Product, ProductVariant

from ..models import (
    MapFloor,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    ResaleMarkup,
    VolumeDiscount,
    VolumeDiscountStep,
)


def _table(model) -> str:
    return f'"{model._meta.db_table}"'


def _through(field) -> str:
    return _table(field.through)


# The chain's organizations (the buyer and every one above it) with their price groups and,
# as sellers, their resale markup.
CHAIN = f"""
SELECT o.id, o.parent_id, o.currency, o.region, o.country,
       ARRAY(SELECT m.group_id FROM {_table(PriceGroupMember)} m
             WHERE m.organization_id = o.id),
       r.factor, r.percent, r.amount, r.rounding
FROM {_table(Organization)} o
LEFT JOIN {_table(ResaleMarkup)} r ON r.organization_id = o.id
WHERE o.id = ANY(%(organizations)s)
"""

VARIANTS = f"""
SELECT v.id, v.sku, v.product_id, p.category_id, c.path
FROM {_table(ProductVariant)} v
JOIN {_table(Product)} p ON p.id = v.product_id
JOIN {_table(Category)} c ON c.id = p.category_id
WHERE v.id = ANY(%(variants)s)
"""

# The sellers' lists assigned to one of the chain's buyers (with those assignments only)
# and the lists another list falls back to, with their tiers of the wanted variants.
# Tiers are looked up from the variants' side, a few rows per variant: read per list, a
# base list of 300,000 rows was walked whole for a page of 500 variants (PostgreSQL cannot
# tell a list's size from its id, and a list of 500 keys looked dearer than the walk).
_MATCHING = f"""
FROM {_table(PriceListAssignment)} a WHERE a.price_list_id = l.id AND (
    a.organization_id = ANY(%(buyers)s) OR a.price_group_id = ANY(%(groups)s)
    OR a.region = ANY(%(regions)s) OR a.is_owner_default)"""
LISTS = f"""
WITH lists AS (
    SELECT l.id, l.owner_id, l.currency, l.priority, l.valid_from, l.valid_until,
           l.prices_include_vat, l.fallback_id, l.source_id,
           ARRAY(SELECT a.organization_id {_MATCHING} AND a.organization_id IS NOT NULL)
               AS organizations,
           ARRAY(SELECT a.price_group_id {_MATCHING} AND a.price_group_id IS NOT NULL)
               AS groups,
           ARRAY(SELECT a.region {_MATCHING} AND a.region <> '') AS regions,
           EXISTS(SELECT 1 {_MATCHING} AND a.is_owner_default) AS is_default
    FROM {_table(PriceList)} l
    WHERE l.owner_id = ANY(%(sellers)s)
      AND (EXISTS(SELECT 1 {_MATCHING})
           OR EXISTS(SELECT 1 FROM {_table(PriceList)} f WHERE f.fallback_id = l.id))
),
tiers AS (
    SELECT e.price_list_id, array_agg(e.variant_id) AS variants,
           array_agg(e.min_quantity) AS quantities, array_agg(e.price) AS prices,
           array_agg(e.unit) AS units
    FROM unnest(%(variants)s::bigint[]) k(id)
    CROSS JOIN LATERAL (
        SELECT e.* FROM {_table(PriceListEntry)} e
        WHERE e.variant_id = k.id AND e.price_list_id = ANY(ARRAY(SELECT id FROM lists))
        OFFSET 0  -- kept a lookup per variant, not turned into a join on the list
    ) e
    GROUP BY e.price_list_id
)
SELECT l.*, t.variants, t.quantities, t.prices, t.units
FROM lists l LEFT JOIN tiers t ON t.price_list_id = l.id
"""

# The sellers' promotions running on the day, with only the targets among the wanted
# variants, their products and categories, and only the audience among the chain's
# buyers and groups (plus whether there is any other audience: see the loader). A promotion
# that targets none of the wanted variants is left out. The links are looked up from the
# wanted side (a few index probes), not read per promotion: a promotion may name thousands.
_P_VARIANTS, _P_PRODUCTS, _P_CATEGORIES, _P_ORGANIZATIONS, _P_GROUPS = (
    _through(Promotion.variants), _through(Promotion.products), _through(Promotion.categories),
    _through(Promotion.audience_organizations), _through(Promotion.audience_price_groups))


def _links(table: str, column: str, keys: str) -> str:
    # Joined to the keys rather than ``= ANY(keys)``: PostgreSQL 18 would otherwise skip-scan
    # the (promotion, target) unique index, reading every promotion's links.
    return (f"SELECT x.promotion_id, array_agg(x.{column}) AS ids "
            f"FROM unnest(%({keys})s::bigint[]) k(id) JOIN {table} x ON x.{column} = k.id "
            f"GROUP BY x.promotion_id")


PROMOTIONS = f"""
WITH variants AS ({_links(_P_VARIANTS, "productvariant_id", "variants")}),
products AS ({_links(_P_PRODUCTS, "product_id", "products")}),
categories AS ({_links(_P_CATEGORIES, "category_id", "categories")}),
organizations AS ({_links(_P_ORGANIZATIONS, "organization_id", "buyers")}),
groups AS ({_links(_P_GROUPS, "pricegroup_id", "groups")})
SELECT p.id, p.owner_id, p.kind, p.value, p.starts, p.ends, p.stacking, p.currency,
       p.audience_regions, coalesce(v.ids, '{{}}'), coalesce(pr.ids, '{{}}'),
       coalesce(c.ids, '{{}}'), coalesce(o.ids, '{{}}'), coalesce(g.ids, '{{}}'),
       EXISTS(SELECT 1 FROM {_P_ORGANIZATIONS} x WHERE x.promotion_id = p.id)
       OR EXISTS(SELECT 1 FROM {_P_GROUPS} x WHERE x.promotion_id = p.id)
FROM {_table(Promotion)} p
LEFT JOIN variants v ON v.promotion_id = p.id
LEFT JOIN products pr ON pr.promotion_id = p.id
LEFT JOIN categories c ON c.promotion_id = p.id
LEFT JOIN organizations o ON o.promotion_id = p.id
LEFT JOIN groups g ON g.promotion_id = p.id
WHERE p.owner_id = ANY(%(sellers)s) AND p.starts <= %(day)s AND p.ends >= %(day)s
  AND (v.ids IS NOT NULL OR pr.ids IS NOT NULL OR c.ids IS NOT NULL)
"""

# The same promotions with all their targets, for a context of no variants (the rules
# alone, which ``sort_keys`` turns into SQL over the whole catalog).
PROMOTIONS_WHOLE = f"""
SELECT p.id, p.owner_id, p.kind, p.value, p.starts, p.ends, p.stacking, p.currency,
       p.audience_regions,
       ARRAY(SELECT x.productvariant_id FROM {_P_VARIANTS} x WHERE x.promotion_id = p.id),
       ARRAY(SELECT x.product_id FROM {_P_PRODUCTS} x WHERE x.promotion_id = p.id),
       ARRAY(SELECT x.category_id FROM {_P_CATEGORIES} x WHERE x.promotion_id = p.id),
       ARRAY(SELECT x.organization_id FROM {_P_ORGANIZATIONS} x
             WHERE x.promotion_id = p.id AND x.organization_id = ANY(%(buyers)s)),
       ARRAY(SELECT x.pricegroup_id FROM {_P_GROUPS} x
             WHERE x.promotion_id = p.id AND x.pricegroup_id = ANY(%(groups)s)),
       EXISTS(SELECT 1 FROM {_P_ORGANIZATIONS} x WHERE x.promotion_id = p.id)
       OR EXISTS(SELECT 1 FROM {_P_GROUPS} x WHERE x.promotion_id = p.id)
FROM {_table(Promotion)} p
WHERE p.owner_id = ANY(%(sellers)s) AND p.starts <= %(day)s AND p.ends >= %(day)s
"""

VOLUME_DISCOUNTS = f"""
SELECT d.id, d.owner_id, d.currency, d.starts, d.ends, d.audience_regions,
       ARRAY(SELECT s.threshold FROM {_table(VolumeDiscountStep)} s
             WHERE s.discount_id = d.id ORDER BY s.threshold),
       ARRAY(SELECT s.percent FROM {_table(VolumeDiscountStep)} s
             WHERE s.discount_id = d.id ORDER BY s.threshold),
       ARRAY(SELECT x.organization_id FROM {_through(VolumeDiscount.audience_organizations)} x
             WHERE x.volumediscount_id = d.id),
       ARRAY(SELECT x.pricegroup_id FROM {_through(VolumeDiscount.audience_price_groups)} x
             WHERE x.volumediscount_id = d.id)
FROM {_table(VolumeDiscount)} d
WHERE d.owner_id = ANY(%(sellers)s) AND (d.starts IS NULL OR d.starts <= %(day)s)
  AND (d.ends IS NULL OR d.ends >= %(day)s)
"""

# The manufacturer's floors of the variants and their categories; then, only if one of
# those categories has a floor (a percentage of the base price), the base list's first
# tier of each variant (kind 'b': amount = price, percent = 1 when the price has VAT),
# looked up per variant for the same reason as the lists' tiers.
FLOORS = f"""
SELECT 'f', f.variant_id, f.category_id, f.amount, f.percent
FROM {_table(MapFloor)} f
WHERE f.owner_id = %(owner)s AND f.currency = %(currency)s
  AND (f.variant_id = ANY(%(variants)s) OR f.category_id = ANY(%(categories)s))
UNION ALL
SELECT 'b', k.id, NULL, b.price, CASE WHEN b.prices_include_vat THEN 1 ELSE 0 END
FROM unnest(%(variants)s::bigint[]) k(id)
CROSS JOIN LATERAL (
    SELECT e.price, l.prices_include_vat
    FROM {_table(PriceList)} l
    JOIN {_table(PriceListEntry)} e ON e.price_list_id = l.id AND e.variant_id = k.id
    WHERE l.owner_id = %(owner)s AND l.is_base
    ORDER BY e.min_quantity LIMIT 1
) b
WHERE EXISTS(SELECT 1 FROM {_table(MapFloor)} f
             WHERE f.owner_id = %(owner)s AND f.currency = %(currency)s
               AND f.category_id = ANY(%(categories)s))
"""
