"""Write-time checks of lists and promotions: every problem at once, each with a code.

The services call these before saving anything, so a refused input leaves nothing saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from .amounts import HUNDRED
from .errors import PriceErrorCode, Problem
from .types import DiscountKind, PriceList, Promotion, Tier, Variant, VolumeDiscount


def sku_of(variant_id: int, variants: Mapping[int, Variant]) -> str:
    variant = variants.get(variant_id)
    return variant.sku if variant is not None else f"#{variant_id}"


def entry_problems(entries: Mapping[int, tuple[Tier, ...]],
                   variants: Mapping[int, Variant]) -> list[Problem]:
    """Duplicate minimum quantities of one variant, quantities and prices not above zero,
    one problem per code listing every SKU concerned (in SKU order)."""
    found: dict[PriceErrorCode, set[str]] = {}
    for variant_id, tiers in entries.items():
        sku = sku_of(variant_id, variants)
        quantities = [tier.min_quantity for tier in tiers]
        if len(set(quantities)) != len(quantities):
            found.setdefault(PriceErrorCode.DUPLICATE_TIER, set()).add(sku)
        if any(q <= 0 for q in quantities):
            found.setdefault(PriceErrorCode.NON_POSITIVE_QUANTITY, set()).add(sku)
        if any(tier.price <= 0 for tier in tiers):
            found.setdefault(PriceErrorCode.NON_POSITIVE_PRICE, set()).add(sku)
    messages = {
        PriceErrorCode.DUPLICATE_TIER: "Two tiers of one variant start at the same quantity",
        PriceErrorCode.NON_POSITIVE_QUANTITY: "A tier's minimum quantity must be above zero",
        PriceErrorCode.NON_POSITIVE_PRICE: "A price must be above zero",
    }
    return [Problem(code, f"{messages[code]}: {', '.join(sorted(skus))}.",
                    skus=tuple(sorted(skus)))
            for code, skus in found.items()]


def list_problems(lists: Iterable[PriceList]) -> list[Problem]:
    """Problems between lists: a fallback or formula source that is unknown, owned by
    someone else (fallback) or in another currency, and cycles of fallbacks or formulas."""
    by_id = {price_list.id: price_list for price_list in lists}
    problems: list[Problem] = []
    for price_list in by_id.values():
        for link, name in ((price_list.fallback_id, "fallback"),
                           (price_list.source_id, "formula source")):
            if link is None:
                continue
            other = by_id.get(link)
            if other is None:
                problems.append(Problem(PriceErrorCode.UNKNOWN_LIST,
                                        f"List {price_list.id}: its {name} {link} is unknown.",
                                        list_ids=(price_list.id, link)))
            elif other.currency != price_list.currency:
                problems.append(Problem(
                    PriceErrorCode.CURRENCY_MISMATCH,
                    f"List {price_list.id} is in {price_list.currency}, its {name} "
                    f"{link} in {other.currency}.", list_ids=(price_list.id, link)))
            elif name == "fallback" and other.owner_id != price_list.owner_id:
                problems.append(Problem(
                    PriceErrorCode.FALLBACK_OTHER_OWNER,
                    f"List {price_list.id} may fall back only to a list of its own owner.",
                    list_ids=(price_list.id, link)))
    problems += _cycles({i: pl.fallback_id for i, pl in by_id.items()},
                        PriceErrorCode.FALLBACK_CYCLE, "fall back")
    problems += _cycles({i: pl.source_id for i, pl in by_id.items()},
                        PriceErrorCode.FORMULA_CYCLE, "are derived")
    return problems


def _cycles(links: Mapping[int, int | None], code: PriceErrorCode,
            verb: str) -> list[Problem]:
    """Each cycle of ``links`` (every list points to at most one other) once, by walking
    from every list and stopping at a list already explained."""
    problems: list[Problem] = []
    settled: set[int] = set()
    for start in sorted(links):
        path: list[int] = []
        current: int | None = start
        while current is not None and current not in settled and current not in path:
            path.append(current)
            current = links.get(current)
        if current is not None and current in path:
            cycle = tuple(path[path.index(current):])
            problems.append(Problem(
                code, f"Lists {' -> '.join(map(str, (*cycle, cycle[0])))} {verb} in a cycle.",
                list_ids=cycle))
        settled.update(path)
    return problems


def promotion_problems(promotion: Promotion) -> list[Problem]:
    problems: list[Problem] = []
    if promotion.ends < promotion.starts:
        problems.append(Problem(PriceErrorCode.INVALID_PERIOD,
                                "A promotion must end on or after its first day."))
    if promotion.kind is DiscountKind.PERCENT and not Decimal(0) < promotion.value < HUNDRED:
        problems.append(Problem(PriceErrorCode.INVALID_DISCOUNT,
                                "A percentage discount must be above 0 and below 100."))
    if promotion.kind is DiscountKind.FIXED and (promotion.value <= 0
                                                 or not promotion.currency):
        problems.append(Problem(PriceErrorCode.INVALID_DISCOUNT,
                                "A fixed discount needs an amount above zero and a currency."))
    if not (promotion.variant_ids or promotion.product_ids or promotion.category_ids):
        problems.append(Problem(PriceErrorCode.INVALID_DISCOUNT,
                                "A promotion needs at least one variant, product or category."))
    return problems


def volume_discount_problems(discount: VolumeDiscount) -> list[Problem]:
    problems: list[Problem] = []
    thresholds = [step.threshold for step in discount.steps]
    if not thresholds or len(set(thresholds)) != len(thresholds):
        problems.append(Problem(PriceErrorCode.DUPLICATE_TIER,
                                "A volume discount needs steps with different thresholds."))
    if any(t < 0 for t in thresholds) or any(
            not Decimal(0) < step.percent < HUNDRED for step in discount.steps):
        problems.append(Problem(PriceErrorCode.INVALID_DISCOUNT,
                                "Thresholds may not be negative; percentages are above 0 "
                                "and below 100."))
    if discount.starts and discount.ends and discount.ends < discount.starts:
        problems.append(Problem(PriceErrorCode.INVALID_PERIOD,
                                "A volume discount must end on or after its first day."))
    return problems
