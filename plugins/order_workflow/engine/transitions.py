"""Which moves between unit statuses each side may make, and the moves themselves.

The seller produces, readies, ships and confirms delivery, and may cancel what has not
left; the buyer may cancel what is still pending and confirm receipt; a reselling buyer
(one with sub-organizations) also takes delivered units into its own stock and sells
them. When a move is open also depends on the order's moderation state (``permitted``).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .statuses import Side, Units, UnitStatus

S = UnitStatus
Transition = tuple[UnitStatus, UnitStatus]

SELLER_MOVES: frozenset[Transition] = frozenset({
    (S.PENDING, S.IN_PRODUCTION), (S.PENDING, S.READY), (S.IN_PRODUCTION, S.READY),
    (S.READY, S.SHIPPED), (S.SHIPPED, S.DELIVERED),
    (S.PENDING, S.CANCELLED), (S.IN_PRODUCTION, S.CANCELLED), (S.READY, S.CANCELLED),
})
BUYER_MOVES: frozenset[Transition] = frozenset({
    (S.PENDING, S.CANCELLED), (S.SHIPPED, S.DELIVERED),
})
RESELLER_MOVES: frozenset[Transition] = frozenset({
    (S.DELIVERED, S.AT_DEALER), (S.AT_DEALER, S.SOLD),
})
# Moderation states (their string values) in which the order is still open to the buyer.
OPEN_STATES = frozenset({"SUBMITTED", "ON_MODERATION", "AWAITING_BUYER"})
CONFIRMED = "CONFIRMED"


class MoveCode(StrEnum):
    TRANSITION_NOT_ALLOWED = "TRANSITION_NOT_ALLOWED"
    NOT_ENOUGH_UNITS = "NOT_ENOUGH_UNITS"
    INVALID = "INVALID"


@dataclass(frozen=True)
class MoveProblem:
    code: MoveCode
    message: str
    index: int = 0  # which move of a bulk request


class MoveError(Exception):
    """Every problem of a requested move (or bulk of moves); nothing was moved."""

    def __init__(self, problems: Sequence[MoveProblem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = tuple(problems)

    @property
    def code(self) -> MoveCode:
        return self.problems[0].code


def transitions(side: Side, reseller: bool) -> frozenset[Transition]:
    """Every move the side may ever make, whatever the order's state."""
    if side is Side.SELLER:
        return SELLER_MOVES
    return BUYER_MOVES | RESELLER_MOVES if reseller else BUYER_MOVES


def permitted(side: Side, reseller: bool, state: str) -> frozenset[Transition]:
    """The moves the side may make while the order's moderation is in ``state``: the
    seller works on a confirmed order (cancelling also while moderating); the buyer
    cancels pending units while the order is open or confirmed, and receives (and resells)
    what a confirmed order shipped."""
    every = transitions(side, reseller)
    if state == CONFIRMED:
        return every
    if side is Side.SELLER and state == "ON_MODERATION":
        return frozenset(move for move in every if move[1] is S.CANCELLED)
    if side is Side.BUYER and state in OPEN_STATES:
        return frozenset({(S.PENDING, S.CANCELLED)})
    return frozenset()


@dataclass(frozen=True)
class Move:
    line: Hashable
    source: UnitStatus
    target: UnitStatus
    quantity: Decimal


def move(units: Units, source: UnitStatus, target: UnitStatus, quantity: Decimal, *,
         allowed: frozenset[Transition], whole: bool = False, index: int = 0) -> Units:
    """``units`` with ``quantity`` of ``source`` moved to ``target``; ``MoveError`` when
    the move is not in ``allowed``, the quantity is not positive (or not whole for a
    line counted in whole units), or ``source`` holds fewer."""
    name = f"{source.value} -> {target.value}"
    if not quantity.is_finite() or quantity <= 0:
        raise MoveError([MoveProblem(MoveCode.INVALID,
                                     f"Move a positive number of units ({name}).", index)])
    if whole and quantity != quantity.to_integral_value():
        raise MoveError([MoveProblem(
            MoveCode.INVALID, f"{quantity.normalize()} is not a whole number of units.",
            index)])
    if (source, target) not in allowed:
        raise MoveError([MoveProblem(MoveCode.TRANSITION_NOT_ALLOWED,
                                     f"Units cannot move {name} here.", index)])
    if units[source] < quantity:
        raise MoveError([MoveProblem(
            MoveCode.NOT_ENOUGH_UNITS,
            f"Only {units[source].normalize()} units are {source.value}, not "
            f"{quantity.normalize()}.", index)])
    return units.with_moved(source, target, quantity)


def move_many(lines: Mapping[Hashable, Units], moves: Sequence[Move], *,
              allowed: frozenset[Transition],
              whole: frozenset[Hashable] = frozenset()) -> dict[Hashable, Units]:
    """Every line after ``moves`` made one after another (so READY then SHIPPED of the
    same units is one request), or ``MoveError`` naming every move that cannot be made;
    then nothing moved. ``whole``: the lines counted in whole units."""
    after: dict[Hashable, Units] = dict(lines)
    problems: list[MoveProblem] = []
    for index, request in enumerate(moves):
        key = request.line
        if key not in after:
            problems.append(MoveProblem(MoveCode.INVALID, "The line is not in the order.",
                                        index))
            continue
        try:
            after[key] = move(after[key], request.source, request.target,
                              request.quantity, allowed=allowed, whole=key in whole,
                              index=index)
        except MoveError as error:
            problems.extend(error.problems)
    if problems:
        raise MoveError(problems)
    return after


def options(units: Units, allowed: frozenset[Transition]) -> list[tuple[UnitStatus, UnitStatus,
                                                                         Decimal]]:
    """(from, to, max) of each allowed move the line has units for, in status order."""
    order = {status: index for index, status in enumerate(UnitStatus)}
    return [(source, target, units[source])
            for source, target in sorted(allowed, key=lambda m: (order[m[0]], order[m[1]]))
            if units[source] > 0]
