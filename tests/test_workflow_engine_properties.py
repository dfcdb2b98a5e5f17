"""Properties of the unit-status engine over generated lines and moves (hypothesis; pure):
units always add up to the line's quantity and are never negative, a refused move changes
nothing, and the derived fulfilment state equals a brute recomputation unit by unit."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.order_workflow.engine import (
    BUYER_MOVES,
    RESELLER_MOVES,
    SELLER_MOVES,
    STATUSES,
    FulfilmentState,
    Move,
    MoveCode,
    MoveError,
    Side,
    Units,
    UnitStatus,
    move,
    move_many,
    permitted,
    progress,
    transitions,
)

EXAMPLES = settings(max_examples=150, deadline=None)
S = UnitStatus
status = st.sampled_from(STATUSES)
whole = st.integers(0, 9).map(Decimal)
amount = st.one_of(st.integers(-2, 12).map(Decimal),
                   st.decimals(min_value=-1, max_value=12, places=2))
units_strategy = st.dictionaries(status, whole, max_size=8).map(Units)
sides = st.sampled_from(list(Side))


@st.composite
def requests(draw):
    lines = draw(st.dictionaries(st.integers(1, 4), units_strategy, min_size=1, max_size=4))
    moves = draw(st.lists(st.builds(Move, st.integers(0, 5), status, status, amount),
                          max_size=6))
    return lines, moves


@EXAMPLES
@given(units_strategy, status, status, amount, sides, st.booleans())
def test_a_move_keeps_the_total_or_changes_nothing(units, source, target, quantity, side,
                                                   reseller):
    allowed = transitions(side, reseller)
    try:
        after = move(units, source, target, quantity, allowed=allowed)
    except MoveError as error:
        assert error.code in set(MoveCode)
        if (source, target) not in allowed:
            assert quantity <= 0 or error.code is MoveCode.TRANSITION_NOT_ALLOWED
        return
    assert (source, target) in allowed and 0 < quantity <= units[source]
    assert after.total == units.total
    assert all(after[s] >= 0 for s in STATUSES)
    assert after[source] == units[source] - quantity
    assert after[target] == units[target] + quantity


@EXAMPLES
@given(requests(), sides, st.booleans())
def test_bulk_moves_are_all_or_nothing(request, side, reseller):
    lines, moves = request
    before = dict(lines)
    try:
        after = move_many(lines, moves, allowed=transitions(side, reseller))
    except MoveError as error:
        assert lines == before  # the input is never changed
        assert {p.index for p in error.problems} <= set(range(len(moves)))
        return
    assert set(after) == set(lines)
    for key, units in after.items():
        assert units.total == lines[key].total
        assert all(units[s] >= 0 for s in STATUSES)


def brute_state(lines: list[Units]) -> FulfilmentState:
    """The state spelled out unit by unit, as the contract words it."""
    every = [s for units in lines for s in STATUSES for _ in range(int(units[s]))]
    active = [s for s in every if s is not S.CANCELLED]
    if not active:
        return FulfilmentState.CANCELLED if every else FulfilmentState.NOT_STARTED
    later = {S.SHIPPED, S.DELIVERED, S.AT_DEALER, S.SOLD}
    if all(s in {S.DELIVERED, S.AT_DEALER, S.SOLD} for s in active):
        return FulfilmentState.DELIVERED
    if all(s in later for s in active):
        return FulfilmentState.SHIPPED
    if any(s in later for s in active):
        return FulfilmentState.PARTIALLY_SHIPPED
    if all(s is S.PENDING for s in active):
        return FulfilmentState.NOT_STARTED
    return FulfilmentState.IN_PROGRESS


@EXAMPLES
@given(st.lists(units_strategy, max_size=6))
def test_derived_state_equals_a_brute_recomputation(lines):
    derived = progress(lines)
    assert derived.state is brute_state(lines)
    for s in STATUSES:
        assert derived.units[s] == sum((units[s] for units in lines), Decimal(0))
    ready = [u for u in lines if u.active > 0 and all(
        u[s] == 0 for s in (S.PENDING, S.IN_PRODUCTION))]
    assert derived.lines_ready == len(ready)
    assert derived.line_count == sum(1 for u in lines if u.active > 0)
    assert derived.lines_delivered <= derived.lines_shipped <= derived.lines_ready


def test_the_contract_graph():
    assert (S.READY, S.SHIPPED) in SELLER_MOVES and (S.READY, S.SHIPPED) not in BUYER_MOVES
    assert (S.PENDING, S.CANCELLED) in BUYER_MOVES
    assert (S.IN_PRODUCTION, S.CANCELLED) not in BUYER_MOVES
    assert (S.SHIPPED, S.CANCELLED) not in SELLER_MOVES
    assert transitions(Side.BUYER, True) >= RESELLER_MOVES
    assert not RESELLER_MOVES & transitions(Side.BUYER, False)
    assert permitted(Side.SELLER, False, "ON_MODERATION") == {
        (S.PENDING, S.CANCELLED), (S.IN_PRODUCTION, S.CANCELLED), (S.READY, S.CANCELLED)}
    assert permitted(Side.SELLER, False, "SUBMITTED") == frozenset()
    assert permitted(Side.BUYER, True, "AWAITING_BUYER") == {(S.PENDING, S.CANCELLED)}
    assert permitted(Side.BUYER, False, "CANCELLED") == frozenset()


def test_four_of_five_ready_then_shipped():
    line = Units.pending(Decimal(5))
    ready = move(line, S.PENDING, S.READY, Decimal(4), allowed=SELLER_MOVES)
    shipped = move(ready, S.READY, S.SHIPPED, Decimal(4), allowed=SELLER_MOVES)
    assert shipped.columns()["shipped"] == 4 and shipped[S.PENDING] == 1
    assert progress([shipped]).state is FulfilmentState.PARTIALLY_SHIPPED
    assert progress([shipped]).lines_shipped == 0


def test_typed_errors():
    line = Units.pending(Decimal(2))
    cases = [((S.PENDING, S.SHIPPED, Decimal(1)), MoveCode.TRANSITION_NOT_ALLOWED),
             ((S.PENDING, S.READY, Decimal(3)), MoveCode.NOT_ENOUGH_UNITS),
             ((S.PENDING, S.READY, Decimal(0)), MoveCode.INVALID)]
    for (source, target, quantity), code in cases:
        try:
            move(line, source, target, quantity, allowed=SELLER_MOVES)
        except MoveError as error:
            assert error.code is code
        else:
            raise AssertionError(code)
    try:
        move(line, S.PENDING, S.READY, Decimal("0.5"), allowed=SELLER_MOVES, whole=True)
    except MoveError as error:
        assert error.code is MoveCode.INVALID
    else:
        raise AssertionError("fractional")
