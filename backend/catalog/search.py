"""Product search: full text (Russian and English stemming) or trigram substring match.

Each product keeps two derived columns, rewritten by ``refresh_search_index`` whenever
its name, description or SKUs change:

- ``search_vector``: ``to_tsvector`` of name and description in Russian and in English,
  plus the SKUs as simple tokens, weighted name > SKU > description. It finds word forms
  ("краски" finds "Краска").
- ``search_document``: lower-cased name and SKUs, trigram-indexed. It finds substrings
  and prefixes while the user types ("RAL90", "фасад").
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.functions import Greatest

_REFRESH_SQL = """
WITH skus AS (
    SELECT p.id AS product_id,
           coalesce((SELECT string_agg(v.sku || ' ' || v.name, ' ')
                     FROM catalog_productvariant v WHERE v.product_id = p.id), '') AS text
    FROM catalog_product p {where}
)
UPDATE catalog_product AS p SET
    search_document = lower(p.name || ' ' || skus.text),
    search_vector =
        setweight(to_tsvector('russian', p.name), 'A')
        || setweight(to_tsvector('english', p.name), 'A')
        || setweight(to_tsvector('simple', skus.text), 'B')
        || setweight(to_tsvector('russian', p.description), 'C')
FROM skus WHERE skus.product_id = p.id
"""


def refresh_search_index(product_ids: Iterable[int] | None = None) -> None:
    """Recompute the search columns for ``product_ids`` (all products when ``None``)."""
    with connection.cursor() as cursor:
        if product_ids is None:
            cursor.execute(_REFRESH_SQL.format(where=""))
            return
        ids = list(product_ids)
        if ids:
            cursor.execute(_REFRESH_SQL.format(where="WHERE p.id = ANY(%s)"), [ids])


def _full_text_query(text: str) -> SearchQuery:
    return (SearchQuery(text, config="russian", search_type="websearch")
            | SearchQuery(text, config="english", search_type="websearch")
            | SearchQuery(text, config="simple", search_type="websearch"))


def normalize_search(text: str) -> str:
    """The search text as searched: single spaces, at most 200 characters."""
    return " ".join(text.split())[:200]


def search_products(queryset: QuerySet, text: str) -> QuerySet:
    """Filter ``queryset`` to products matching ``text`` and annotate ``search_rank``."""
    text = normalize_search(text)
    if not text:
        return queryset
    query = _full_text_query(text)
    needle = text.lower()
    return queryset.filter(
        Q(search_vector=query) | Q(search_document__contains=needle)
    ).annotate(
        search_rank=Greatest(
            SearchRank(F("search_vector"), query),
            Value(0.0, output_field=FloatField()),
        )
    )
