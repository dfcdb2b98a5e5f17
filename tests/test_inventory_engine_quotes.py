"""Delivery quotes from the rate table, and a plan with its delivery (plan_delivery).
Pure: no database."""

from __future__ import annotations

from inventory.engine import (
    Destination,
    Quote,
    QuoteProblem,
    QuoteRequest,
    Strategy,
    plan_delivery,
    quote,
    shipping_cost,
)
from tests.fixtures.inventory_engine import (
    FAR_EAST,
    MOSCOW,
    SOUTH,
    D,
    day,
    line,
    place,
    rate,
    request,
    source,
    stock,
    supply,
)


def ask(weight: object, volume: object = 0, *, origin: int | None = MOSCOW,
        to: int | None = FAR_EAST) -> QuoteRequest:
    return QuoteRequest(place(origin), Destination(place(to)), D(str(weight)), D(str(volume)),
                        day(2))


def test_the_cost_is_the_largest_of_the_minimum_charge_weight_and_volume():
    tariff = rate(1, MOSCOW, FAR_EAST, per_kg="12.50", per_m3=3000, min_charge=500)

    assert shipping_cost(tariff, D(10), D("0.01")) == D("500.00")  # minimum charge
    assert shipping_cost(tariff, D(100), D("0.2")) == D("1250.00")  # by weight
    assert shipping_cost(tariff, D(10), D(1)) == D("3000.00")  # bulky: by volume


def test_the_cost_is_rounded_half_up_to_the_kopeck():
    tariff = rate(1, MOSCOW, FAR_EAST, per_kg="0.335")

    assert shipping_cost(tariff, D(3), D(0)) == D("1.01")  # 1.005
    assert shipping_cost(tariff, D("2.99"), D(0)) == D("1.00")  # 1.00165


def test_the_cheapest_carrier_serving_the_zones_wins_and_arrives_after_its_transit():
    rates = [rate(1, MOSCOW, FAR_EAST, per_kg=30, days=5),
             rate(2, MOSCOW, FAR_EAST, per_kg=20, days=12),
             rate(3, SOUTH, FAR_EAST, per_kg=1, days=1),  # another origin
             rate(4, MOSCOW, SOUTH, per_kg=1, days=1)]  # another destination

    answer = quote(ask(10), rates)

    assert isinstance(answer, Quote)
    assert (answer.carrier_id, answer.carrier_code, answer.cost, answer.currency) == (
        2, "C2", D("200.00"), "RUB")
    assert (answer.transit_days, answer.delivery_date, answer.pickup) == (12, day(14), False)


def test_equal_costs_go_to_the_faster_carrier_then_the_lower_id():
    rates = [rate(3, MOSCOW, FAR_EAST, min_charge=100, days=4),
             rate(2, MOSCOW, FAR_EAST, min_charge=100, days=6),
             rate(1, MOSCOW, FAR_EAST, min_charge=100, days=4)]

    answer = quote(ask(1), rates)

    assert isinstance(answer, Quote) and answer.carrier_id == 1


def test_fastest_takes_the_earliest_arrival_even_when_dearer():
    rates = [rate(1, MOSCOW, FAR_EAST, per_kg=30, days=5),
             rate(2, MOSCOW, FAR_EAST, per_kg=20, days=12)]

    answer = quote(ask(10), rates, fastest=True)

    assert isinstance(answer, Quote) and (answer.carrier_id, answer.cost) == (1, D("300.00"))


def test_a_carrier_refuses_what_is_heavier_than_its_maximum_weight():
    rates = [rate(1, MOSCOW, FAR_EAST, per_kg=10, max_weight=100),
             rate(2, MOSCOW, FAR_EAST, per_kg=15)]

    light, heavy = quote(ask(100), rates), quote(ask("100.5"), rates)
    only_light = quote(ask(101), rates[:1])

    assert isinstance(light, Quote) and light.carrier_id == 1
    assert isinstance(heavy, Quote) and heavy.carrier_id == 2
    assert only_light is QuoteProblem.NO_RATE


def test_an_address_in_no_zone_and_a_pair_of_zones_without_a_rate_are_problems():
    rates = [rate(1, MOSCOW, FAR_EAST, per_kg=10)]

    assert quote(ask(1, to=None), rates) is QuoteProblem.NO_DELIVERY_ZONE
    assert quote(ask(1, to=SOUTH), rates) is QuoteProblem.NO_RATE
    assert quote(ask(1, origin=None), rates) is QuoteProblem.NO_RATE
    assert quote(ask(1), []) is QuoteProblem.NO_RATE


