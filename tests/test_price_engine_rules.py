"""The price engine's rules beyond list choice: derived lists, promotions and their
stacking, minimum resale prices (refused when written, raised to when resolved), cart
volume discounts. Pure: no database."""

from __future__ import annotations

from datetime import date

import pytest

from price_rules.engine import (
    DiscountKind,
    Line,
    MapFloors,
    PriceErrorCode,
    PriceFormula,
    PriceRuleError,
    Promotion,
    Rounding,
    Stacking,
    VolumeDiscount,
    VolumeStep,
    check_floors,
    derive_entries,
    floor_violations,
    list_problems,
    promotion_problems,
    quote_cart,
    recompute_order,
    resolve,
    volume_discount_problems,
)
from tests.fixtures.price_engine import (
    DAY,
    DEALER,
    MANUFACTURER,
    SUB_DEALER,
    VARIANTS,
    D,
    context,
    link,
    price_list,
    tiers,
)

# --- derived lists -------------------------------------------------------------------------

BASE = {1: tiers((1, "100.00"), (10, "90.10")), 2: tiers((1, "33.33"))}


def test_a_derived_list_multiplies_its_source_and_rounds_half_up_to_cents():
    derived = derive_entries(PriceFormula(factor=D("0.85")), BASE, VARIANTS)

    assert derived == {1: tiers((1, "85.00"), (10, "76.59")), 2: tiers((1, "28.33"))}


def test_a_derived_list_adds_a_percentage_rounded_to_whole_roubles():
    derived = derive_entries(PriceFormula(percent=D(12), rounding=Rounding.WHOLE),
                             {1: tiers((1, "100.00"), (10, "90.10")), 3: tiers((1, "12.50"))},
                             VARIANTS)

    # 90.10 x 1.12 = 100.912 -> 101; 12.50 x 1.12 = 14.00 -> 14
    assert derived == {1: tiers((1, "112"), (10, "101")), 3: tiers((1, "14"))}


def test_a_derived_list_adds_an_amount():
    assert derive_entries(PriceFormula(amount=D("0.5")), {2: tiers((1, "33.33"))},
                          VARIANTS) == {2: tiers((1, "33.83"))}


def test_a_formula_that_brings_prices_to_zero_is_refused_naming_the_skus():
    with pytest.raises(PriceRuleError) as refused:
        derive_entries(PriceFormula(amount=D(-40)), BASE, VARIANTS)

    assert refused.value.codes == (PriceErrorCode.NON_POSITIVE_PRICE,)
    assert refused.value.problems[0].skus == ("SKU-002",)


@pytest.mark.parametrize("formula", [PriceFormula(factor=D(0)),
                                     PriceFormula(percent=D(-100))])
def test_a_formula_that_cannot_keep_a_price_positive_is_refused(formula):
    with pytest.raises(PriceRuleError) as refused:
        derive_entries(formula, BASE, VARIANTS)

    assert refused.value.codes == (PriceErrorCode.INVALID_FORMULA,)


def test_a_formula_cycle_is_an_error_listing_the_lists():
    lists = [price_list(1, MANUFACTURER, {}),
             price_list(2, MANUFACTURER, {}, source_id=4),
             price_list(3, MANUFACTURER, {}, source_id=2),
             price_list(4, MANUFACTURER, {}, source_id=3),
             price_list(5, MANUFACTURER, {}, source_id=5)]

    problems = {(p.code, p.list_ids) for p in list_problems(lists)}
    with pytest.raises(PriceRuleError) as refused:
        recompute_order(lists, 1)

    assert problems == {(PriceErrorCode.FORMULA_CYCLE, (2, 4, 3)),
                        (PriceErrorCode.FORMULA_CYCLE, (5,))}
    assert set(refused.value.codes) == {PriceErrorCode.FORMULA_CYCLE}


def test_a_derived_list_of_another_currency_is_refused():
    lists = [price_list(1, MANUFACTURER, {}), price_list(2, MANUFACTURER, {}, source_id=1,
                                                          currency="USD")]

    assert [p.code for p in list_problems(lists)] == [PriceErrorCode.CURRENCY_MISMATCH]


def test_a_change_recomputes_the_derived_lists_each_after_its_source():
    lists = [price_list(1, MANUFACTURER, {}), price_list(4, MANUFACTURER, {}, source_id=2),
             price_list(3, MANUFACTURER, {}, source_id=1),
             price_list(2, MANUFACTURER, {}, source_id=1),
             price_list(9, MANUFACTURER, {})]

    assert recompute_order(lists, 1) == (2, 3, 4)
    assert recompute_order(lists, 2) == (4,)
    assert recompute_order(lists, 9) == ()


