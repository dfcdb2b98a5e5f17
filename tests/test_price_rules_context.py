"""The engine's context is loaded from the tables for any organization of the network, in a
constant number of queries, and resolves to the prices the rules say: group lists over the
factory default, a dealer's resale list and markup for its sub-dealers, promotions by
region, floors, and nothing for a sub-dealer whose dealer set no prices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from price_rules.engine import Line, quote_cart, resolve_many
from price_rules.models import (
    DiscountKind,
    MapFloor,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    PriceListKind,
    Promotion,
    ResaleMarkup,
)
from price_rules.services.context import load_price_context

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 1)
D = Decimal


@pytest.fixture
def priced(network, catalog):
    factory, dealer_a = network["factory"], network["dealer_a"]
    door, other = catalog["door"].variants.all()[:2]
    paint = catalog["facade_white"].variants.first()
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    PriceListAssignment.objects.create(price_list=base, is_owner_default=True)
    for variant, quantity, price in ((door, 1, "1000"), (door, 10, "950"), (other, 1, "2000"),
                                     (paint, 1, "500")):
        PriceListEntry.objects.create(price_list=base, variant=variant,
                                      min_quantity=D(quantity), price=D(price))
    gold = PriceGroup.objects.create(owner=factory, name="Золотые дилеры")
    PriceGroupMember.objects.create(group=gold, organization=dealer_a)
    gold_list = PriceList.objects.create(owner=factory, name="Золотой", fallback=base)
    PriceListAssignment.objects.create(price_list=gold_list, price_group=gold)
    PriceListEntry.objects.create(price_list=gold_list, variant=door, price=D("850"))
    resale = PriceList.objects.create(owner=dealer_a, name="Субдилерам",
                                      kind=PriceListKind.RESALE)
    PriceListAssignment.objects.create(price_list=resale, organization=network["sub_a"])
    PriceListEntry.objects.create(price_list=resale, variant=door, price=D("1400"))
    ResaleMarkup.objects.create(organization=dealer_a, percent=D(25))
    sale = Promotion.objects.create(owner=factory, name="Москва", kind=DiscountKind.PERCENT,
                                    value=D(10), starts=date(2026, 5, 1),
                                    ends=date(2026, 6, 30), audience_regions=["Москва"])
    sale.variants.add(other)
    MapFloor.objects.create(owner=factory, variant=door, amount=D("1100"))
    MapFloor.objects.create(owner=factory, category=catalog["paints"], percent=D(150))
    return {"door": door, "other": other, "paint": paint, "gold_list": gold_list,
            "base": base, "moscow": sale, **network}


def _prices(organization, *variants, quantity=1):
    context = load_price_context(organization, [v.id for v in variants], DAY)
    return resolve_many(context, [Line(v.id, D(quantity)) for v in variants])


def test_a_gold_dealer_gets_its_group_list_falling_back_to_the_default_with_promotions(
        priced):
    door, other = _prices(priced["dealer_a"], priced["door"], priced["other"])

    assert (door.unit_net, door.unit_gross, door.list_id) == (D(850), D("1037.00"),
                                                              priced["gold_list"].id)
    assert door.next_tier is None  # the default's tier from 10 (950) is never reached
    assert (other.unit_net, other.list_id, len(other.promotion_ids)) == (
        D(1800), priced["base"].id, 1)  # 2000 - 10% for Moscow, through the fallback


def test_another_dealer_gets_the_default_list_and_no_promotion_of_another_region(priced):
    door, other = _prices(priced["dealer_b"], priced["door"], priced["other"], quantity=10)

    assert (door.unit_net, door.tier_min_quantity, other.unit_net, other.promotion_ids) == (
        D(950), D(10), D(2000), ())


def test_a_sub_dealer_gets_its_dealers_resale_list_or_markup_never_the_factory_price(priced):
    door, other, paint = _prices(priced["sub_a"], priced["door"], priced["other"],
                                 priced["paint"])

    assert (door.unit_net, door.by_markup) == (D(1400), False)
    assert (other.unit_net, other.by_markup, other.list_id) == (D(2250), True, None)
    # 500 + 25% = 625 is below the paints' floor of 150% of the base price: 750.
    assert (paint.unit_net, paint.floor_applied) == (D(750), True)


def test_a_sub_dealer_whose_dealer_set_no_prices_has_none(priced):
    assert _prices(priced["sub_b"], priced["door"], priced["other"]) == (None, None)


def test_the_manufacturer_buys_from_nobody(priced):
    assert _prices(priced["factory"], priced["door"]) == (None,)


def test_the_context_costs_the_same_queries_for_one_variant_and_a_whole_page(
        priced, catalog):
    from backend.catalog.models import ProductVariant

    page = list(ProductVariant.objects.all())

    def count(variants) -> int:
        with CaptureQueriesContext(connection) as queries:
            context = load_price_context(priced["sub_a"], [v.id for v in variants], DAY)
            quote_cart(context, [Line(v.id, D(1)) for v in variants])
        return len(queries)

    assert len(page) > 5
    assert count(page[:1]) == count(page) == 6


def _sale(owner, name, percent):
    return Promotion.objects.create(owner=owner, name=name, kind=DiscountKind.PERCENT,
                                    value=D(percent), starts=date(2026, 5, 1),
                                    ends=date(2026, 6, 30))


def test_promotions_are_loaded_with_only_the_wanted_targets_and_the_chains_audience(priced):
    door, other, paint = priced["door"], priced["other"], priced["paint"]
    wide = _sale(priced["factory"], "Широкая", 5)
    wide.variants.add(door, other, paint)
    wide.audience_organizations.add(priced["dealer_a"], priced["dealer_b"])

    context = load_price_context(priced["sub_a"], [door.id], DAY)

    factory_link = context.chain[1]
    loaded = {p.id: p for p in factory_link.seller.promotions}
    # Only the cart's variant and the chain's organization were read; the engine decides
    # on them exactly as on the whole promotion.
    assert (loaded[wide.id].variant_ids, loaded[wide.id].organization_ids) == (
        frozenset({door.id}), frozenset({priced["dealer_a"].id}))
    # A promotion targeting nothing of the cart is not loaded at all.
    assert set(loaded) == {wide.id}


def test_a_context_of_no_variants_carries_every_target_of_the_promotions(priced):
    """The rules alone, which sort_keys prices the whole catalog with in SQL."""
    door, other, paint = priced["door"], priced["other"], priced["paint"]
    wide = _sale(priced["factory"], "Широкая", 5)
    wide.variants.add(door, other, paint)

    context = load_price_context(priced["sub_a"], [], DAY)

    loaded = {p.id: p for p in context.chain[1].seller.promotions}
    assert loaded[wide.id].variant_ids == frozenset({door.id, other.id, paint.id})
    assert loaded[priced["moscow"].id].variant_ids == frozenset({other.id})


def test_a_promotion_whose_whole_audience_is_outside_the_chain_reaches_nobody_of_it(priced):
    """Cut to the chain, its audience would be empty, which means everyone: it is dropped."""
    other, paint = priced["other"], priced["paint"]
    elsewhere = _sale(priced["factory"], "Только Бета", 30)
    elsewhere.variants.add(other, paint)
    elsewhere.audience_organizations.add(priced["dealer_b"])
    by_group = _sale(priced["factory"], "Группе", 20)
    by_group.variants.add(paint)
    by_group.audience_price_groups.add(PriceGroup.objects.create(owner=priced["factory"],
                                                                 name="Бета и другие"))

    other_a, paint_a = _prices(priced["dealer_a"], other, paint)
    other_b, paint_b = _prices(priced["dealer_b"], other, paint)

    assert (other_a.unit_net, other_a.promotion_ids) == (D(1800), (priced["moscow"].id,))
    assert (paint_a.unit_net, paint_a.promotion_ids) == (D(500), ())
    assert (other_b.unit_net, other_b.promotion_ids) == (D(1400), (elsewhere.id,))
    assert (paint_b.unit_net, paint_b.promotion_ids) == (D(350), (elsewhere.id,))
