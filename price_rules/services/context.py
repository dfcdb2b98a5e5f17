"""Build the engine's ``PriceContext`` for one buyer, some variants and a day, from rows.

Six queries whatever the number of variants, lists or promotions (a page of 500 variants
costs what one costs; ``context_sql`` has the statements): the chain of organizations from
the buyer's path with their groups and markups, the variants, the sellers' lists with the
tiers of the wanted variants, their promotions, volume discounts and the floors. Only what
resolution can read is loaded: the lists assigned to the chain's buyers and the lists
others fall back to (never every personal list of the manufacturer), the entries of the
requested variants only, the promotions running that day that target one of them, with
only the targets and audience the chain can meet (a promotion of a thousand SKUs costs
the rows of the cart's SKUs, not a thousand).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Protocol

from backend.accounts.models import Organization
from backend.core.prepared import fetch_all
from backend.core.taxes import vat_rate
from backend.core.tree_paths import ancestor_ids

from .. import engine
from . import context_sql as sql

_KIND = engine.AssignmentKind


class FloorOwner(Protocol):
    """The manufacturer as the floors need it (an ``Organization`` is one)."""

    id: int
    currency: str
    country: str


def _rows(statement: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    # Prepared on the server once per connection: planning these took five times their run.
    return fetch_all(statement, params)


class _Facts(NamedTuple):
    """An organization of the chain, as read by ``CHAIN``."""

    id: int
    parent_id: int | None
    currency: str
    region: str
    country: str
    group_ids: list[int]
    markup: engine.PriceFormula | None


def _chain(buyer: Organization) -> list[_Facts]:
    """The buyer, its parent, ... up to the root."""
    upward = [buyer.id, *reversed(ancestor_ids(buyer.path))]
    found = {}
    for (organization_id, parent_id, currency, region, country, groups, factor, percent,
         amount, rounding) in _rows(sql.CHAIN, {"organizations": upward}):
        markup = (None if factor is None
                  else engine.PriceFormula(factor, percent, amount, engine.Rounding(rounding)))
        found[organization_id] = _Facts(organization_id, parent_id, currency, region, country,
                                        groups, markup)
    # The buyer as the caller has it (the request's active organization).
    found[buyer.id] = found[buyer.id]._replace(currency=buyer.currency, region=buyer.region)
    return [found[i] for i in upward]


def load_price_context(buyer: Organization, variant_ids: Iterable[int],
                       on_date: date) -> engine.PriceContext:
    """Everything ``engine.resolve``/``resolve_many``/``quote_cart`` need to price
    ``variant_ids`` for ``buyer`` on ``on_date``.

    With no variants, the rules alone: the lists without entries, and the promotions with
    every target (a caller pricing in SQL over the whole catalog reads them)."""
    wanted = sorted(set(variant_ids))
    upward = _chain(buyer)
    buyers = [engine.Buyer(o.id, o.currency, frozenset(o.group_ids), o.region)
              for o in upward[:-1]]  # every organization but the root buys from its parent
    seller_ids = [o.id for o in upward[1:]]
    variants = load_variants(wanted)
    lists: list[engine.PriceList] = []
    assignments: list[engine.Assignment] = []
    promotions: list[engine.Promotion] = []
    volume: list[engine.VolumeDiscount] = []
    if buyers:
        reach = {"buyers": [b.organization_id for b in buyers], "sellers": seller_ids,
                 "variants": wanted,
                 "groups": sorted(set().union(*(b.price_group_ids for b in buyers))),
                 "regions": sorted({b.region for b in buyers if b.region})}
        lists, assignments = _lists(reach)
        promotions = _promotions(reach, variants, on_date)
        volume = _volume_discounts(seller_ids, on_date)
    markups = {o.id: o.markup for o in upward[1:] if o.markup is not None}
    chain = tuple(
        engine.ChainLink(engine_buyer, _seller(seller_id, lists, assignments, markups,
                                               promotions, volume))
        for engine_buyer, seller_id in zip(buyers, seller_ids, strict=True))
    seller_country = upward[1].country if len(upward) > 1 else buyer.country
    return engine.PriceContext(chain=chain, variants=variants, on_date=on_date,
                               vat_rate=vat_rate(seller_country, on_date),
                               floors=load_floors(upward[-1], variants, on_date))


def _seller(seller_id: int, lists: list[engine.PriceList],
            assignments: list[engine.Assignment], markups: dict[int, engine.PriceFormula],
            promotions: list[engine.Promotion],
            volume: list[engine.VolumeDiscount]) -> engine.Seller:
    own = tuple(pl for pl in lists if pl.owner_id == seller_id)
    own_ids = {pl.id for pl in own}
    return engine.Seller(
        seller_id, lists=own, assignments=tuple(a for a in assignments if a.list_id in own_ids),
        markup=markups.get(seller_id),
        promotions=tuple(p for p in promotions if p.owner_id == seller_id),
        volume_discounts=tuple(v for v in volume if v.owner_id == seller_id))


def _lists(reach: dict[str, Any]) -> tuple[list[engine.PriceList], list[engine.Assignment]]:
    """The lists that could price a variant for one of the chain's buyers, whatever their
    dates (the engine skips a list out of its dates but follows its fallback, so the
    chain of fallbacks must be whole), and their assignments to the chain's buyers."""
    lists, assignments = [], []
    for (list_id, owner_id, currency, priority, valid_from, valid_until, includes_vat,
         fallback_id, source_id, organizations, groups, regions, is_default, variants,
         quantities, prices, units) in _rows(sql.LISTS, reach):
        assignments += [engine.Assignment(list_id, _KIND.ORGANIZATION, o) for o in organizations]
        assignments += [engine.Assignment(list_id, _KIND.PRICE_GROUP, g) for g in groups]
        assignments += [engine.Assignment(list_id, _KIND.REGION, r) for r in regions]
        if is_default:
            assignments.append(engine.Assignment(list_id, _KIND.OWNER_DEFAULT))
        tiers: dict[int, list[engine.Tier]] = defaultdict(list)
        for variant_id, quantity, price, unit in zip(variants or (), quantities or (),
                                                     prices or (), units or (), strict=True):
            tiers[variant_id].append(engine.Tier(quantity, price, unit or None))
        lists.append(engine.PriceList(
            id=list_id, owner_id=owner_id, currency=currency,
            entries={v: tuple(t) for v, t in tiers.items()}, priority=priority,
            valid_from=valid_from, valid_until=valid_until, prices_include_vat=includes_vat,
            fallback_id=fallback_id, source_id=source_id))
    return lists, assignments


