"""A search that finds nothing is tried again as the user probably meant it.

Two corrections, tried in this order, each kept only when it finds something:

1. the keyboard layout (``keyboard_layout.switch_layout``): «rhfcrf» -> «краска»;
2. small typos: each word of three letters or more is replaced by the most similar word
   (trigram similarity) of the names and SKUs of the products searched, «фосадная» ->
   «фасадная». Candidates come through the trigram index (``<%``: word similarity at
   least ``pg_trgm.word_similarity_threshold``, lowered for that statement to
   ``WORD_SIMILARITY``; the default 0.6 misses one wrong letter in an eight-letter word).

Corrections run only when the search as typed finds nothing among the products searched
(so an exact match is never "corrected" and outranks any correction), in at most four
queries whatever the text. Words are suggested from ``queryset`` only, so a viewer never
sees words of products it may not see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import QuerySet

from .keyboard_layout import switch_layout
from .search import normalize_search, search_products

MIN_CORRECTED_LENGTH = 3
WORD_SIMILARITY = 0.4
# A replacement shares at least this share of its trigrams with the word typed.
MIN_SIMILARITY = 0.3
# Documents read per word to pick a replacement, the first the trigram index finds (any
# order: ranking thousands of matches of a common word by similarity took 200 ms).
_CANDIDATE_DOCUMENTS = 50

_SUGGEST_SQL = """
SELECT q.n, best.word
FROM unnest(%s::text[]) WITH ORDINALITY AS q(word, n)
CROSS JOIN LATERAL (
    SELECT w.word
    FROM (
        SELECT p.search_document FROM catalog_product p
        WHERE p.id IN ({products}) AND q.word <%% p.search_document
        LIMIT {limit}
    ) d
    CROSS JOIN LATERAL regexp_split_to_table(d.search_document, '[[:space:],;:()«»"]+') AS w(word)
    WHERE char_length(w.word) >= {min_length}
      AND similarity(q.word, w.word) >= {min_similarity}
    ORDER BY similarity(q.word, w.word) DESC, w.word
    LIMIT 1
) best
"""


@dataclass(frozen=True)
class SearchResult:
    products: QuerySet
    # The text actually searched when the one typed found nothing, else None.
    correction: str | None = None


def _suggest_words(queryset: QuerySet, text: str) -> str | None:
    words = text.lower().split()
    long_words = [w for w in words if len(w) >= MIN_CORRECTED_LENGTH and not w.isdigit()]
    if not long_words:
        return None
    try:
        products_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # nothing visible
        return None
    sql = _SUGGEST_SQL.format(products=products_sql, limit=_CANDIDATE_DOCUMENTS,
                              min_length=MIN_CORRECTED_LENGTH, min_similarity=MIN_SIMILARITY)
    # SET LOCAL ends with the transaction: nothing else sees the lowered threshold.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                       [str(WORD_SIMILARITY)])
        cursor.execute(sql, [long_words, *params])
        replacements = {long_words[n - 1]: word for n, word in cursor.fetchall()}
    corrected = " ".join(replacements.get(w, w) for w in words)
    return corrected if corrected != text.lower() else None


def search_with_correction(queryset: QuerySet, text: str) -> SearchResult:
    """Products of ``queryset`` matching ``text`` (annotated with ``search_rank``) or, when
    none does, matching the first correction of ``text`` that finds some."""
    text = normalize_search(text)
    found = search_products(queryset, text)
    if not text or found.exists():
        return SearchResult(found)
    switched = switch_layout(text)
    if switched != text.lower():
        corrected = search_products(queryset, switched)
        if corrected.exists():
            return SearchResult(corrected, switched)
    suggestion = _suggest_words(queryset, text)
    if suggestion is not None:
        corrected = search_products(queryset, suggestion)
        if corrected.exists():
            return SearchResult(corrected, suggestion)
    return SearchResult(found)
