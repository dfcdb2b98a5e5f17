"""The price engine chooses lists and tiers: most specific assignment, then priority, then
list id; validity dates and currency; fallbacks; tiers; the seller chain with markups;
VAT. Pure: no database."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date

import pytest

from price_rules.engine import (
    Assignment,
    AssignmentKind,
    Line,
    PriceErrorCode,
    PriceFormula,
    PriceRuleError,
    Rounding,
    Tier,
    entry_problems,
    list_problems,
    quote_cart,
    resolve,
)
from tests.fixtures.price_engine import (
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

ORG = AssignmentKind.ORGANIZATION
GROUP = AssignmentKind.PRICE_GROUP
REGION = AssignmentKind.REGION
DEFAULT = AssignmentKind.OWNER_DEFAULT

GOLD = 7


def _dealer_price(*lists, assignments, groups=(GOLD,), region="Tatarstan", variant=1,
                  quantity=1):
    ctx = context(link(DEALER, MANUFACTURER, *lists, assignments=assignments, groups=groups,
                       region=region))
    return resolve(ctx, variant, D(quantity))


FOUR_LISTS = [price_list(i, MANUFACTURER, {1: tiers((1, price))})
              for i, price in ((1, "100"), (2, "90"), (3, "80"), (4, "70"))]
FOUR_ASSIGNMENTS = [Assignment(4, ORG, DEALER), Assignment(3, GROUP, GOLD),
                    Assignment(2, REGION, "Tatarstan"), Assignment(1, DEFAULT)]


@pytest.mark.parametrize(("kept", "list_id"), [
    (4, 4), (3, 3), (2, 2), (1, 1),
])
def test_the_most_specific_assignment_wins_organization_group_region_default(kept, list_id):
    result = _dealer_price(*FOUR_LISTS, assignments=FOUR_ASSIGNMENTS[4 - kept:])

    assert result is not None and result.list_id == list_id


def test_assignments_to_another_organization_group_or_region_do_not_apply():
    assignments = [Assignment(4, ORG, 99), Assignment(3, GROUP, 98),
                   Assignment(2, REGION, "Altai"), Assignment(1, DEFAULT)]

    assert _dealer_price(*FOUR_LISTS, assignments=assignments).list_id == 1


def test_a_buyer_without_a_region_matches_no_region_assignment():
    assignments = [Assignment(2, REGION, ""), Assignment(1, DEFAULT)]

    assert _dealer_price(*FOUR_LISTS, assignments=assignments, region="").list_id == 1


def test_within_one_kind_the_highest_priority_wins_then_the_lowest_id():
    lists = [price_list(5, MANUFACTURER, {1: tiers((1, "50"))}, priority=1),
             price_list(6, MANUFACTURER, {1: tiers((1, "60"))}, priority=3),
             price_list(7, MANUFACTURER, {1: tiers((1, "70"))}, priority=3)]
    assignments = [Assignment(7, GROUP, GOLD), Assignment(6, GROUP, GOLD),
                   Assignment(5, GROUP, GOLD)]

    assert _dealer_price(*lists, assignments=assignments).list_id == 6
    assert _dealer_price(*reversed(lists), assignments=assignments[::-1]).list_id == 6


def test_a_list_assigned_twice_ranks_by_its_most_specific_assignment():
    lists = FOUR_LISTS[:2]
    assignments = [Assignment(1, DEFAULT), Assignment(1, ORG, DEALER),
                   Assignment(2, GROUP, GOLD)]

    assert _dealer_price(*lists, assignments=assignments).list_id == 1


@pytest.mark.parametrize("dates", [
    {"valid_from": date(2026, 6, 2)}, {"valid_until": date(2026, 5, 31)},
])
def test_a_list_outside_its_dates_is_skipped(dates):
    personal = price_list(9, MANUFACTURER, {1: tiers((1, "10"))}, **dates)
    assignments = [Assignment(9, ORG, DEALER), Assignment(1, DEFAULT)]

    assert _dealer_price(personal, FOUR_LISTS[0], assignments=assignments).list_id == 1


def test_a_list_on_its_first_and_last_day_applies():
    personal = price_list(9, MANUFACTURER, {1: tiers((1, "10"))},
                          valid_from=date(2026, 6, 1), valid_until=date(2026, 6, 1))
    assignments = [Assignment(9, ORG, DEALER), Assignment(1, DEFAULT)]

    assert _dealer_price(personal, FOUR_LISTS[0], assignments=assignments).list_id == 9


def test_a_list_in_another_currency_than_the_buyers_is_skipped():
    in_dollars = price_list(9, MANUFACTURER, {1: tiers((1, "1"))}, currency="USD")
    assignments = [Assignment(9, ORG, DEALER), Assignment(1, DEFAULT)]

    result = _dealer_price(in_dollars, FOUR_LISTS[0], assignments=assignments)

    assert (result.list_id, result.currency) == (1, "RUB")


def test_a_list_lacking_a_variant_passes_it_to_the_next_list():
    personal = price_list(9, MANUFACTURER, {2: tiers((1, "10"))})
    assignments = [Assignment(9, ORG, DEALER), Assignment(1, DEFAULT)]

    assert _dealer_price(personal, FOUR_LISTS[0], assignments=assignments).list_id == 1
    assert _dealer_price(personal, FOUR_LISTS[0], assignments=assignments,
                         variant=2).list_id == 9


def test_a_fallback_reaches_a_list_not_assigned_to_the_buyer_before_the_next_candidate():
    personal = price_list(9, MANUFACTURER, {2: tiers((1, "10"))}, fallback_id=8)
    unassigned = price_list(8, MANUFACTURER, {1: tiers((1, "88"))})
    assignments = [Assignment(9, ORG, DEALER), Assignment(1, DEFAULT)]

    result = _dealer_price(personal, unassigned, FOUR_LISTS[0], assignments=assignments)

    assert (result.list_id, result.unit_net) == (8, D("88"))


def test_a_fallback_cycle_is_an_error_not_a_loop():
    first = price_list(8, MANUFACTURER, {}, fallback_id=9)
    second = price_list(9, MANUFACTURER, {}, fallback_id=8)

    with pytest.raises(PriceRuleError) as refused:
        _dealer_price(first, second, assignments=[Assignment(8, DEFAULT)])

    assert refused.value.codes == (PriceErrorCode.FALLBACK_CYCLE,)
    assert set(refused.value.problems[0].list_ids) == {8, 9}


def test_no_list_and_no_markup_means_no_price():
    assert _dealer_price(*FOUR_LISTS, assignments=[Assignment(1, DEFAULT)], variant=5) is None


def test_the_manufacturer_buys_from_nobody_so_nothing_is_priced_for_it():
    ctx = context()

    assert resolve(ctx, 1, D(1)) is None
    assert quote_cart(ctx, [Line(1, D(2))]).lines[0].price is None


def test_lists_are_checked_against_each_other_with_a_code_per_problem():
    lists = [price_list(1, MANUFACTURER, {}, fallback_id=2),
             price_list(2, MANUFACTURER, {}, fallback_id=1),
             price_list(3, MANUFACTURER, {}, fallback_id=42),
             price_list(4, MANUFACTURER, {}, fallback_id=5),
             price_list(5, MANUFACTURER, {}, currency="USD"),
             price_list(6, DEALER, {}, fallback_id=7),
             price_list(7, MANUFACTURER, {})]

    problems = {(p.code, p.list_ids) for p in list_problems(lists)}

    assert problems == {
        (PriceErrorCode.FALLBACK_CYCLE, (1, 2)),
        (PriceErrorCode.UNKNOWN_LIST, (3, 42)),
        (PriceErrorCode.CURRENCY_MISMATCH, (4, 5)),
        (PriceErrorCode.FALLBACK_OTHER_OWNER, (6, 7)),
    }


# --- tiers ---------------------------------------------------------------------------------

TIERED = price_list(1, MANUFACTURER, {1: tiers((1, "100"), (10, "90"), (50, "80"))})


@pytest.mark.parametrize(("quantity", "tier", "price", "next_tier"), [
    ("1", "1", "100", ("10", "90")),
    ("9.5", "1", "100", ("10", "90")),
    ("10", "10", "90", ("50", "80")),
    ("49", "10", "90", ("50", "80")),
    ("50", "50", "80", None),
    ("5000", "50", "80", None),
])
def test_the_tier_is_the_largest_minimum_quantity_not_above_the_quantity(
        quantity, tier, price, next_tier):
    result = _dealer_price(TIERED, assignments=[Assignment(1, DEFAULT)], quantity=quantity)

    assert (result.tier_min_quantity, result.unit_net) == (D(tier), D(price))
    got = (result.next_tier.min_quantity, result.next_tier.unit_net) if result.next_tier else None
    assert got == ((D(next_tier[0]), D(next_tier[1])) if next_tier else None)


def test_a_quantity_below_the_first_tier_takes_the_next_list():
    wholesale = price_list(9, MANUFACTURER, {1: tiers((100, "70"))})
    assignments = [Assignment(9, ORG, DEALER), Assignment(1, DEFAULT)]

    small = _dealer_price(wholesale, TIERED, assignments=assignments, quantity=60)
    large = _dealer_price(wholesale, TIERED, assignments=assignments, quantity=100)

    assert (small.list_id, small.unit_net) == (1, D("80"))
    assert (small.next_tier.min_quantity, small.next_tier.unit_net) == (D(100), D(70))
    assert (large.list_id, large.unit_net) == (9, D("70"))


def test_the_unit_of_sale_of_the_tier_is_reported():
    boxed = price_list(1, MANUFACTURER, {1: tiers((1, "1200"), unit="box")})

    assert _dealer_price(boxed, assignments=[Assignment(1, DEFAULT)]).unit == "box"


def test_entries_with_duplicate_tiers_zero_prices_or_quantities_are_refused_by_sku():
    entries = {3: tiers((1, "10"), (1, "9")), 1: tiers((1, "10"), (5, "9"), (5, "8")),
               2: tiers((1, "0")), 4: tiers((0, "5"), (2, "-1")), 5: tiers((1, "1"))}

    problems = {p.code: p.skus for p in entry_problems(entries, VARIANTS)}

    assert problems == {
        PriceErrorCode.DUPLICATE_TIER: ("SKU-001", "SKU-003"),
        PriceErrorCode.NON_POSITIVE_PRICE: ("SKU-002", "SKU-004"),
        PriceErrorCode.NON_POSITIVE_QUANTITY: ("SKU-004",),
    }


@pytest.mark.parametrize("quantity", ["0", "-1"])
def test_a_quantity_not_above_zero_is_refused(quantity):
    with pytest.raises(PriceRuleError) as refused:
        _dealer_price(TIERED, assignments=[Assignment(1, DEFAULT)], quantity=quantity)

    assert refused.value.codes == (PriceErrorCode.NON_POSITIVE_QUANTITY,)


def test_floats_are_refused_as_amounts_and_quantities():
    with pytest.raises(TypeError):
        Tier(D(1), 9.99)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        resolve(context(link(DEALER, MANUFACTURER, TIERED)), 1, 1.5)  # type: ignore[arg-type]


# --- VAT -----------------------------------------------------------------------------------

def test_a_net_list_adds_vat_and_a_gross_list_extracts_it():
    net_list = price_list(1, MANUFACTURER, {1: tiers((1, "100"))})
    gross_list = price_list(1, MANUFACTURER, {1: tiers((1, "122"))}, prices_include_vat=True)

    net = _dealer_price(net_list, assignments=[Assignment(1, DEFAULT)])
    gross = _dealer_price(gross_list, assignments=[Assignment(1, DEFAULT)])

    assert (net.unit_net, net.unit_gross, net.prices_include_vat) == (D(100), D(122), False)
    assert (gross.unit_net, gross.unit_gross, gross.prices_include_vat) == (D(100), D(122),
                                                                            True)
    assert net.vat_rate == D("0.22")


# --- the seller chain ----------------------------------------------------------------------

FACTORY = price_list(301, MANUFACTURER, {1: tiers((1, "100"), (10, "90")), 2: tiers((1, "40"))})
RESALE = price_list(20, DEALER, {1: tiers((1, "130"))})


def test_a_sub_dealer_buys_from_its_dealers_resale_list_not_the_factory_list():
    ctx = context(link(SUB_DEALER, DEALER, RESALE), link(DEALER, MANUFACTURER, FACTORY))

    result = resolve(ctx, 1, D(1))

    assert (result.list_id, result.unit_net, result.by_markup) == (20, D(130), False)


def _leaked(value, secret) -> bool:
    if is_dataclass(value):
        return any(_leaked(getattr(value, f.name), secret) for f in fields(value))
    return type(value) is type(secret) and value == secret


def test_without_a_resale_list_the_dealers_markup_applies_and_names_no_purchase_price():
    markup = PriceFormula(percent=D(25), rounding=Rounding.WHOLE)
    ctx = context(link(SUB_DEALER, DEALER, markup=markup), link(DEALER, MANUFACTURER, FACTORY))

    result = resolve(ctx, 1, D(3))

    assert (result.unit_net, result.list_id, result.by_markup) == (D(125), None, True)
    # 90 x 1.25 = 112.5, rounded half up to whole roubles.
    assert (result.next_tier.min_quantity, result.next_tier.unit_net) == (D(10), D(113))
    assert not _leaked(result, D(100)) and not _leaked(result, FACTORY.id)


def test_the_markup_prices_only_the_variants_the_resale_list_lacks():
    markup = PriceFormula(percent=D(25))
    ctx = context(link(SUB_DEALER, DEALER, RESALE, markup=markup),
                  link(DEALER, MANUFACTURER, FACTORY))

    listed, marked_up = resolve(ctx, 1, D(1)), resolve(ctx, 2, D(1))

    assert (listed.unit_net, listed.list_id) == (D(130), 20)
    assert (marked_up.unit_net, marked_up.by_markup) == (D(50), True)


def test_without_resale_list_or_markup_a_sub_dealer_has_no_price():
    ctx = context(link(SUB_DEALER, DEALER), link(DEALER, MANUFACTURER, FACTORY))

    assert resolve(ctx, 1, D(1)) is None


def test_a_markup_over_a_purchase_price_in_another_currency_gives_no_price():
    markup = PriceFormula(percent=D(25))
    usd = price_list(1, MANUFACTURER, {1: tiers((1, "2"))}, currency="USD")
    dealer_link = link(DEALER, MANUFACTURER, usd)
    dealer_link = type(dealer_link)(type(dealer_link.buyer)(DEALER, "USD"), dealer_link.seller)
    ctx = context(link(SUB_DEALER, DEALER, markup=markup), dealer_link)

    assert resolve(ctx, 1, D(1)) is None