# --- promotions ----------------------------------------------------------------------------

LIST = price_list(1, MANUFACTURER, {i: tiers((1, "100")) for i in VARIANTS})


def promotion(promotion_id: int, value: str = "10", **options) -> Promotion:
    values = {"owner_id": MANUFACTURER, "kind": DiscountKind.PERCENT,
              "starts": date(2026, 5, 1), "ends": date(2026, 6, 30),
              "variant_ids": frozenset({1})}
    values.update(options)
    return Promotion(id=promotion_id, value=D(value), **values)


def _promoted(*promotions, variant=1, groups=(), region="", on_date=DAY):
    ctx = context(link(DEALER, MANUFACTURER, LIST, promotions=promotions, groups=groups,
                       region=region), on_date=on_date)
    result = resolve(ctx, variant, D(1))
    return result.unit_net, result.promotion_ids


@pytest.mark.parametrize(("target", "variant", "applies"), [
    ({"variant_ids": frozenset({1})}, 1, True),
    ({"variant_ids": frozenset({1})}, 2, False),
    ({"variant_ids": frozenset(), "product_ids": frozenset({1001})}, 2, True),
    ({"variant_ids": frozenset(), "product_ids": frozenset({1001})}, 3, False),
    ({"variant_ids": frozenset(), "category_ids": frozenset({52})}, 4, True),
    ({"variant_ids": frozenset(), "category_ids": frozenset({52})}, 5, False),
    ({"variant_ids": frozenset(), "category_ids": frozenset({50})}, 9, True),
])
def test_a_promotion_targets_variants_products_or_categories_with_their_subcategories(
        target, variant, applies):
    assert _promoted(promotion(7, **target), variant=variant) == (
        (D(90), (7,)) if applies else (D(100), ()))


@pytest.mark.parametrize(("audience", "applies"), [
    ({}, True),
    ({"organization_ids": frozenset({DEALER})}, True),
    ({"organization_ids": frozenset({99})}, False),
    ({"price_group_ids": frozenset({7})}, True),
    ({"price_group_ids": frozenset({8})}, False),
    ({"regions": frozenset({"Tatarstan"})}, True),
    ({"regions": frozenset({"Altai"})}, False),
])
def test_a_promotion_reaches_its_audience_only(audience, applies):
    result = _promoted(promotion(7, **audience), groups=(7,), region="Tatarstan")

    assert result == ((D(90), (7,)) if applies else (D(100), ()))


@pytest.mark.parametrize(("day", "applies"), [
    (date(2026, 4, 30), False), (date(2026, 5, 1), True), (date(2026, 6, 30), True),
    (date(2026, 7, 1), False),
])
def test_a_promotion_runs_from_its_first_to_its_last_day(day, applies):
    assert (_promoted(promotion(7), on_date=day)[1] == (7,)) is applies


def test_another_sellers_promotion_does_not_apply():
    assert _promoted(promotion(7, owner_id=DEALER)) == (D(100), ())


def test_a_fixed_discount_applies_only_in_its_currency():
    assert _promoted(promotion(7, "15", kind=DiscountKind.FIXED, currency="RUB")) == (
        D(85), (7,))
    assert _promoted(promotion(7, "15", kind=DiscountKind.FIXED, currency="USD")) == (
        D(100), ())


def test_best_price_wins_takes_the_cheapest_single_promotion():
    assert _promoted(promotion(7, "10"), promotion(8, "25"), promotion(9, "20")) == (
        D(75), (8,))


def test_stacking_promotions_combine_percentages_first_then_amounts():
    result = _promoted(promotion(7, "10", stacking=Stacking.STACKS),
                       promotion(8, "5", kind=DiscountKind.FIXED, currency="RUB",
                                 stacking=Stacking.STACKS),
                       promotion(9, "20", stacking=Stacking.STACKS))

    assert result == (D(67), (7, 8, 9))  # 100 x 0.9 x 0.8 - 5


def test_an_exclusive_promotion_beats_the_stack_only_when_it_is_cheaper():
    stack = (promotion(7, "10", stacking=Stacking.STACKS),
             promotion(8, "10", stacking=Stacking.STACKS))

    assert _promoted(*stack, promotion(9, "15")) == (D(81), (7, 8))
    assert _promoted(*stack, promotion(9, "20")) == (D(80), (9,))


