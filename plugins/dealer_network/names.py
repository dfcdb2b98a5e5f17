"""Company names compared the way people write them, in SQL (PostgreSQL + pg_trgm).

"ООО «Ромашка»", "Ромашка ООО" and 'Общество с ограниченной ответственностью "РОМАШКА"'
are one company: ``NormalizedName`` lower-cases a name, turns every run of punctuation
(quotes «» "" „“, dots, dashes, brackets) into a space and drops legal forms. Two names are
near-duplicates when their normalized forms are equal or their trigram similarity is at
least ``SIMILARITY_THRESHOLD``. The normalization lives only here, in one SQL expression,
so stored rows and a new name are normalized identically.
"""

from __future__ import annotations

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import BooleanField, Func, Q, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Greatest, NullIf

SIMILARITY_THRESHOLD = 0.6

# Written lower-case, with "ё" as "е" and words separated by one space, as the
# expression sees them. Longer forms first, so a long form wins over its abbreviation.
LEGAL_FORMS = (
    "общество с ограниченной ответственностью",
    "публичное акционерное общество",
    "непубличное акционерное общество",
    "открытое акционерное общество",
    "закрытое акционерное общество",
    "акционерное общество",
    "индивидуальный предприниматель",
    "ооо", "оао", "зао", "пао", "нао", "ао", "ип", "чп",
    "limited liability company", "llc", "ltd", "inc", "jsc", "ojsc", "cjsc", "pjsc",
    "corp", "gmbh",
)

_FORMS_PATTERN = " (" + "|".join(LEGAL_FORMS) + ")(?= )"


class NormalizedName(Func):
    """``name`` lower-cased, ё as е, punctuation as spaces, legal forms dropped, trimmed."""

    template = (
        "btrim(regexp_replace(regexp_replace("
        "' ' || regexp_replace(translate(lower(%(expressions)s), 'ё', 'е'), "
        "'[^[:alnum:]]+', ' ', 'g') || ' ', "
        f"'{_FORMS_PATTERN}', '', 'g'), ' +', ' ', 'g'))"
    )
    output_field = TextField()


def name_similarity(columns: tuple[str, ...], names: tuple[str, ...]) -> Combinable:
    """The best trigram similarity between any of ``columns`` and any of ``names``, each
    normalized."""
    pairs = [TrigramSimilarity(NormalizedName(column), NormalizedName(Value(name)))
             for column in columns for name in names]
    return pairs[0] if len(pairs) == 1 else Greatest(*pairs)


def same_normalized_name(columns: tuple[str, ...], names: tuple[str, ...]) -> Q:
    """True where a column's normalized form equals a name's (an empty form equals none)."""
    condition = Q()
    for column in columns:
        for name in names:
            condition |= Q(Func(NullIf(NormalizedName(Value(name)), Value("")),
                                NormalizedName(column), arg_joiner=" = ",
                                template="(%(expressions)s)", output_field=BooleanField()))
    return condition