def test_pickup_is_free_without_a_carrier_on_the_ready_date():
    counter = source(4, MOSCOW, pickup=True)
    asked = QuoteRequest(counter.location, Destination(pickup_warehouse_id=4), D(50), D(1),
                         day(3))

    for answer in (quote(asked, [rate(1, MOSCOW, MOSCOW, min_charge=100)]),
                   quote(ask(50), [], pickup_warehouse=counter)):
        assert isinstance(answer, Quote)
        assert (answer.pickup, answer.carrier_id, answer.cost) == (True, None, D(0))
        assert answer.transit_days == 0
    assert answer.delivery_date == day(2)  # the request's ready date


# --- a plan with its delivery -------------------------------------------------------------

SOURCES = (source(10, MOSCOW, handling=1), source(20, SOUTH, handling=2),
           source(40, MOSCOW, handling=0, pickup=True))
RATES = (rate(1, MOSCOW, FAR_EAST, per_kg=10, min_charge=300, days=7),
         rate(2, MOSCOW, FAR_EAST, per_kg=50, days=3),
         rate(1, SOUTH, FAR_EAST, per_kg=12, min_charge=300, days=9))


def test_each_shipment_is_quoted_and_the_plan_arrives_with_its_last_one():
    plan = plan_delivery(request([line(1, 7, 10, weight=2), line(2, 8, 5, weight=10)],
                                 SOURCES, [stock(10, 7, 10), stock(20, 8, 5)], rates=RATES))

    assert [(d.shipment.warehouse_id, d.quote.carrier_id, d.quote.cost, d.quote.delivery_date)
            for d in plan.shipments if d.quote] == [(10, 1, D("300.00"), day(8)),
                                                    (20, 1, D("600.00"), day(11))]
    assert plan.complete and plan.problem is None
    assert (plan.delivery_cost, plan.delivery_currency, plan.delivery_date) == (
        D("900.00"), "RUB", day(11))


def test_one_shipment_is_quoted_with_the_fastest_carrier_that_chose_its_warehouse():
    plan = plan_delivery(request([line(1, 7, 10, weight=2)], SOURCES, [stock(10, 7, 10)],
                                 rates=RATES, one_shipment=True))

    (delivered,) = plan.shipments
    assert delivered.quote is not None
    assert (delivered.quote.carrier_id, delivered.quote.cost) == (2, D("1000.00"))
    assert plan.delivery_date == day(4)


def test_a_plan_with_a_shortfall_has_a_cost_but_no_delivery_date():
    plan = plan_delivery(request([line(1, 7, 10, weight=1, preorder=True)], SOURCES,
                                 [stock(10, 7, 4)], [supply(501, 20, 7, 3, day(10))],
                                 rates=RATES))

    assert not plan.complete and plan.delivery_date is None
    assert plan.delivery_cost == D("500.00")  # 4 kg at 50 from Moscow, 300 minimum from the South
    assert [s.missing for s in plan.shortfalls] == [D(3)]


def test_an_address_in_no_zone_leaves_every_shipment_unquoted():
    plan = plan_delivery(request([line(1, 7, 1)], SOURCES, [stock(10, 7, 1)], rates=RATES,
                                 to=None))

    assert plan.problem is QuoteProblem.NO_DELIVERY_ZONE
    assert [(d.quote, d.problem) for d in plan.shipments] == [
        (None, QuoteProblem.NO_DELIVERY_ZONE)]
    assert plan.delivery_cost is None and plan.delivery_date is None


def test_a_segment_without_a_rate_is_named_and_the_others_still_quoted():
    plan = plan_delivery(request([line(1, 7, 2), line(2, 8, 1)], SOURCES,
                                 [stock(10, 7, 2), stock(20, 8, 1)], rates=RATES[:2]))

    assert [(d.shipment.warehouse_id, d.problem) for d in plan.shipments] == [
        (10, None), (20, QuoteProblem.NO_RATE)]
    assert plan.problem is QuoteProblem.NO_RATE and plan.delivery_cost is None


def test_pickup_plans_are_free_and_ready_when_the_goods_are():
    plan = plan_delivery(request([line(1, 7, 3, preorder=True)], SOURCES, [stock(40, 7, 1)],
                                 [supply(501, 40, 7, 5, day(6))], rates=RATES, pickup=40,
                                 strategy=Strategy.FEWEST_SHIPMENTS))

    assert [(d.quote.pickup, d.quote.cost, d.quote.delivery_date)
            for d in plan.shipments if d.quote] == [(True, D(0), day(0)), (True, D(0), day(6))]
    assert (plan.delivery_cost, plan.delivery_currency, plan.delivery_date) == (
        D(0), "", day(6))


def test_an_empty_order_has_nothing_to_deliver():
    plan = plan_delivery(request([], SOURCES, rates=RATES))

    assert plan.shipments == () and plan.complete
    assert (plan.delivery_cost, plan.delivery_date) == (D(0), None)
