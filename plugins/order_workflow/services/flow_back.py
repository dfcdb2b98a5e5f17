"""Unit statuses set on a forwarded line flow back to the sub-dealers' lines it carries.

When the manufacturer moves N units of a line of the dealer's forwarded order (into
production, ready, shipped, delivered, cancelled), the same move is made on the source
lines linked to it (``ForwardLink``), N spread over them in a stable order (the links'
source lines by primary key), each given at most what it holds in the status moved from.
Units beyond what the sources hold (a line's quantity changed on one side only) stay
where they are: flowing back never invents units.

The dealer's own bookkeeping on its line (AT_DEALER, SOLD: goods in its stock, sold from
it) is not the sub-dealer's: those moves do not flow back.

``distribute`` is the pure rule; ``flow_back`` applies it inside the caller's
transaction: the source orders locked FOR UPDATE in primary-key order, their LineUnits
rows updated, an UNITS_MOVED event on each source order (``after.flowed_back``). No
stock moves here: the sources gave their stock back when forwarded (``forward_stock.py``),
the forwarded order's units are the ones the manufacturer ships.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import F

from backend.orders.models import Order
from backend.orders.services import events

from ..models import UNIT_COLUMNS, ForwardLink, LineUnits, OrderModeration, UnitStatus

UNITS_MOVED = "UNITS_MOVED"
ZERO = Decimal(0)
# The dealer's own moves on the line it bought: not the sub-dealer's business.
NOT_FLOWING = frozenset({UnitStatus.AT_DEALER.value, UnitStatus.SOLD.value})


@dataclass(frozen=True)
class LineMove:
    """``quantity`` units of line ``line_id`` moved from ``source`` to ``target``."""

    line_id: int
    source: str
    target: str
    quantity: Decimal


@dataclass(frozen=True)
class Hold:
    """What a linked source line holds in the status moved from."""

    line_id: int
    held: Decimal


def distribute(holds: Sequence[Hold], quantity: Decimal) -> list[tuple[int, Decimal]]:
    """``quantity`` spread over ``holds`` in their order, each taking at most what it
    holds: (line id, units) for every line given some."""
    left = quantity
    given = []
    for hold in holds:
        if left <= 0:
            break
        take = min(hold.held, left)
        if take > 0:
            given.append((hold.line_id, take))
            left -= take
    return given


def flowing(moves: Iterable[Any]) -> list[LineMove]:
    """The moves that flow back, as ``LineMove`` (any object with line_id / source /
    target / quantity; statuses as values or enums)."""
    found = []
    for move in moves:
        target = str(getattr(move.target, "value", move.target))
        if target in NOT_FLOWING or move.quantity <= 0:
            continue
        found.append(LineMove(int(move.line_id), str(getattr(move.source, "value",
                                                              move.source)),
                              target, Decimal(move.quantity)))
    return found


def flow_back(order: Order, moves: Iterable[Any], *, user: Any = None,
              acting_as: Any = None) -> dict[int, list[LineMove]]:
    """Make ``moves`` (of ``order``'s lines) on the source lines they carry; the moves
    made, by source order id (empty when ``order`` carries no sub-dealer's line)."""
    wanted = flowing(moves)
    if not wanted:
        return {}
    links = list(ForwardLink.objects.filter(forwarded_line_id__in={m.line_id for m in wanted})
                 .order_by("source_line_id").values_list("forwarded_line_id",
                                                         "source_line_id", "source_order_id"))
    if not links:
        return {}
    source_orders = {order_id for _f, _s, order_id in links}
    locked = list(Order.objects.select_for_update().filter(pk__in=source_orders)
                  .order_by("pk"))
    units = {u.line_id: u for u in LineUnits.objects.filter(
        line_id__in=[source for _f, source, _o in links])}
    by_forwarded: dict[int, list[int]] = defaultdict(list)
    for forwarded, source, _order in links:
        by_forwarded[forwarded].append(source)
    made: dict[int, list[LineMove]] = defaultdict(list)
    for move in wanted:
        column_from, column_to = UNIT_COLUMNS[move.source], UNIT_COLUMNS[move.target]
        holds = [Hold(pk, getattr(units[pk], column_from))
                 for pk in by_forwarded.get(move.line_id, []) if pk in units]
        for pk, quantity in distribute(holds, move.quantity):
            row = units[pk]
            setattr(row, column_from, getattr(row, column_from) - quantity)
            setattr(row, column_to, getattr(row, column_to) + quantity)
            LineUnits.objects.filter(pk=row.pk).update(
                **{column_from: F(column_from) - quantity, column_to: F(column_to) + quantity})
            made[row.order_id].append(LineMove(pk, move.source, move.target, quantity))
    _record(locked, made, user, acting_as)
    return dict(made)


def _record(orders: list[Order], made: dict[int, list[LineMove]], user: Any,
            acting_as: Any) -> None:
    states = dict(OrderModeration.objects.filter(order__in=[o.pk for o in orders if o.pk in made])
                  .values_list("order_id", "state"))
    for order in orders:
        if order.pk not in made:
            continue
        events.record(order, UNITS_MOVED, user=user, acting_as=acting_as,
                      message="The manufacturer's progress on the forwarded order.",
                      after={"moderation_state": states.get(order.pk, ""),
                             "flowed_back": True,
                             "moves": [{"line": m.line_id, "from": m.source, "to": m.target,
                                        "quantity": str(m.quantity)}
                                       for m in made[order.pk]]})


def follow_units(viewer: Any, order: Order, moves: Sequence[Any], before: Any,
                 after: Any) -> None:
    """``units.after_units_moved``'s follower: the moves flow back to the sources. The
    sources' events name no person of the manufacturer: the sub-dealer reads them."""
    flow_back(order, moves)
