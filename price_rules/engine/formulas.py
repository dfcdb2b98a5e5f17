"""Derived lists: a list defined by a formula over a source list, computed, not looked up.

A derived list is materialized: ``derive_entries`` computes its tiers from its source's, and
the services store them (atomically) whenever the source changes, in the order that
``recompute_order`` gives. Resolution then reads a derived list like any other, so a page
of prices never walks formulas, and a cycle is a write-time error, never a recursion.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .amounts import PriceFormula
from .errors import PriceErrorCode, PriceRuleError, Problem, raise_if_any
from .types import PriceList, Tier, Variant
from .validation import list_problems, sku_of


def derive_entries(formula: PriceFormula, source: Mapping[int, tuple[Tier, ...]],
                   variants: Mapping[int, Variant]) -> dict[int, tuple[Tier, ...]]:
    """The source's tiers with the formula applied to each price (same quantities and
    units). Refuses, listing every SKU, prices the formula would bring to zero or below."""
    if not formula.is_valid:
        raise PriceRuleError([Problem(PriceErrorCode.INVALID_FORMULA,
                                      "A formula's factor must be above zero and its "
                                      "percentage above -100.")])
    derived = {variant_id: tuple(Tier(t.min_quantity, formula.apply(t.price), t.unit)
                                 for t in tiers)
               for variant_id, tiers in source.items()}
    bad = sorted(sku_of(variant_id, variants) for variant_id, tiers in derived.items()
                 if any(t.price <= 0 for t in tiers))
    if bad:
        raise PriceRuleError([Problem(PriceErrorCode.NON_POSITIVE_PRICE,
                                      f"The formula brings prices to zero or below: "
                                      f"{', '.join(bad)}.", skus=tuple(bad))])
    return derived


def recompute_order(lists: Iterable[PriceList], changed_id: int) -> tuple[int, ...]:
    """The derived lists to recompute after list ``changed_id`` changed, each after its
    source (breadth first, ids ascending within a level). Refuses formula cycles."""
    all_lists = tuple(lists)
    raise_if_any(p for p in list_problems(all_lists)
                 if p.code is PriceErrorCode.FORMULA_CYCLE)
    derived_from: dict[int, list[int]] = {}
    for price_list in sorted(all_lists, key=lambda pl: pl.id):
        if price_list.source_id is not None:
            derived_from.setdefault(price_list.source_id, []).append(price_list.id)
    order: list[int] = []
    level = [changed_id]
    while level:
        level = [child for parent in level for child in derived_from.get(parent, [])]
        order += level
    return tuple(order)
