"""Minimum resale prices (MAP): the write-time check, and the floor at resolve time.

Decision: both. A dealer's list or promotion that goes below a floor is refused when it is
written (``BELOW_MAP_FLOOR`` with every offending SKU). But floors change after lists are
written, and promotions combine, so at resolve time a price below the floor is raised to
the floor and the result says so (``floor_applied``): a buyer is never quoted below MAP,
and the dealer's screens can flag the lists that a floor change left below it
(``floor_violations`` over the stored list). Floors are net amounts; they bind every seller
except the manufacturer that sets them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .amounts import net_and_gross
from .errors import PriceErrorCode, PriceRuleError, Problem
from .promotions import best_promoted
from .types import MapFloors, PriceList, Promotion, Variant


@dataclass(frozen=True, slots=True)
class FloorViolation:
    sku: str
    min_quantity: Decimal
    net_price: Decimal
    floor: Decimal


def floor_violations(price_list: PriceList, floors: MapFloors,
                     variants: Mapping[int, Variant], vat_rate: Decimal,
                     promotions: Iterable[Promotion] = ()) -> tuple[FloorViolation, ...]:
    """Every tier of ``price_list`` whose net price (after ``promotions`` of the list's
    owner that target the variant, running on any day, for any buyer: the worst case)
    is below its variant's floor, in SKU order."""
    if not floors.binds(price_list.owner_id):
        return ()
    promotions = tuple(p for p in promotions if p.owner_id == price_list.owner_id)
    found: list[FloorViolation] = []
    for variant_id, tiers in price_list.entries.items():
        variant = variants.get(variant_id)
        floor = floors.floor_for(variant) if variant is not None else None
        if variant is None or floor is None:
            continue
        mine = [p for p in promotions if p.targets(variant)]
        for tier in tiers:
            amount = best_promoted(tier.price, price_list.currency, mine).price
            net = net_and_gross(amount, price_list.prices_include_vat, vat_rate).net
            if net < floor:
                found.append(FloorViolation(variant.sku, tier.min_quantity, net, floor))
    return tuple(sorted(found, key=lambda v: (v.sku, v.min_quantity)))


def check_floors(price_list: PriceList, floors: MapFloors, variants: Mapping[int, Variant],
                 vat_rate: Decimal, promotions: Iterable[Promotion] = ()) -> None:
    """Refuse a list (or a promotion over it, passed in ``promotions``) that goes below
    a floor, naming every offending SKU; a list in another currency than the floors is
    refused as ``CURRENCY_MISMATCH`` (it could not be checked)."""
    if not floors.binds(price_list.owner_id) or not (floors.variant_floors
                                                     or floors.category_percents):
        return
    if price_list.currency != floors.currency:
        raise PriceRuleError([Problem(
            PriceErrorCode.CURRENCY_MISMATCH,
            f"List {price_list.id} is in {price_list.currency}; minimum resale prices are "
            f"in {floors.currency}.", list_ids=(price_list.id,))])
    violations = floor_violations(price_list, floors, variants, vat_rate, promotions)
    if violations:
        skus = tuple(dict.fromkeys(v.sku for v in violations))
        raise PriceRuleError([Problem(PriceErrorCode.BELOW_MAP_FLOOR,
                                      f"Below the minimum resale price: {', '.join(skus)}.",
                                      skus=skus, list_ids=(price_list.id,))])