def _promotions(reach: dict[str, Any], variants: dict[int, engine.Variant],
                on_date: date) -> list[engine.Promotion]:
    """The running promotions that target a wanted variant and reach a buyer of the chain.

    Their targets and audiences are cut to what the chain can meet, which the engine reads
    the same way: a wanted variant is targeted as before, a buyer of the chain reached as
    before. One case would change, so it is settled here: a promotion whose whole audience
    lies outside the chain would be left with none, which means everyone; it reaches
    nobody of the chain, so it is dropped. Without wanted variants, every running promotion
    comes with all its targets (the rules alone, for pricing in SQL: ``sort_keys``)."""
    params = {**reach, "day": on_date,
              "products": sorted({v.product_id for v in variants.values()}),
              "categories": sorted({c for v in variants.values() for c in v.category_path})}
    regions = set(reach["regions"])
    found = []
    for (promotion_id, owner_id, kind, value, starts, ends, stacking, currency,
         audience_regions, variant_ids, product_ids, category_ids, organizations, groups,
         has_audience) in _rows(sql.PROMOTIONS if variants else sql.PROMOTIONS_WHOLE, params):
        if ((has_audience or audience_regions) and not organizations and not groups
                and regions.isdisjoint(audience_regions)):
            continue
        found.append(engine.Promotion(
            id=promotion_id, owner_id=owner_id, kind=engine.DiscountKind(kind), value=value,
            starts=starts, ends=ends, stacking=engine.Stacking(stacking),
            variant_ids=frozenset(variant_ids), product_ids=frozenset(product_ids),
            category_ids=frozenset(category_ids), organization_ids=frozenset(organizations),
            price_group_ids=frozenset(groups), regions=frozenset(audience_regions),
            currency=currency or None))
    return found


def _volume_discounts(seller_ids: list[int], on_date: date) -> list[engine.VolumeDiscount]:
    return [engine.VolumeDiscount(
        id=discount_id, owner_id=owner_id, currency=currency,
        steps=tuple(engine.VolumeStep(t, p) for t, p in zip(thresholds, percents, strict=True)),
        starts=starts, ends=ends, organization_ids=frozenset(organizations),
        price_group_ids=frozenset(groups), regions=frozenset(regions))
        for (discount_id, owner_id, currency, starts, ends, regions, thresholds, percents,
             organizations, groups) in _rows(sql.VOLUME_DISCOUNTS,
                                             {"sellers": seller_ids, "day": on_date})]


def load_variants(variant_ids: Sequence[int]) -> dict[int, engine.Variant]:
    """The engine's view of these variants: SKU, product, categories nearest first. Also
    what the write services check floors with (``common``)."""
    return {variant_id: engine.Variant(
        variant_id, sku, product_id,
        (category_id, *reversed(ancestor_ids(path))))  # nearest first
        for variant_id, sku, product_id, category_id, path in _rows(
            sql.VARIANTS, {"variants": list(variant_ids)})}


def load_floors(root: FloorOwner, variants: dict[int, engine.Variant],
                on_date: date) -> engine.MapFloors:
    """The manufacturer's floors for these variants and their categories, with its base
    list prices (net, first tier) for the floors given as a percentage."""
    own: dict[int, Decimal] = {}
    shares: dict[int, Decimal] = {}
    base: dict[int, Decimal] = {}
    rate = vat_rate(root.country, on_date)
    params = {"owner": root.id, "currency": root.currency, "variants": list(variants),
              "categories": sorted({c for v in variants.values() for c in v.category_path})}
    for kind, variant_id, category_id, amount, percent in _rows(sql.FLOORS, params):
        if kind == "b":  # the base list's first tier; percent 1 when it includes VAT
            base[variant_id] = engine.net_and_gross(amount, bool(percent), rate).net
        elif variant_id is not None:
            own[variant_id] = amount
        else:
            shares[category_id] = percent
    return engine.MapFloors(owner_id=root.id, currency=root.currency, variant_floors=own,
                            category_percents=shares, base_prices=base if shares else {})
