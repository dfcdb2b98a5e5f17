"""SKU suggestions: what a buyer probably meant, among the variants it may order.

Prefix matches of the SKU come first (a buyer typing «KR-FAS-00» wants those), then SKUs
and names alike by trigram similarity (a mistyped «KR-FSA-0003» still finds
«KR-FAS-0003-10»). One statement whatever is asked. SKUs compare without case and without
surrounding spaces, as everywhere a buyer types one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Greatest, Upper

from backend.catalog.models import ProductVariant
from backend.catalog.visibility import visible_variants
from backend.core.viewer import Viewer

# Below this similarity a SKU or name is too far off to be worth naming.
SIMILARITY_FLOOR = 0.25
QUERY_MAX_CHARS = 100


def sku_key(text: str) -> str:
    """A SKU as compared: no surrounding spaces, upper case."""
    return text.strip().upper()


@dataclass(frozen=True)
class Suggestion:
    variant: ProductVariant
    sku: str
    name: str


def suggest(viewer: Viewer, query: str, limit: int = 8) -> list[Suggestion]:
    """Variants ``viewer`` may see whose SKU starts with ``query``, then those whose SKU or
    product name is most like it."""
    text = " ".join(query.split())[:QUERY_MAX_CHARS]
    if not text or limit <= 0:
        return []
    key = sku_key(text)
    rows = (
        visible_variants(viewer)
        .select_related("product")
        .annotate(sku_upper=Upper("sku"))
        .annotate(
            prefix=Case(When(sku_upper__startswith=key, then=Value(1)), default=Value(0),
                        output_field=IntegerField()),
            likeness=Greatest(TrigramSimilarity(Upper("sku"), Value(key)),
                              TrigramSimilarity("product__name", Value(text)),
                              TrigramSimilarity("name", Value(text)),
                              output_field=FloatField()))
        .filter(Q(sku_upper__startswith=key) | Q(likeness__gte=SIMILARITY_FLOOR))
        .order_by(F("prefix").desc(), F("likeness").desc(), "sku")[:limit]
    )
    return [Suggestion(row, row.sku, row.name or row.product.name) for row in rows]


def nearest_skus(viewer: Viewer, text: str, limit: int = 5) -> list[str]:
    """The SKUs nearest to an unknown one, for the line's report."""
    return [s.sku for s in suggest(viewer, text, limit)]
