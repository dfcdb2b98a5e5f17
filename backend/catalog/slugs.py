"""Latin slugs (Cyrillic is transliterated by python-slugify), unique per model."""

from __future__ import annotations

from django.db.models import Model
from slugify import slugify

MAX_LENGTH = 200


def slug_base(text: str) -> str:
    """``"Краска фасадная 10 л"`` -> ``"kraska-fasadnaia-10-l"``; never empty."""
    return slugify(text or "", max_length=MAX_LENGTH, word_boundary=True) or "item"


def unique_slug(model: type[Model], text: str, *, exclude_pk: int | None = None,
                field: str = "slug") -> str:
    """``slug_base(text)``, with ``-2``, ``-3``... appended until no other row has it.

    One query: fetch the taken slugs sharing the base, then pick the first free suffix.
    """
    base = slug_base(text)
    taken_qs = model._default_manager.filter(**{f"{field}__startswith": base})
    if exclude_pk is not None:
        taken_qs = taken_qs.exclude(pk=exclude_pk)
    taken = set(taken_qs.values_list(field, flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
