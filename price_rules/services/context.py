"""Build the engine's ``PriceContext`` for one buyer, some variants and a day, from rows.

A constant number of queries whatever the number of variants or lists (a page of 100
variants costs what one costs): the chain of sellers from the buyer's path, then one query
per table for the whole chain. Only what resolution can read is loaded: the lists assigned
to the chain's buyers and the lists others fall back to (never every personal list of the
manufacturer), the entries of the requested variants only, the promotions running that day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db.models import Q

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.core.taxes import vat_rate
from backend.core.tree_paths import ancestor_ids

from .. import engine
from ..models import (
    MapFloor,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    ResaleMarkup,
    VolumeDiscount,
    VolumeDiscountStep,
)


def load_price_context(buyer: Organization, variant_ids: Iterable[int],
                       on_date: date) -> engine.PriceContext:
    """Everything ``engine.resolve``/``resolve_many``/``quote_cart`` need to price
    ``variant_ids`` for ``buyer`` on ``on_date``."""
    wanted = sorted(set(variant_ids))
    above = ancestor_ids(buyer.path)  # the root first
    organizations = {o.id: o for o in Organization.objects.filter(id__in=above)}
    upward = [buyer, *(organizations[i] for i in reversed(above))]
    root = upward[-1]
    buyers = upward[:-1]  # every organization of the chain but the root buys from its parent
    seller_ids = [b.parent_id for b in buyers]
    groups = _groups_of([b.id for b in buyers])
    engine_buyers = [engine.Buyer(b.id, b.currency, frozenset(groups[b.id]), b.region)
                     for b in buyers]
    assignments = _assignments(engine_buyers, seller_ids)
    lists = _lists(seller_ids, {a.list_id for a in assignments}, wanted)
    promotions = _promotions(seller_ids, on_date)
    volume = _volume_discounts(seller_ids, on_date)
    markups = {m.organization_id: engine.PriceFormula(m.factor, m.percent, m.amount,
                                                      engine.Rounding(m.rounding))
               for m in ResaleMarkup.objects.filter(organization_id__in=seller_ids)}
    variants = load_variants(wanted)
    chain = tuple(
        engine.ChainLink(engine_buyer, _seller(seller_id, lists, assignments, markups,
                                               promotions, volume))
        for engine_buyer, seller_id in zip(engine_buyers, seller_ids, strict=True))
    seller = organizations.get(buyer.parent_id) if buyer.parent_id else None
    rate = vat_rate((seller or buyer).country, on_date)
    return engine.PriceContext(chain=chain, variants=variants, on_date=on_date,
                               vat_rate=rate, floors=load_floors(root, variants, on_date))


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


def _groups_of(organization_ids: list[int]) -> dict[int, set[int]]:
    groups: dict[int, set[int]] = defaultdict(set)
    for organization_id, group_id in PriceGroupMember.objects.filter(
            organization_id__in=organization_ids).values_list("organization_id", "group_id"):
        groups[organization_id].add(group_id)
    return groups


_KIND = engine.AssignmentKind


def _assignments(buyers: list[engine.Buyer], seller_ids: list[int]
                 ) -> list[engine.Assignment]:
    """The assignments of the sellers' lists that could match one of the chain's buyers."""
    groups = set().union(*(b.price_group_ids for b in buyers))
    regions = {b.region for b in buyers if b.region}
    rows = PriceListAssignment.objects.filter(
        Q(organization_id__in=[b.organization_id for b in buyers])
        | Q(price_group_id__in=groups) | Q(region__in=regions) | Q(is_owner_default=True),
        price_list__owner_id__in=seller_ids,
    ).values_list("price_list_id", "organization_id", "price_group_id", "region",
                  "is_owner_default")
    found = []
    for list_id, organization_id, group_id, region, _default in rows:
        if organization_id is not None:
            found.append(engine.Assignment(list_id, _KIND.ORGANIZATION, organization_id))
        elif group_id is not None:
            found.append(engine.Assignment(list_id, _KIND.PRICE_GROUP, group_id))
        elif region:
            found.append(engine.Assignment(list_id, _KIND.REGION, region))
        else:
            found.append(engine.Assignment(list_id, _KIND.OWNER_DEFAULT))
    return found


def _lists(seller_ids: list[int], assigned: set[int],
           variant_ids: list[int]) -> list[engine.PriceList]:
    """The assigned lists and every list another one falls back to (few: base lists),
    whatever their dates: the engine skips a list out of its dates but follows its
    fallback, so the chain must be whole."""
    rows = list(PriceList.objects.filter(
        Q(id__in=assigned) | Q(fallen_back_by__isnull=False), owner_id__in=seller_ids,
    ).distinct())
    tiers: dict[int, dict[int, list[engine.Tier]]] = defaultdict(lambda: defaultdict(list))
    for list_id, variant_id, quantity, price, unit in PriceListEntry.objects.filter(
            price_list_id__in=[r.id for r in rows], variant_id__in=variant_ids,
    ).values_list("price_list_id", "variant_id", "min_quantity", "price", "unit"):
        tiers[list_id][variant_id].append(engine.Tier(quantity, price, unit or None))
    return [engine.PriceList(
        id=r.id, owner_id=r.owner_id, currency=r.currency,
        entries={v: tuple(t) for v, t in tiers[r.id].items()}, priority=r.priority,
        valid_from=r.valid_from, valid_until=r.valid_until,
        prices_include_vat=r.prices_include_vat, fallback_id=r.fallback_id,
        source_id=r.source_id) for r in rows]


def _audience(rows: Iterable[tuple[int, int]]) -> dict[int, frozenset[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for owner_id, target_id in rows:
        found[owner_id].add(target_id)
    return {key: frozenset(value) for key, value in found.items()}


def _promotions(seller_ids: list[int], on_date: date) -> list[engine.Promotion]:
    rows = list(Promotion.objects.filter(owner_id__in=seller_ids, starts__lte=on_date,
                                         ends__gte=on_date))
    ids = [r.id for r in rows]
    through = {name: _audience(getattr(Promotion, name).through.objects.filter(
        promotion_id__in=ids).values_list("promotion_id", column))
        for name, column in (("variants", "productvariant_id"), ("products", "product_id"),
                             ("categories", "category_id"),
                             ("audience_organizations", "organization_id"),
                             ("audience_price_groups", "pricegroup_id"))}
    empty: frozenset[int] = frozenset()
    return [engine.Promotion(
        id=r.id, owner_id=r.owner_id, kind=engine.DiscountKind(r.kind), value=r.value,
        starts=r.starts, ends=r.ends, stacking=engine.Stacking(r.stacking),
        variant_ids=through["variants"].get(r.id, empty),
        product_ids=through["products"].get(r.id, empty),
        category_ids=through["categories"].get(r.id, empty),
        organization_ids=through["audience_organizations"].get(r.id, empty),
        price_group_ids=through["audience_price_groups"].get(r.id, empty),
        regions=frozenset(r.audience_regions), currency=r.currency or None) for r in rows]


def _volume_discounts(seller_ids: list[int], on_date: date) -> list[engine.VolumeDiscount]:
    rows = list(VolumeDiscount.objects.filter(
        Q(starts__isnull=True) | Q(starts__lte=on_date),
        Q(ends__isnull=True) | Q(ends__gte=on_date), owner_id__in=seller_ids))
    ids = [r.id for r in rows]
    steps: dict[int, list[engine.VolumeStep]] = defaultdict(list)
    for discount_id, threshold, percent in VolumeDiscountStep.objects.filter(
            discount_id__in=ids).values_list("discount_id", "threshold", "percent"):
        steps[discount_id].append(engine.VolumeStep(threshold, percent))
    organizations = _audience(VolumeDiscount.audience_organizations.through.objects.filter(
        volumediscount_id__in=ids).values_list("volumediscount_id", "organization_id"))
    groups = _audience(VolumeDiscount.audience_price_groups.through.objects.filter(
        volumediscount_id__in=ids).values_list("volumediscount_id", "pricegroup_id"))
    empty: frozenset[int] = frozenset()
    return [engine.VolumeDiscount(
        id=r.id, owner_id=r.owner_id, currency=r.currency, steps=tuple(steps[r.id]),
        starts=r.starts, ends=r.ends, organization_ids=organizations.get(r.id, empty),
        price_group_ids=groups.get(r.id, empty), regions=frozenset(r.audience_regions))
        for r in rows]


def load_variants(variant_ids: list[int]) -> dict[int, engine.Variant]:
    """The engine's view of these variants: SKU, product, categories nearest first. Also
    what the write services check floors with (``common``)."""
    rows = ProductVariant.objects.filter(id__in=variant_ids).values_list(
        "id", "sku", "product_id", "product__category_id", "product__category__path")
    return {variant_id: engine.Variant(
        variant_id, sku, product_id,
        (category_id, *reversed(ancestor_ids(path))))  # nearest first
        for variant_id, sku, product_id, category_id, path in rows}


def load_floors(root: Organization, variants: dict[int, engine.Variant],
                on_date: date) -> engine.MapFloors:
    """The manufacturer's floors for these variants and their categories, with its base
    list prices (net, first tier) for the floors given as a percentage."""
    categories = {c for v in variants.values() for c in v.category_path}
    own: dict[int, Decimal] = {}
    shares: dict[int, Decimal] = {}
    for variant_id, category_id, amount, percent in MapFloor.objects.filter(
            Q(variant_id__in=list(variants)) | Q(category_id__in=categories),
            owner_id=root.id, currency=root.currency,
    ).values_list("variant_id", "category_id", "amount", "percent"):
        if variant_id is not None:
            own[variant_id] = amount
        else:
            shares[category_id] = percent
    base: dict[int, Decimal] = {}
    if shares:
        rows = PriceListEntry.objects.filter(
            price_list__owner_id=root.id, price_list__is_base=True,
            variant_id__in=list(variants)).order_by("variant_id", "-min_quantity").values_list(
            "variant_id", "price", "price_list__prices_include_vat")
        rate = vat_rate(root.country, on_date)
        for variant_id, price, includes_vat in rows:  # the last row is the first tier
            base[variant_id] = engine.net_and_gross(price, includes_vat, rate).net
    return engine.MapFloors(owner_id=root.id, currency=root.currency, variant_floors=own,
                            category_percents=shares, base_prices=base)
