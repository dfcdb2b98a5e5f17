"""The SQL sort key of the catalog (``price_rules.sort_keys``) equals what the engine
resolves, product by product, over randomly drawn rules: lists with tiers, assignments of
every kind, priorities, fallbacks, dates, prices with and without VAT, a dealer's resale
lists and markup, promotions of both kinds and stacking policies with audiences, variant and
category floors, minimum order quantities. The stored keys (``price_rules.stored_keys``:
the same statement run as an INSERT ... SELECT) are compared too. Seeds are fixed, so a
failure repeats."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from backend.catalog.models import Category, Product, ProductVariant
from price_rules import engine, stored_keys
from price_rules.models import (
    DiscountKind,
    MapFloor,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    ResaleMarkup,
    Rounding,
    Stacking,
)
from price_rules.schema.viewer_prices import PriceBook
from price_rules.services.context import load_price_context
from price_rules.sort_keys import product_keys_sql

pytestmark = pytest.mark.django_db

D = Decimal


def _money(rng: random.Random, low: int = 50, high: int = 5000) -> Decimal:
    return D(rng.randint(low * 100, high * 100)) / 100


def _assign(rng: random.Random, price_list, buyer, group) -> None:
    target = rng.choice(["organization", "group", "region", "default"])
    if target == "organization":
        PriceListAssignment.objects.create(price_list=price_list, organization=buyer)
    elif target == "group" and group is not None:
        PriceListAssignment.objects.create(price_list=price_list, price_group=group)
    elif target == "region":
        PriceListAssignment.objects.create(price_list=price_list, region="Москва")
    else:
        PriceListAssignment.objects.get_or_create(price_list=price_list, is_owner_default=True)


def _lists(rng, owner, buyer, group, variants, today, count, base=None) -> list[PriceList]:
    made = []
    for i in range(count):
        price_list = PriceList.objects.create(
            owner=owner, name=f"{owner.pk}-{i}", is_base=base is None and i == 0,
            priority=rng.randint(0, 3), prices_include_vat=rng.random() < 0.4,
            fallback=rng.choice([None, *made]) if made else None,
            valid_until=today - timedelta(days=1) if rng.random() < 0.15 else None)
        for variant in rng.sample(variants, rng.randint(1, len(variants))):
            quantities = sorted(rng.sample([1, 2, 5, 10, 20, 50], rng.randint(1, 3)))
            price = _money(rng)
            for quantity in quantities:
                PriceListEntry.objects.create(price_list=price_list, variant=variant,
                                              min_quantity=D(quantity), price=price)
                price = max(D("1.00"), (price * D(rng.randint(80, 99)) / 100).quantize(D("0.01")))
        _assign(rng, price_list, buyer, group)
        made.append(price_list)
    return made


def _promotions(rng, owner, buyer, variants, categories, today) -> None:
    for i in range(rng.randint(0, 3)):
        kind = rng.choice([DiscountKind.PERCENT, DiscountKind.FIXED])
        promotion = Promotion.objects.create(
            owner=owner, name=f"p{owner.pk}-{i}", kind=kind,
            value=D(rng.randint(1, 30)) if kind == DiscountKind.PERCENT else _money(rng, 1, 300),
            currency="RUB" if kind == DiscountKind.FIXED else "",
            stacking=rng.choice([Stacking.STACKS, Stacking.BEST_PRICE_WINS]),
            starts=today - timedelta(days=2),
            ends=today + timedelta(days=2) if rng.random() < 0.85 else today - timedelta(days=1),
            audience_regions=["Москва"] if rng.random() < 0.2 else [])
        target = rng.choice(["variant", "product", "category"])
        if target == "variant":
            promotion.variants.add(*rng.sample(variants, 2))
        elif target == "product":
            promotion.products.add(rng.choice(variants).product)
        else:
            promotion.categories.add(rng.choice(categories))
        if rng.random() < 0.2:
            promotion.audience_organizations.add(buyer)


def _scenario(rng, network, variants, categories, today) -> None:
    for variant in variants:
        variant.min_order_quantity = D(rng.choice([1, 1, 2, 5, 10]))
        variant.save(update_fields=["min_order_quantity"])
    factory, dealer, sub = network["factory"], network["dealer_a"], network["sub_a"]
    group = PriceGroup.objects.create(owner=factory, name="g")
    PriceGroupMember.objects.create(group=group, organization=dealer)
    _lists(rng, factory, dealer, group, variants, today, rng.randint(1, 3))
    if rng.random() < 0.8:
        _lists(rng, dealer, sub, None, variants, today, rng.randint(1, 2), base=False)
    if rng.random() < 0.7:
        ResaleMarkup.objects.create(organization=dealer, percent=D(rng.randint(5, 40)),
                                    rounding=rng.choice([Rounding.CENT, Rounding.WHOLE]))
    _promotions(rng, factory, dealer, variants, categories, today)
    _promotions(rng, dealer, sub, variants, categories, today)
    for variant in rng.sample(variants, 2):
        MapFloor.objects.create(owner=factory, variant=variant, amount=_money(rng, 100, 3000))
    MapFloor.objects.create(owner=factory, category=rng.choice(categories),
                            percent=D(rng.randint(80, 160)))


def _engine_keys(buyer, today) -> dict[int, Decimal]:
    variants = list(ProductVariant.objects.filter(product__is_published=True))
    book = PriceBook(load_price_context(buyer, [v.id for v in variants], today), {})
    keys: dict[int, Decimal] = {}
    for variant, price in zip(variants, book.resolve_lines(
            [engine.Line(v.id, v.min_order_quantity) for v in variants]), strict=True):
        if price is not None:
            keys[variant.product_id] = min(keys.get(variant.product_id, price.unit_gross),
                                           price.unit_gross)
    return keys


def _sql_keys(buyer, today) -> dict[int, Decimal]:
    sql, params = product_keys_sql(buyer, Product.objects.filter(is_published=True), today)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def _stored_keys(buyer, today) -> dict[int, Decimal]:
    """Stored (``stored_keys.fill``) and read back: the published products' keys."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {stored_keys.VERSION}")
        version = cursor.fetchone()[0]
        assert stored_keys.fill(buyer, today, version)
        sql, params = stored_keys.keys_sql(buyer.pk, version, today)
        cursor.execute(f"SELECT k.product_id, k.price FROM ({sql}) k JOIN catalog_product p "
                       "ON p.id = k.product_id WHERE p.is_published", params)
        return dict(cursor.fetchall())


@pytest.mark.parametrize("seed", range(12))
def test_the_sql_key_is_the_lowest_price_the_engine_resolves(network, catalog, seed):
    rng = random.Random(seed)
    today = timezone.localdate()
    variants = list(ProductVariant.objects.filter(product__is_published=True).order_by("id"))
    categories = list(Category.objects.order_by("id"))
    _scenario(rng, network, variants, categories, today)
    for key in ("dealer_a", "dealer_b", "sub_a", "sub_b"):
        expected = _engine_keys(network[key], today)
        assert _sql_keys(network[key], today) == expected, key
        assert _stored_keys(network[key], today) == expected, key
