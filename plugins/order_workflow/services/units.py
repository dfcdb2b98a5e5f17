"""Moving units of an order's lines between statuses (``orderLineUnitsMove``).

Which moves the viewer may make is the engine's (``engine.permitted``): the viewer's side
(the seller's moderators, ``people.may_moderate``; who answers for the buyer,
``people.may_answer``), whether the buyer resells (it has sub-organizations) and the
order's moderation state. A request is a list of moves over the lines of one order, made
one after another and all or nothing.

Locks: the order row first (as every workflow write), then the moved lines' LineUnits rows
in primary-key order, and only then anything else (the stock rows, by ``locks``). Each
moved line is written once, in one UPDATE for all of them.

What follows a move: READY -> SHIPPED units become one ``Dispatch`` (``dispatches.py``)
and leave stock; cancelled units give back what they held of stock (``locks.release``);
an OrderEvent UNITS_MOVED (and DISPATCHED) records the lines before and after; and
``after_units_moved`` is called for whoever follows units (forwarding's flow back).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, transaction

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.core.viewer import Viewer
from backend.orders.models import Order
from backend.orders.numbers import format_number
from backend.orders.services import events
from backend.orders.visibility import visible_orders
from inventory.services import locks
from inventory.services.common import WHOLE_UNITS

from .. import engine
from ..engine import Side, Units, UnitStatus
from ..errors import WorkflowErrorCode as Code
from ..models import UNIT_COLUMNS, Dispatch, LineUnits
from ..people import may_answer, may_moderate
from . import line_stock
from .dispatches import DispatchData, checked, create_dispatch

MAX_MOVES = 500


@dataclass(frozen=True)
class UnitMove:
    line_id: int
    source: UnitStatus
    target: UnitStatus
    quantity: Decimal


@dataclass(frozen=True)
class MoveResult:
    order: Order
    dispatch: Dispatch | None
    before: dict[int, Units]
    after: dict[int, Units]


# Called after units moved, inside the same transaction, with (viewer, order, moves,
# before, after): ``fwd`` appends its flow back here (see ``after_units_moved``).
AFTER_MOVED: list[Callable[..., None]] = []


def after_units_moved(viewer: Viewer, order: Order, moves: Sequence[UnitMove],
                      before: dict[int, Units], after: dict[int, Units]) -> None:
    """Run every follower of unit moves (``AFTER_MOVED``) for one committed-to-be request:
    ``order`` is locked; ``before``/``after`` are the moved lines' units by line id."""
    for follower in AFTER_MOVED:
        follower(viewer, order, moves, before, after)


def sides(viewer: Viewer, order: Order) -> set[Side]:
    """The sides ``viewer`` acts on for ``order`` (``order.seller`` loaded)."""
    found = set()
    if may_moderate(viewer, order.seller_id, order.seller.parent_id is None):
        found.add(Side.SELLER)
    if may_answer(viewer, order.buyer_id):
        found.add(Side.BUYER)
    return found


def resells(buyer_id: int) -> bool:
    return Organization.objects.filter(parent_id=buyer_id).exists()


def permitted(viewer: Viewer, order: Order, state: str,
              reseller: bool | None = None) -> frozenset[engine.Transition]:
    """Every move ``viewer`` may make on ``order`` in moderation ``state``."""
    allowed: frozenset[engine.Transition] = frozenset()
    for side in sides(viewer, order):
        resold = side is Side.BUYER and (resells(order.buyer_id) if reseller is None
                                         else reseller)
        allowed |= engine.permitted(side, resold, state)
    return allowed


def move_units(viewer: Viewer, order: Order | int, moves: Sequence[UnitMove],
               dispatch: DispatchData | None = None) -> MoveResult:
    """Make ``moves`` on ``order``'s lines, all or none (see the module's docstring)."""
    if not moves:
        raise DomainValidationError.single(Code.REQUIRED, "Say which units to move.", "moves")
    if len(moves) > MAX_MOVES:
        raise DomainValidationError.single(
            Code.INVALID, f"At most {MAX_MOVES} moves at once.", "moves")
    data = checked(dispatch)
    # No savepoint of its own: a refusal rolls back the caller's whole transaction (a
    # mutation's), and two round trips less on the hot path.
    with transaction.atomic(savepoint=False):
        locked = _locked_order(viewer, order)
        moderation = getattr(locked, "moderation", None)
        state = moderation.state if moderation is not None else None
        if state is None:
            raise DomainValidationError.single(
                Code.WRONG_STATE, "The order has not reached its seller yet.", "id")
        allowed = permitted(viewer, locked, state)
        if not allowed:
            raise DomainValidationError.single(
                Code.PERMISSION_DENIED, "You may not move this order's units now.", "id")
        rows = _locked_units(locked, {m.line_id for m in moves})
        before = {pk: _units(row) for pk, row in rows.items()}
        whole = frozenset(pk for pk, row in rows.items() if row.line.unit in WHOLE_UNITS)
        try:
            after = engine.move_many(
                before, [engine.Move(m.line_id, m.source, m.target, m.quantity)
                         for m in moves], allowed=allowed, whole=whole)
        except engine.MoveError as error:
            raise DomainValidationError([_detail(problem, moves, rows)
                                         for problem in error.problems]) from None
        moved = {pk: units for pk, units in after.items() if units != before[pk]}
        _write(rows, moved)
        _release_cancelled(viewer, locked, moves, after)
        shipped = _sum(moves, UnitStatus.SHIPPED, (UnitStatus.READY,))
        made = create_dispatch(viewer, locked, shipped, data) if shipped else None
        _record(viewer, locked, state, before, moved, made, shipped)
        after_units_moved(viewer, locked, moves, {pk: before[pk] for pk in moved},
                          {pk: after[pk] for pk in moved})
    return MoveResult(locked, made, {pk: before[pk] for pk in moved}, moved)


