"""Properties of the price engine over generated networks of lists, assignments, markups,
promotions and floors (hypothesis; the derandomized profile of conftest.py draws the same
examples on every run). Pure: no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from price_rules.engine import (
    Assignment,
    AssignmentKind,
    ChainLink,
    DiscountKind,
    Line,
    MapFloors,
    PriceContext,
    PriceFormula,
    Promotion,
    Rounding,
    Seller,
    Stacking,
    Tier,
    VolumeDiscount,
    VolumeStep,
    best_promoted,
    quote_cart,
    resolve,
    resolve_many,
)
from price_rules.engine.promotions import apply_together
from tests.fixtures.price_engine import (
    DAY,
    DEALER,
    MANUFACTURER,
    SUB_DEALER,
    VARIANTS,
    D,
    buyer,
    context,
    link,
    price_list,
)

prices = st.decimals(min_value=D("0.01"), max_value=D(10_000), places=2)
quantities = st.decimals(min_value=D("0.5"), max_value=D(120), places=3)
variant_ids = st.sampled_from(sorted(VARIANTS))


@st.composite
def tier_lists(draw) -> tuple[Tier, ...]:
    minimums = draw(st.lists(st.integers(2, 100), max_size=4, unique=True))
    if not minimums or draw(st.integers(0, 4)):  # most variants are sold from one piece
        minimums = [1, *minimums]
    return tuple(Tier(D(q), draw(prices)) for q in minimums)


entries = st.dictionaries(variant_ids, tier_lists(), min_size=4, max_size=9)


@st.composite
def promotions(draw, owner: int, first_id: int) -> tuple[Promotion, ...]:
    found = []
    for offset in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(DiscountKind))
        value = (draw(st.decimals(min_value=D(1), max_value=D(90), places=0))
                 if kind is DiscountKind.PERCENT else draw(prices))
        found.append(Promotion(
            id=first_id + offset, owner_id=owner, kind=kind, value=value,
            currency="RUB", stacking=draw(st.sampled_from(Stacking)),
            starts=date(2026, 5, 1), ends=draw(st.sampled_from([DAY, date(2026, 5, 31)])),
            variant_ids=frozenset(draw(st.lists(variant_ids, max_size=3))),
            category_ids=frozenset(draw(st.lists(st.sampled_from([50, 51, 52]), max_size=1))),
            price_group_ids=frozenset(draw(st.lists(st.sampled_from([7, 8]), max_size=1)))))
    return tuple(found)


@st.composite
def sellers(draw, seller_id: int, first_list_id: int, buyer_id: int,
            with_markup: bool) -> Seller:
    count = draw(st.integers(0 if with_markup else 1, 3))
    lists = []
    for offset in range(count):
        list_id = first_list_id + offset
        fallback = draw(st.sampled_from([None, *range(first_list_id, list_id)]))
        lists.append(price_list(list_id, seller_id, draw(entries),
                                priority=draw(st.integers(0, 1)), fallback_id=fallback,
                                prices_include_vat=draw(st.booleans()),
                                valid_until=draw(st.sampled_from([None, None, date(2026, 5, 1)]))))
    targets = {AssignmentKind.ORGANIZATION: [buyer_id, 999],
               AssignmentKind.PRICE_GROUP: [7, 8], AssignmentKind.REGION: ["A", "B"],
               AssignmentKind.OWNER_DEFAULT: [None]}
    assignments = []
    for price_list_ in lists:
        for kind in draw(st.lists(st.sampled_from(AssignmentKind), min_size=1, max_size=2)):
            assignments.append(Assignment(price_list_.id, kind,
                                          draw(st.sampled_from(targets[kind]))))
    markup = (draw(st.sampled_from([None, PriceFormula(percent=D(25)),
                                    PriceFormula(factor=D("0.8"), rounding=Rounding.WHOLE)]))
              if with_markup else None)
    return Seller(seller_id, lists=tuple(lists), assignments=tuple(assignments), markup=markup,
                  promotions=draw(promotions(seller_id, first_list_id * 10)))


floors_strategy = st.builds(
    lambda own, shares, base: MapFloors(owner_id=MANUFACTURER, currency="RUB",
                                        variant_floors=own, category_percents=shares,
                                        base_prices=base),
    st.dictionaries(variant_ids, prices, max_size=9),
    st.dictionaries(st.sampled_from([50, 51, 52]),
                    st.decimals(min_value=D(10), max_value=D(150), places=0), max_size=3),
    st.dictionaries(variant_ids, prices, max_size=9))


@st.composite
def networks(draw) -> PriceContext:
    """A sub-dealer buying from a dealer (resale lists and/or a markup) who buys from the
    manufacturer, each in a random group and region, with floors."""
    factory = draw(sellers(MANUFACTURER, 1, DEALER, with_markup=False))
    dealer = draw(sellers(DEALER, 20, SUB_DEALER, with_markup=True))
    groups = st.lists(st.sampled_from([7, 8]), max_size=1)
    regions = st.sampled_from(["", "A", "B"])
    return context(ChainLink(buyer(SUB_DEALER, draw(groups), draw(regions)), dealer),
                   ChainLink(buyer(DEALER, draw(groups), draw(regions)), factory),
                   floors=draw(floors_strategy))


lines = st.lists(st.builds(Line, variant_ids, quantities), min_size=1, max_size=14)


@given(tier_lists(), quantities)
def test_the_chosen_tier_is_the_largest_minimum_quantity_not_above_the_quantity(tiers,
                                                                               quantity):
    ctx = context(link(DEALER, MANUFACTURER, price_list(1, MANUFACTURER, {1: tiers})))

    result = resolve(ctx, 1, quantity)

    reached = [t for t in tiers if t.min_quantity <= quantity]
    if not reached:
        assert result is None
        return
    chosen = max(reached, key=lambda t: t.min_quantity)
    assert (result.tier_min_quantity, result.unit_net) == (chosen.min_quantity, chosen.price)
    above = [t.min_quantity for t in tiers if t.min_quantity > quantity]
    assert (result.next_tier.min_quantity if result.next_tier else None) == (
        min(above) if above else None)


@given(networks(), lines)
def test_bulk_resolution_agrees_with_resolving_each_line(ctx, cart):
    assert resolve_many(ctx, cart) == tuple(resolve(ctx, line.variant_id, line.quantity)
                                            for line in cart)


def _reordered(ctx: PriceContext) -> PriceContext:
    def seller(s: Seller) -> Seller:
        return Seller(s.organization_id, tuple(reversed(s.lists)),
                      tuple(reversed(s.assignments)), s.markup, tuple(reversed(s.promotions)),
                      tuple(reversed(s.volume_discounts)))
    return PriceContext(tuple(ChainLink(c.buyer, seller(c.seller)) for c in ctx.chain),
                        dict(reversed(list(ctx.variants.items()))), ctx.on_date, ctx.vat_rate,
                        ctx.floors)


@given(networks(), lines)
def test_resolution_is_deterministic_whatever_the_order_of_its_inputs(ctx, cart):
    first = resolve_many(ctx, cart)

    assert resolve_many(ctx, cart) == first
    assert resolve_many(_reordered(ctx), cart) == first


@given(networks(), lines)
def test_a_sub_dealer_never_pays_below_the_floor_through_its_dealers_lists_or_promotions(
        ctx, cart):
    steps = (VolumeStep(D(0), D(30)),)
    dealer = ctx.chain[0].seller
    with_volume = PriceContext(
        (ChainLink(ctx.chain[0].buyer, Seller(
            dealer.organization_id, dealer.lists, dealer.assignments, dealer.markup,
            dealer.promotions, (VolumeDiscount(1, DEALER, "RUB", steps),))), ctx.chain[1]),
        ctx.variants, ctx.on_date, ctx.vat_rate, ctx.floors)

    quote = quote_cart(with_volume, cart)

    for quoted in quote.lines:
        floor = ctx.floors.floor_for(ctx.variants[quoted.line.variant_id])
        if quoted.price is None or floor is None:
            continue
        assert quoted.price.unit_net >= floor
        assert quoted.unit_net is not None and quoted.unit_net >= floor


@given(prices, promotions(MANUFACTURER, 1))
def test_stacking_follows_each_promotions_stated_policy(price, offers):
    promoted = best_promoted(price, "RUB", offers)

    stacking = [p for p in offers if p.stacking is Stacking.STACKS]
    alternatives = [apply_together(price, [p]) for p in offers
                    if p.stacking is Stacking.BEST_PRICE_WINS]
    if stacking:
        alternatives.append(apply_together(price, stacking))
    assert promoted.price == min(alternatives, default=price) <= price
    applied = set(promoted.promotions)
    exclusive = {p for p in applied if p.stacking is Stacking.BEST_PRICE_WINS}
    assert not exclusive or (applied == exclusive and len(exclusive) == 1)
    assert not applied - exclusive or applied == set(stacking)


@given(networks(), lines)
def test_a_price_is_never_negative_and_gross_is_net_plus_vat_in_whole_cents(ctx, cart):
    for result in resolve_many(ctx, cart):
        if result is None:
            continue
        assert Decimal(0) <= result.unit_net <= result.unit_gross
        assert (result.unit_gross - result.unit_net).as_tuple().exponent >= -2