def test_a_promotion_never_takes_a_price_below_zero():
    assert _promoted(promotion(7, "150", kind=DiscountKind.FIXED, currency="RUB")) == (
        D(0), (7,))


def test_promotions_with_wrong_periods_or_discounts_are_refused():
    wrong = Promotion(id=1, owner_id=MANUFACTURER, kind=DiscountKind.FIXED, value=D(0),
                      starts=date(2026, 6, 2), ends=date(2026, 6, 1))

    codes = [p.code for p in promotion_problems(wrong)]

    assert codes == [PriceErrorCode.INVALID_PERIOD, PriceErrorCode.INVALID_DISCOUNT,
                     PriceErrorCode.INVALID_DISCOUNT]
    assert [p.code for p in promotion_problems(promotion(1, "100"))] == [
        PriceErrorCode.INVALID_DISCOUNT]
    assert promotion_problems(promotion(1, "99.5")) == []


# --- minimum resale prices -----------------------------------------------------------------

FLOORS = MapFloors(owner_id=MANUFACTURER, currency="RUB",
                   variant_floors={1: D(80), 5: D("60.00")},
                   category_percents={51: D(70), 52: D(90)},
                   base_prices={i: D(100) for i in VARIANTS})


@pytest.mark.parametrize(("variant", "floor"), [
    (1, D(80)),  # its own floor, though its category asks 90%
    (2, D(90)),  # category 52, the nearest
    (5, D(60)),
    (6, D(70)),  # category 51
])
def test_a_variants_floor_is_its_own_else_its_nearest_categorys_share_of_the_base_price(
        variant, floor):
    assert FLOORS.floor_for(VARIANTS[variant]) == floor


def test_a_floor_per_category_needs_a_base_price():
    floors = MapFloors(owner_id=MANUFACTURER, currency="RUB", category_percents={51: D(70)})

    assert floors.floor_for(VARIANTS[6]) is None


def test_a_dealers_list_below_the_floor_is_refused_with_every_offending_sku():
    resale = price_list(20, DEALER, {1: tiers((1, "90"), (10, "79.99")), 2: tiers((1, "89")),
                                     6: tiers((1, "70"))})

    with pytest.raises(PriceRuleError) as refused:
        check_floors(resale, FLOORS, VARIANTS, D("0.22"))

    assert refused.value.codes == (PriceErrorCode.BELOW_MAP_FLOOR,)
    assert refused.value.problems[0].skus == ("SKU-001", "SKU-002")
    violations = floor_violations(resale, FLOORS, VARIANTS, D("0.22"))
    assert [(v.sku, v.min_quantity, v.net_price, v.floor) for v in violations] == [
        ("SKU-001", D(10), D("79.99"), D(80)), ("SKU-002", D(1), D(89), D(90))]


def test_floors_compare_net_prices_of_lists_that_include_vat():
    resale = price_list(20, DEALER, {1: tiers((1, "97"))}, prices_include_vat=True)

    with pytest.raises(PriceRuleError):  # 97 with 22% VAT is 79.51 net
        check_floors(resale, FLOORS, VARIANTS, D("0.22"))
    check_floors(resale, FLOORS, VARIANTS, D("0.20"))  # 80.83 net


def test_a_dealers_promotion_over_its_list_below_the_floor_is_refused():
    resale = price_list(20, DEALER, {1: tiers((1, "100")), 6: tiers((1, "100"))})
    sale = promotion(7, "25", owner_id=DEALER, variant_ids=frozenset({1, 6}))

    with pytest.raises(PriceRuleError) as refused:
        check_floors(resale, FLOORS, VARIANTS, D("0.22"), [sale])

    assert refused.value.problems[0].skus == ("SKU-001",)


def test_the_manufacturers_own_lists_are_not_bound_by_its_floors():
    factory = price_list(1, MANUFACTURER, {1: tiers((1, "10"))})

    check_floors(factory, FLOORS, VARIANTS, D("0.22"))


def test_a_dealers_list_in_another_currency_than_the_floors_is_refused():
    resale = price_list(20, DEALER, {1: tiers((1, "1000"))}, currency="KZT")

    with pytest.raises(PriceRuleError) as refused:
        check_floors(resale, FLOORS, VARIANTS, D("0.22"))

    assert refused.value.codes == (PriceErrorCode.CURRENCY_MISMATCH,)


FACTORY = price_list(1, MANUFACTURER, {i: tiers((1, "60")) for i in VARIANTS})


