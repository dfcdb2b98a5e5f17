"""The nearest SKUs to a file's unknown ones, for all of them in one query.

The SKU typed wrong usually starts right («KR-FAS-0003-1O» for «KR-FAS-0003-10»): the
candidates are the buyer's orderable variants whose SKU starts with the first two thirds of the
one typed (at least ``MIN_PREFIX`` characters; a range of the SKU's index, never a scan of
the catalog), ranked by trigram similarity. The cart's ``suggest`` also compares names
and every SKU, which costs a scan of the catalog per SKU: right for one typed line, too
slow for a file's worth of them.
"""

from __future__ import annotations

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import CharField, FloatField, QuerySet, Value
from django.db.models.functions import Upper

from backend.catalog.visibility import visible_variants
from backend.core.viewer import Viewer

MIN_PREFIX = 3
PER_SKU = 5


def _prefix(key: str) -> str:
    return key[:max(MIN_PREFIX, len(key) * 2 // 3)]


def nearest_skus(viewer: Viewer, keys: list[str]) -> dict[str, list[str]]:
    """Upper-cased SKU typed -> the nearest SKUs ``viewer`` may see, best first."""
    keys = [key for key in dict.fromkeys(keys) if len(key) >= MIN_PREFIX]
    if not keys:
        return {}
    parts: list[QuerySet] = [
        visible_variants(viewer)
        .filter(sku__startswith=_prefix(key))
        .annotate(typed=Value(key, output_field=CharField()),
                  likeness=TrigramSimilarity(Upper("sku"), Value(key),
                                             output_field=FloatField()))
        .order_by("-likeness", "sku")
        .values_list("typed", "sku", "likeness")[:PER_SKU]
        for key in keys]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    found: dict[str, list[tuple[float, str]]] = {key: [] for key in keys}
    for typed, sku, likeness in rows:
        found[typed].append((-likeness, sku))
    return {key: [sku for _rank, sku in sorted(ranked)] for key, ranked in found.items()}