def _locked_order(viewer: Viewer, order: Order | int) -> Order:
    pk: Any = getattr(order, "pk", order)
    locked = (visible_orders(viewer).select_for_update(of=("self",))
              .select_related("seller", "moderation").filter(pk=pk).first())
    if locked is None:
        raise DomainValidationError.single(Code.NOT_FOUND, "No order with this ID.", "id")
    return locked


def _locked_units(order: Order, line_ids: set[int]) -> dict[int, LineUnits]:
    rows = (LineUnits.objects.select_for_update(of=("self",)).select_related("line")
            .filter(order=order, line_id__in=line_ids).order_by("pk"))
    return {row.line_id: row for row in rows}


def _units(row: LineUnits) -> Units:
    return Units({UnitStatus(status): getattr(row, column)
                  for status, column in UNIT_COLUMNS.items()})


def _detail(problem: engine.MoveProblem, moves: Sequence[UnitMove],
            rows: dict[int, LineUnits]) -> ErrorDetail:
    index = problem.index
    line = rows.get(moves[index].line_id) if index < len(moves) else None
    if problem.code is engine.MoveCode.INVALID and line is None:
        return ErrorDetail(Code.NOT_FOUND, "No line of this order with this ID.",
                           f"moves.{index}.line")
    field = "quantity" if problem.code is not engine.MoveCode.TRANSITION_NOT_ALLOWED else "to"
    prefix = f"{line.line.sku}: " if line is not None else ""
    return ErrorDetail(problem.code.value, prefix + problem.message, f"moves.{index}.{field}")


def _write(rows: dict[int, LineUnits], moved: dict[int, Units]) -> None:
    """Every moved line's new columns in one UPDATE."""
    if not moved:
        return
    ids = sorted(moved)
    columns = list(UNIT_COLUMNS.values())
    assignments = ", ".join(f"{name} = v.{name}" for name in columns)
    arrays = ", ".join("%s::numeric[]" for _ in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {LineUnits._meta.db_table} AS u SET {assignments} FROM unnest("
            f"%s::bigint[], {arrays}) AS v(id, {', '.join(columns)}) WHERE u.id = v.id",
            [[rows[pk].pk for pk in ids],
             *[[moved[pk].columns()[name] for pk in ids] for name in columns]])
    for pk in ids:
        for name, value in moved[pk].columns().items():
            setattr(rows[pk], name, value)


def _sum(moves: Sequence[UnitMove], target: UnitStatus,
         sources: tuple[UnitStatus, ...]) -> dict[int, Decimal]:
    found: dict[int, Decimal] = {}
    for m in moves:
        if m.target is target and m.source in sources:
            found[m.line_id] = found.get(m.line_id, Decimal(0)) + m.quantity
    return found


def _release_cancelled(viewer: Viewer, order: Order, moves: Sequence[UnitMove],
                       after: dict[Any, Units]) -> None:
    """Cancelled units give back the stock they held (none left the warehouse yet)."""
    lines = {m.line_id for m in moves if m.target is UnitStatus.CANCELLED}
    if lines:
        release_surplus(viewer, order, {pk: unshipped(after[pk]) for pk in lines})


def unshipped(units: Units) -> Decimal:
    """The line's units that still need stock: active and not shipped yet."""
    return units.in_any((UnitStatus.PENDING, UnitStatus.IN_PRODUCTION, UnitStatus.READY))


def release_surplus(viewer: Viewer, order: Order, needs: dict[int, Decimal]) -> None:
    """Give back what each line holds of stock beyond ``needs[line]``."""
    rows = line_stock.held_rows(order, needs)
    surplus = {pk: line_stock.held_quantity(rows.get(pk, [])) - need
               for pk, need in needs.items()}
    surplus = {pk: quantity for pk, quantity in surplus.items() if quantity > 0}
    if not surplus:
        return
    taken = line_stock.take(rows, surplus, shipping=False)
    locks.release(taken.plan(), reference=format_number(order.year, order.serial),
                  user=viewer.user, organization=viewer.organization)
    line_stock.write_taken(taken)


def _columns(units: Units) -> dict[str, str]:
    return {name: str(value) for name, value in units.columns().items() if value}


def _record(viewer: Viewer, order: Order, state: str, before: dict[int, Units],
            moved: dict[int, Units], dispatch: Dispatch | None,
            shipped: dict[int, Decimal]) -> None:
    events.record(order, "UNITS_MOVED", user=viewer.user, acting_as=viewer.organization,
                  before={"moderation_state": state,
                          "lines": {str(pk): _columns(before[pk]) for pk in moved}},
                  after={"moderation_state": state,
                         "lines": {str(pk): _columns(units) for pk, units in moved.items()}})
    if dispatch is not None:
        events.record(order, "DISPATCHED", user=viewer.user, acting_as=viewer.organization,
                      message=dispatch.document_number,
                      after={"moderation_state": state, "dispatch": dispatch.pk,
                             "number": dispatch.number,
                             "lines": {str(pk): str(quantity)
                                       for pk, quantity in shipped.items()}})
