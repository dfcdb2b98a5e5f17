"""Properties of the allocation engine over generated small networks: a few warehouses in
three zones (some without a zone or coordinates, some allowing pickup), scattered stock
(some of it in a warehouse that is not the seller's), incoming supply, lines with whole
and fractional quantities, every strategy, pickup and one shipment (hypothesis; the
derandomized profile of conftest.py draws the same examples on every run). Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.engine import (
    AllocationPlan,
    AllocationRequest,
    Destination,
    Line,
    Location,
    ShortfallReason,
    Source,
    Stock,
    Strategy,
    Supply,
    allocate,
    plan_delivery,
)
from tests.fixtures.inventory_engine import COORDINATES, TODAY, D, day, rate

EXAMPLES = settings(max_examples=100, deadline=None)
ZONES = st.sampled_from([None, 1, 2, 3])
VARIANTS = st.integers(1, 4)
quantities = st.one_of(st.integers(0, 12).map(Decimal),
                       st.decimals(min_value=0, max_value=12, places=2))


@st.composite
def locations(draw) -> Location:
    zone = draw(ZONES)
    lat, lon = COORDINATES[draw(st.sampled_from(sorted(COORDINATES)))]
    known = draw(st.booleans())
    return Location("r", zone, lat if known else None, lon if known else None)


@st.composite
def requests(draw, *, strategy: Strategy | None = None, one_shipment: bool | None = None,
             pickup: bool | None = None, stock_rows: int = 12,
             ordered: st.SearchStrategy[Decimal] = quantities) -> AllocationRequest:
    ids = draw(st.lists(st.integers(1, 9), min_size=1, max_size=5, unique=True))
    sources = tuple(Source(i, f"W{i}", draw(locations()), draw(st.integers(0, 3)),
                           draw(st.integers(0, 3)), draw(st.booleans())) for i in ids)
    keys = draw(st.lists(st.integers(1, 30), min_size=1, max_size=5, unique=True))
    preorders = {v: draw(st.booleans()) for v in range(1, 5)}  # per product, so per variant
    lines = tuple(Line(k, v, f"SKU-{v}", draw(ordered), preorders[v])
                  for k, v in ((k, draw(VARIANTS)) for k in keys))
    holders = st.sampled_from([*ids, 99])  # 99: not the seller's
    stock = tuple(Stock(draw(holders), draw(VARIANTS), draw(quantities))
                  for _ in range(draw(st.integers(0, stock_rows))))
    supply = tuple(Supply(100 + n, draw(holders), draw(VARIANTS), draw(quantities),
                          day(draw(st.integers(-3, 20))))
                   for n in range(draw(st.integers(0, 5))))
    zones = [1, 2, 3]
    rates = tuple(rate(draw(st.integers(1, 3)), draw(st.sampled_from(zones)),
                       draw(st.sampled_from(zones)), per_kg=draw(st.integers(0, 5)),
                       days=draw(st.integers(1, 9)))
                  for _ in range(draw(st.integers(0, 6))))
    with_pickup = draw(st.booleans()) if pickup is None else pickup
    destination = (Destination(pickup_warehouse_id=draw(st.sampled_from([*ids, 99])))
                   if with_pickup else Destination(draw(locations())))
    return AllocationRequest(
        lines, sources, stock, supply, destination,
        draw(st.sampled_from(Strategy)) if strategy is None else strategy, TODAY,
        draw(st.booleans()) if one_shipment is None else one_shipment, rates)


def taken(plan: AllocationPlan) -> tuple[dict[tuple[int, int], Decimal], dict[int, Decimal],
                                         dict[int, Decimal]]:
    """Stock taken per (warehouse, variant), supply taken per id, placed per line."""
    from_stock: dict[tuple[int, int], Decimal] = {}
    from_supply: dict[int, Decimal] = {}
    per_line: dict[int, Decimal] = {}
    for shipment in plan.shipments:
        for pick in shipment.picks:
            assert pick.quantity > 0 and pick.warehouse_id == shipment.warehouse_id
            if pick.supply_id is None:
                key = (pick.warehouse_id, pick.variant_id)
                from_stock[key] = from_stock.get(key, D(0)) + pick.quantity
            else:
                from_supply[pick.supply_id] = from_supply.get(pick.supply_id, D(0)) + pick.quantity
            per_line[pick.line_key] = per_line.get(pick.line_key, D(0)) + pick.quantity
    return from_stock, from_supply, per_line


def seller_stock(request: AllocationRequest) -> dict[tuple[int, int], Decimal]:
    ids = {s.warehouse_id for s in request.sources}
    found: dict[tuple[int, int], Decimal] = {}
    for row in request.stock:
        if row.warehouse_id in ids:
            key = (row.warehouse_id, row.variant_id)
            found[key] = found.get(key, D(0)) + row.available
    return found


@EXAMPLES
@given(requests())
def test_never_more_than_available_and_every_line_covered_or_its_exact_shortfall(request):
    plan = allocate(request)
    from_stock, from_supply, per_line = taken(plan)

    held = seller_stock(request)
    assert all(quantity <= held.get(key, D(0)) for key, quantity in from_stock.items())
    supplies = {s.supply_id: s for s in request.supply}
    for supply_id, quantity in from_supply.items():
        assert quantity <= supplies[supply_id].available
    shortfalls = {s.line_key: s for s in plan.shortfalls}
    assert len(shortfalls) == len(plan.shortfalls)
    for line in request.lines:
        short = shortfalls.get(line.key)
        missing = short.missing if short else D(0)
        assert per_line.get(line.key, D(0)) + missing == max(line.quantity, D(0))
        assert short is None or (short.missing > 0 and short.requested == line.quantity)


@EXAMPLES
@given(requests())
def test_picks_match_their_supply_and_pre_orders_only_where_the_product_takes_them(request):
    plan = allocate(request)

    lines = {line.key: line for line in request.lines}
    supplies = {s.supply_id: s for s in request.supply}
    sources = {s.warehouse_id for s in request.sources}
    for shipment in plan.shipments:
        assert shipment.warehouse_id in sources
        assert shipment.ready_date == max(p.ready_date for p in shipment.picks)
        for pick in shipment.picks:
            line = lines[pick.line_key]
            assert (pick.variant_id, pick.sku) == (line.variant_id, line.sku)
            if pick.supply_id is not None:
                assert line.preorder_allowed
                item = supplies[pick.supply_id]
                assert (item.warehouse_id, item.variant_id) == (pick.warehouse_id,
                                                                pick.variant_id)
                assert pick.ready_date >= item.expected_date


@EXAMPLES
@given(requests(one_shipment=False, pickup=False))
def test_split_plans_take_stock_first_and_give_the_ordinary_reasons(request):
    plan = allocate(request)
    from_stock, _, _ = taken(plan)

    held = seller_stock(request)
    pre_ordered = {p.variant_id for s in plan.shipments for p in s.picks if p.supply_id}
    short_variants = {s.variant_id for s in plan.shortfalls}
    for variant in pre_ordered | short_variants:  # no stock of it left anywhere
        assert all(held[key] == from_stock.get(key, D(0)) for key in held if key[1] == variant)
    for short in plan.shortfalls:
        line = next(line for line in request.lines if line.key == short.line_key)
        assert short.reason is (ShortfallReason.NOT_ENOUGH_STOCK if line.preorder_allowed
                                else ShortfallReason.PREORDER_NOT_ALLOWED)
    slots = [(s.warehouse_id, s.ready_date) for s in plan.shipments]
    assert len(slots) == len(set(slots))


@EXAMPLES
@given(requests(one_shipment=True))
def test_one_shipment_leaves_from_one_warehouse_once(request):
    plan = allocate(request)

    assert len(plan.shipments) <= 1


@EXAMPLES
@given(requests(one_shipment=True, pickup=False, ordered=st.integers(0, 6).map(Decimal)))
def test_one_shipment_is_complete_exactly_when_one_warehouse_has_everything(request):
    demand: dict[int, Decimal] = {}
    for line in request.lines:
        demand[line.variant_id] = demand.get(line.variant_id, D(0)) + line.quantity
    preorder = {line.variant_id: line.preorder_allowed for line in request.lines}

    def has(warehouse_id: int, variant: int) -> Decimal:
        found = sum((s.available for s in request.stock
                     if (s.warehouse_id, s.variant_id) == (warehouse_id, variant)), D(0))
        if preorder[variant]:
            found += sum((s.available for s in request.supply
                          if (s.warehouse_id, s.variant_id) == (warehouse_id, variant)), D(0))
        return found

    possible = any(all(has(s.warehouse_id, v) >= q for v, q in demand.items())
                   for s in request.sources)
    assert allocate(request).complete is possible


@EXAMPLES
@given(requests(pickup=True))
def test_pickup_takes_only_from_the_pickup_warehouse_if_it_allows_pickup(request):
    plan = allocate(request)

    chosen = request.destination.pickup_warehouse_id
    allowed = any(s.warehouse_id == chosen and s.pickup_allowed for s in request.sources)
    assert all(s.warehouse_id == chosen for s in plan.shipments)
    if not allowed:
        assert plan.shipments == ()
        assert all(s.reason is ShortfallReason.PICKUP_NOT_ALLOWED for s in plan.shortfalls)


def covering_minimum(request: AllocationRequest) -> int:
    """By brute force: the fewest of the seller's warehouses whose stock gives every
    variant as much as the whole network can."""
    held = seller_stock(request)
    demand: dict[int, Decimal] = {}
    for line in request.lines:
        if line.quantity > 0:
            demand[line.variant_id] = demand.get(line.variant_id, D(0)) + line.quantity
    ids = [s.warehouse_id for s in request.sources]

    def gives(chosen: Iterable[int], variant: int) -> Decimal:
        return sum((held.get((w, variant), D(0)) for w in chosen), D(0))

    targets = {v: min(q, gives(ids, v)) for v, q in demand.items()}
    for size in range(len(ids) + 1):
        for chosen in combinations(ids, size):
            if all(gives(chosen, v) >= t for v, t in targets.items()):
                return size
    raise AssertionError("the whole network always covers its own targets")


@st.composite
def set_covers(draw) -> AllocationRequest:
    """Orders over many variants whose stock is scattered, a little in each warehouse, so
    that which warehouses to take is a real set cover: where a greedy choice can be beaten
    and the exact search has to work."""
    sources = tuple(Source(i, f"W{i}", draw(locations()), draw(st.integers(0, 3)), 1, False)
                    for i in range(1, draw(st.integers(3, 8)) + 1))
    variants = range(1, draw(st.integers(3, 8)) + 1)
    stock = tuple(Stock(s.warehouse_id, v, Decimal(draw(st.integers(1, 3))))
                  for s in sources for v in variants if draw(st.integers(0, 5)) < 2)
    lines = tuple(Line(v, v, f"SKU-{v}", Decimal(draw(st.integers(1, 3))), False)
                  for v in variants)
    return AllocationRequest(lines, sources, stock, (), Destination(draw(locations())),
                             Strategy.FEWEST_SHIPMENTS, TODAY)


@settings(max_examples=150, deadline=None)
@given(st.one_of(set_covers(),
                 requests(strategy=Strategy.FEWEST_SHIPMENTS, one_shipment=False, pickup=False,
                          stock_rows=24, ordered=st.integers(1, 8).map(Decimal))))
def test_fewest_shipments_uses_the_fewest_warehouses_a_brute_force_finds(request):
    plan = allocate(request)
    from_stock, _, _ = taken(plan)

    stocked = {p.warehouse_id for s in plan.shipments for p in s.picks if p.supply_id is None}
    assert len(stocked) == covering_minimum(request)
    held = seller_stock(request)
    for variant in {line.variant_id for line in request.lines}:  # as much as anyone could
        wanted = sum((line.quantity for line in request.lines if line.variant_id == variant),
                     D(0))
        network = sum((q for (_, v), q in held.items() if v == variant), D(0))
        assert sum((q for (_, v), q in from_stock.items() if v == variant), D(0)) == min(
            wanted, network)


@EXAMPLES
@given(requests(), st.randoms(use_true_random=False))
def test_the_same_order_gives_the_same_plan_whatever_the_order_of_its_inputs(request, rnd):
    def shuffled(items: tuple) -> tuple:
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    reordered = replace(request, lines=shuffled(request.lines),
                        sources=shuffled(request.sources), stock=shuffled(request.stock),
                        supply=shuffled(request.supply), rates=shuffled(request.rates))

    assert allocate(request) == allocate(request)
    assert allocate(reordered) == allocate(request)
    assert plan_delivery(reordered) == plan_delivery(request)


@EXAMPLES
@given(requests())
def test_the_delivery_plan_quotes_exactly_the_allocated_shipments(request):
    plan = allocate(request)
    delivered = plan_delivery(request)

    assert tuple(d.shipment for d in delivered.shipments) == plan.shipments
    assert delivered.shortfalls == plan.shortfalls
    for d in delivered.shipments:
        assert (d.quote is None) != (d.problem is None)
        if d.quote is not None:
            assert d.quote.delivery_date >= d.shipment.ready_date
    if delivered.delivery_date is not None:
        assert all(d.quote and d.quote.delivery_date <= delivered.delivery_date
                   for d in delivered.shipments)

