"""A dealer's markup, promotions, volume discounts and MAP floors through the services:
validation with codes and nothing saved; a dealer's promotion may not take a resale list
below the floor; a floor change flags the resale lists it leaves below, refusing nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.core.errors import DomainValidationError
from price_rules.models import PriceList, PriceListEntry, PriceListKind, ResaleMarkup
from price_rules.services.entries import EntryRow, replace_entries
from price_rules.services.floors import MapFloorData, delete_map_floor, set_map_floor
from price_rules.services.groups import PriceGroupData, save_price_group
from price_rules.services.markups import MarkupData, clear_resale_markup, set_resale_markup
from price_rules.services.promotions import PromotionData, save_promotion
from price_rules.services.volume_discounts import VolumeDiscountData, save_volume_discount
from tests.fixtures.price_services import codes, row_counts

pytestmark = pytest.mark.django_db
D = Decimal
MAY, JUNE = date(2026, 5, 1), date(2026, 6, 30)


def refused(call, *args) -> list[str]:
    before = row_counts()
    with pytest.raises(DomainValidationError) as caught:
        call(*args)
    assert row_counts() == before
    return codes(caught.value)


@pytest.fixture
def rules(network, catalog):
    factory, dealer = network["factory"], network["dealer_a"]
    door, other = catalog["door"].variants.order_by("id")
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    resale = PriceList.objects.create(owner=dealer, name="Субдилерам",
                                      kind=PriceListKind.RESALE)
    for price_list, variant, price in ((base, door, "1000"), (base, other, "2000"),
                                       (resale, door, "1500"), (resale, other, "2600")):
        PriceListEntry.objects.create(price_list=price_list, variant=variant, price=D(price))
    return {**network, "door": door, "other": other, "base": base, "resale": resale,
            "doors": catalog["doors"], "product": catalog["door"]}


def test_a_dealers_markup_is_set_changed_and_cleared(rules):
    dealer = rules["dealer_a"]
    set_resale_markup(dealer, MarkupData(percent=D(25), rounding="WHOLE"))
    set_resale_markup(dealer, MarkupData(percent=D(30)))
    markup = ResaleMarkup.objects.get(organization=dealer)
    assert (markup.percent, markup.rounding) == (D(30), "CENT")
    assert refused(set_resale_markup, dealer, MarkupData(factor=D(0))) == ["INVALID_FORMULA"]
    assert refused(set_resale_markup, dealer, MarkupData(percent=D(-100))) == [
        "INVALID_FORMULA"]
    assert refused(set_resale_markup, rules["factory"], MarkupData(percent=D(5))) == [
        "INVALID"]
    clear_resale_markup(dealer)
    assert not ResaleMarkup.objects.exists()


def promo(**fields) -> PromotionData:
    values = {"name": "Весна", "kind": "PERCENT", "value": D(10), "starts": MAY, "ends": JUNE}
    return PromotionData(**{**values, **fields})


def test_a_promotion_is_saved_with_its_targets_and_audience(rules):
    factory = rules["factory"]
    gold = save_price_group(factory, None, PriceGroupData(name="Золото"))
    saved = save_promotion(factory, None, promo(
        variants=[rules["door"]], categories=[rules["doors"]], stacking="STACKS",
        audience_price_groups=[gold], audience_organizations=[rules["dealer_a"]],
        audience_regions=[" Москва ", ""]))
    assert (list(saved.variants.all()), saved.audience_regions) == ([rules["door"]],
                                                                     ["Москва"])
    saved = save_promotion(factory, saved, promo(kind="FIXED", value=D(50), currency="rub",
                                                 products=[rules["product"]]))
    assert (saved.currency, list(saved.variants.all()), list(saved.products.all())) == (
        "RUB", [], [rules["product"]])


@pytest.mark.parametrize(("fields", "code"), [
    ({"ends": date(2026, 4, 1)}, "INVALID_PERIOD"),
    ({"value": D(100)}, "INVALID_DISCOUNT"),
    ({"value": D(0)}, "INVALID_DISCOUNT"),
    ({"kind": "FIXED", "value": D(50)}, "INVALID_DISCOUNT"),  # no currency
    ({"variants": []}, "INVALID_DISCOUNT"),  # no target
    ({"kind": "GIFT"}, "INVALID"),
    ({"stacking": "SOMETIMES"}, "INVALID"),
    ({"currency": "XYZ"}, "INVALID_CURRENCY"),
    ({"name": ""}, "REQUIRED"),
])
def test_bad_promotions_are_refused_with_their_code(rules, fields, code):
    data = promo(**{"variants": [rules["door"]], **fields})
    assert refused(save_promotion, rules["factory"], None, data) == [code]


def test_a_promotions_audience_stays_inside_the_owners_subtree(rules):
    dealer = rules["dealer_a"]
    gold = save_price_group(rules["factory"], None, PriceGroupData(name="Золото"))
    assert refused(save_promotion, dealer, None, promo(
        variants=[rules["door"]], audience_organizations=[rules["sub_b"]])) == [
        "ASSIGNMENT_OUTSIDE_SUBTREE"]
    assert refused(save_promotion, dealer, None, promo(
        variants=[rules["door"]], audience_price_groups=[gold])) == [
        "ASSIGNMENT_OUTSIDE_SUBTREE"]
    theirs = save_promotion(rules["factory"], None, promo(variants=[rules["door"]]))
    assert refused(save_promotion, dealer, theirs, promo(variants=[rules["door"]])) == [
        "NOT_OWNER"]


def test_a_dealers_promotion_may_not_take_its_resale_list_below_the_floor(rules):
    factory, dealer = rules["factory"], rules["dealer_a"]
    set_map_floor(factory, MapFloorData(variant=rules["door"], amount=D(1400)))
    set_map_floor(factory, MapFloorData(category=rules["doors"], percent=D(120)))
    # door: 1500 - 10% = 1350 < 1400; other: 2600 - 10% = 2340 < 2000 x 120% = 2400
    before = row_counts()
    with pytest.raises(DomainValidationError) as caught:
        save_promotion(dealer, None, promo(categories=[rules["doors"]]))
    assert row_counts() == before
    (error,) = caught.value.errors
    assert (error.code_value, error.params["skus"]) == (
        "BELOW_MAP_FLOOR", sorted([rules["door"].sku, rules["other"].sku]))
    save_promotion(dealer, None, promo(value=D(5), variants=[rules["other"]]))  # 2470
    save_promotion(factory, None, promo(value=D(50), categories=[rules["doors"]]))


def test_volume_discounts_are_validated_and_their_steps_replaced(rules):
    factory = rules["factory"]
    data = VolumeDiscountData(name="Объём", currency="RUB",
                              steps=[(D(300_000), D(3)), (D(1_000_000), D(5))])
    saved = save_volume_discount(factory, None, data)
    data.steps = [(D(500_000), D(4))]
    saved = save_volume_discount(factory, saved, data)
    assert list(saved.steps.values_list("threshold", "percent")) == [(D(500_000), D(4))]
    for steps, code in (([(D(1), D(3)), (D(1), D(4))], "DUPLICATE_TIER"), ([], "DUPLICATE_TIER"),
                        ([(D(1), D(100))], "INVALID_DISCOUNT"),
                        ([(D(-1), D(3))], "INVALID_DISCOUNT")):
        assert refused(save_volume_discount, factory, saved, VolumeDiscountData(
            name="Объём", currency="RUB", steps=steps)) == [code]
    assert refused(save_volume_discount, factory, None, VolumeDiscountData(
        name="Объём", currency="RUB", steps=[(D(1), D(3))], starts=JUNE, ends=MAY)) == [
        "INVALID_PERIOD"]
    assert refused(save_volume_discount, rules["dealer_a"], saved, data) == ["NOT_OWNER"]


def test_a_floor_change_flags_the_resale_lists_it_leaves_below_and_refuses_nothing(rules):
    factory, resale = rules["factory"], rules["resale"]
    floor, flagged = set_map_floor(factory, MapFloorData(variant=rules["door"], amount=D(1400)))
    assert flagged == []
    floor, flagged = set_map_floor(factory, MapFloorData(variant=rules["door"], amount=D(1600)))
    assert flagged == [resale]
    resale.refresh_from_db()
    assert resale.below_floor_skus == [rules["door"].sku]
    since = resale.below_floor_since
    assert since is not None

    _, flagged = set_map_floor(factory, MapFloorData(category=rules["doors"], percent=D(140)))
    resale.refresh_from_db()  # other: 2600 < 2000 x 140%; still flagged since the first time
    assert (resale.below_floor_skus, resale.below_floor_since) == (
        sorted([rules["door"].sku, rules["other"].sku]), since)

    delete_map_floor(factory, floor)  # door falls back to its category: 1400 <= 1500
    resale.refresh_from_db()
    assert resale.below_floor_skus == [rules["other"].sku]
    set_map_floor(factory, MapFloorData(category=rules["doors"], percent=D(100)))
    resale.refresh_from_db()
    assert (resale.below_floor_skus, resale.below_floor_since) == ([], None)


def test_floors_are_the_manufacturers_and_well_formed(rules):
    factory, door = rules["factory"], rules["door"]
    assert refused(set_map_floor, rules["dealer_a"], MapFloorData(
        variant=door, amount=D(1))) == ["MANUFACTURER_ONLY"]
    for data, code in ((MapFloorData(), "INVALID"),
                       (MapFloorData(variant=door, category=rules["doors"], amount=D(1)),
                        "INVALID"),
                       (MapFloorData(variant=door, amount=D(0)), "NON_POSITIVE_PRICE"),
                       (MapFloorData(variant=door, percent=D(50)), "NON_POSITIVE_PRICE"),
                       (MapFloorData(category=rules["doors"], percent=D(-5)),
                        "INVALID_DISCOUNT")):
        assert refused(set_map_floor, factory, data) == [code]


def test_the_owner_fixing_a_flagged_list_clears_its_flag(rules):
    resale, door = rules["resale"], rules["door"]
    set_map_floor(rules["factory"], MapFloorData(variant=door, amount=D(1600)))
    resale.refresh_from_db()
    assert resale.below_floor_skus == [door.sku]

    replace_entries(rules["dealer_a"], resale, [EntryRow(variant_id=door.id, price=D(1650))])
    resale.refresh_from_db()
    assert (resale.below_floor_skus, resale.below_floor_since) == ([], None)