def test_a_dealers_price_below_a_later_floor_is_raised_to_the_floor_and_flagged():
    resale = price_list(20, DEALER, {1: tiers((1, "75"))})
    ctx = context(link(SUB_DEALER, DEALER, resale), link(DEALER, MANUFACTURER, FACTORY),
                  floors=FLOORS)

    result = resolve(ctx, 1, D(1))

    assert (result.unit_net, result.unit_gross, result.floor_applied) == (
        D(80), D("97.60"), True)
    assert result.list_unit_price == D(75)


def test_a_dealers_promotion_and_markup_are_raised_to_the_floor():
    sale = promotion(7, "50", owner_id=DEALER)
    markup = PriceFormula(percent=D(10))
    ctx = context(link(SUB_DEALER, DEALER, markup=markup, promotions=(sale,)),
                  link(DEALER, MANUFACTURER, FACTORY), floors=FLOORS)

    sold, marked_up = resolve(ctx, 1, D(1)), resolve(ctx, 6, D(1))

    assert (sold.unit_net, sold.promotion_ids, sold.floor_applied) == (D(80), (7,), True)
    assert (marked_up.unit_net, marked_up.floor_applied) == (D(70), True)  # 66 < 70


def test_the_manufacturers_price_to_a_dealer_is_not_raised_to_the_floor():
    ctx = context(link(DEALER, MANUFACTURER, FACTORY), floors=FLOORS)

    result = resolve(ctx, 1, D(1))

    assert (result.unit_net, result.floor_applied) == (D(60), False)


# --- cart volume discounts -----------------------------------------------------------------

VOLUME = VolumeDiscount(id=3, owner_id=MANUFACTURER, currency="RUB",
                        steps=(VolumeStep(D(300_000), D(3)), VolumeStep(D(500_000), D(5))))
CART_LIST = price_list(1, MANUFACTURER, {1: tiers((1, "1000")), 2: tiers((1, "333.33"))})


def _quote(*lines, discounts=(VOLUME,), floors=None, seller=MANUFACTURER, buyer=DEALER):
    ctx = context(link(buyer, seller, price_list(1, seller, CART_LIST.entries),
                       volume_discounts=discounts), floors=floors or FLOORS)
    return quote_cart(ctx, [Line(v, D(q)) for v, q in lines])


def test_a_cart_below_the_first_step_gets_no_volume_discount_and_is_told_the_next():
    quote = _quote((1, 299), (2, 3))

    assert (quote.subtotal_net, quote.volume_percent, quote.volume_discount_id) == (
        D("299999.99"), D(0), None)
    assert quote.next_volume_step == VolumeStep(D(300_000), D(3))
    assert quote.total_net == D("299999.99")
    assert quote.total_gross == D("365999.98")  # 1220 x 299 + 406.66 x 3


def test_a_cart_from_300_000_gets_3_percent_off_every_line():
    quote = _quote((1, 300), (2, 3))

    assert (quote.volume_percent, quote.volume_discount_id) == (D(3), 3)
    assert [q.unit_net for q in quote.lines] == [D(970), D("323.33")]
    assert quote.total_net == D(970 * 300) + D("969.99")
    assert quote.next_volume_step == VolumeStep(D(500_000), D(5))


def test_a_volume_discount_never_takes_a_dealers_unit_below_the_floor():
    floors = MapFloors(owner_id=MANUFACTURER, currency="RUB", variant_floors={1: D(990)})

    quote = _quote((1, 600), seller=DEALER, buyer=SUB_DEALER, floors=floors,
                   discounts=(VolumeDiscount(3, DEALER, "RUB", VOLUME.steps),))

    assert (quote.volume_percent, quote.lines[0].unit_net) == (D(5), D(990))


def test_unpriced_lines_stay_in_the_quote_and_count_for_nothing():
    quote = _quote((1, 1), (7, 5))

    assert quote.lines[1].price is None and quote.lines[1].total_net == 0
    assert quote.total_net == D(1000)


def test_volume_discounts_with_wrong_steps_are_refused():
    wrong = VolumeDiscount(1, MANUFACTURER, "RUB",
                           (VolumeStep(D(100), D(3)), VolumeStep(D(100), D(100))),
                           starts=date(2026, 2, 1), ends=date(2026, 1, 1))

    assert [p.code for p in volume_discount_problems(wrong)] == [
        PriceErrorCode.DUPLICATE_TIER, PriceErrorCode.INVALID_DISCOUNT,
        PriceErrorCode.INVALID_PERIOD]
    assert volume_discount_problems(VOLUME) == []
