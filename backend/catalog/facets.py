"""Facets of a product search: the attribute values present in its results, counted.

The count of a value of attribute A is the number of products that have it (on the
product or on one of its variants) and match every filter asked for except A's own
values: choosing «белый» leaves «серый» countable and selectable (values of one attribute
are alternatives), while it narrows the counts of every other attribute. Values that
count nothing are left out, except the ones chosen, so that they can be unchosen.

Two queries whatever the filters: the counts (one statement over the products searched),
then the attributes and values they name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

from .filters import ProductFilter, filter_products, find_products
from .models import Attribute, AttributeValue, Product
from .search import search_products

# ``links``: every (product, value) once, whether on the product or on a variant.
# ``matched``: per product, the chosen attributes it has one of the chosen values of.
# ``required``: the chosen attributes; a value of attribute A counts the products that
# match every required attribute but A. Ids only, so the rows stay narrow.
_COUNTS_SQL = """
WITH searched(product_id) AS ({products}),
links AS (
    SELECT DISTINCT l.product_id, l.value_id, av.attribute_id
    FROM (
        SELECT pav.product_id, pav.attributevalue_id AS value_id
        FROM catalog_product_attribute_values pav
        WHERE pav.product_id IN (SELECT product_id FROM searched)
        UNION ALL
        SELECT v.product_id, vav.attributevalue_id
        FROM catalog_productvariant_attribute_values vav
        JOIN catalog_productvariant v ON v.id = vav.productvariant_id
        WHERE v.product_id IN (SELECT product_id FROM searched)
    ) l
    JOIN catalog_attributevalue av ON av.id = l.value_id
),
chosen AS (
    SELECT av.id AS value_id
    FROM unnest(%s::text[], %s::text[]) AS c(attribute, value)
    JOIN catalog_attribute a ON a.slug = c.attribute
    JOIN catalog_attributevalue av ON av.attribute_id = a.id AND av.slug = c.value
),
matched AS (
    SELECT l.product_id, array_agg(DISTINCT l.attribute_id) AS attributes
    FROM links l JOIN chosen c ON c.value_id = l.value_id
    GROUP BY l.product_id
),
required AS (
    SELECT coalesce(array_agg(a.id), '{{}}'::bigint[]) AS attributes, count(*) AS known
    FROM catalog_attribute a WHERE a.slug = ANY(%s::text[])
)
SELECT l.value_id, count(*)
FROM links l
LEFT JOIN matched m ON m.product_id = l.product_id
CROSS JOIN required r
WHERE l.attribute_id IN ({attributes})
  AND r.known = %s
  AND array_remove(r.attributes, l.attribute_id) <@ coalesce(m.attributes, '{{}}'::bigint[])
GROUP BY l.value_id
"""


@dataclass(frozen=True)
class ValueFacet:
    value: AttributeValue
    count: int
    selected: bool


@dataclass(frozen=True)
class AttributeFacet:
    attribute: Attribute
    values: list[ValueFacet]


def _searched_products(products: QuerySet[Product], spec: ProductFilter) -> QuerySet[Product]:
    """The products ``spec`` finds before its attribute filters, searched for the same
    text as the list (the correction the list shows, if any)."""
    text = spec.search
    if text:
        text = find_products(products, spec).correction or text
    searched = filter_products(products, replace(spec, attributes={}))
    return search_products(searched, text) if text else searched


def _counts(products: QuerySet[Product], attributes: QuerySet[Attribute],
            chosen: dict[str, list[str]]) -> dict[int, int]:
    try:
        products_sql, product_params = products.order_by().values("pk").query.sql_with_params()
        attributes_sql, attribute_params = (attributes.order_by().values("pk")
                                            .query.sql_with_params())
    except EmptyResultSet:  # nothing visible
        return {}
    pairs = [(slug, value) for slug, values in chosen.items() for value in values]
    sql = _COUNTS_SQL.format(products=products_sql, attributes=attributes_sql)
    params = [*product_params, [slug for slug, _ in pairs], [value for _, value in pairs],
              list(chosen), *attribute_params, len(chosen)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def product_facets(products: QuerySet[Product], attributes: QuerySet[Attribute],
                   spec: ProductFilter) -> list[AttributeFacet]:
    """Facets of the filterable ``attributes`` over the ``products`` that ``spec`` finds,
    attributes by name, values in their order."""
    attributes = attributes.filter(filterable=True)
    chosen = {slug: values for slug, values in spec.attributes.items() if values}
    counts = _counts(_searched_products(products, spec), attributes, chosen)
    chosen_pairs = {(slug, value) for slug, values in chosen.items() for value in values}
    values = (AttributeValue.objects
              .filter(attribute__in=attributes)
              .filter(pk__in=list(counts)) | AttributeValue.objects.filter(
                  attribute__in=attributes,
                  attribute__slug__in=list(chosen), slug__in=[v for _, v in chosen_pairs]))
    facets: dict[int, AttributeFacet] = {}
    for value in values.select_related("attribute").order_by(
            "attribute__name", "attribute_id", "sort_order", "name", "pk"):
        selected = (value.attribute.slug, value.slug) in chosen_pairs
        count = counts.get(value.pk, 0)
        if not count and not selected:
            continue
        facet = facets.get(value.attribute_id)
        if facet is None:
            facet = facets[value.attribute_id] = AttributeFacet(value.attribute, [])
        facet.values.append(ValueFacet(value, count, selected))
    return list(facets.values())
