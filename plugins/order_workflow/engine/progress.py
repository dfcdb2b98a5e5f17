"""The order's fulfilment state and progress, derived from its lines' units (never
stored: every read recomputes them from the LineUnits rows)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .statuses import (
    DELIVERED_OR_LATER,
    READY_OR_LATER,
    SHIPPED_OR_LATER,
    FulfilmentState,
    Units,
    UnitStatus,
)


def line_is(units: Units, statuses: frozenset[UnitStatus]) -> bool:
    """Whether the line has active units and every one is in ``statuses``."""
    return units.active > 0 and units.in_any(statuses) == units.active


def fulfilment_state(totals: Units) -> FulfilmentState:
    """The state of an order whose units add up to ``totals`` (the sum of its lines)."""
    active = totals.active
    if active == 0:
        return (FulfilmentState.CANCELLED if totals[UnitStatus.CANCELLED] > 0
                else FulfilmentState.NOT_STARTED)
    shipped = totals.in_any(SHIPPED_OR_LATER)
    if totals.in_any(DELIVERED_OR_LATER) == active:
        return FulfilmentState.DELIVERED
    if shipped == active:
        return FulfilmentState.SHIPPED
    if shipped > 0:
        return FulfilmentState.PARTIALLY_SHIPPED
    if totals[UnitStatus.PENDING] == active:
        return FulfilmentState.NOT_STARTED
    return FulfilmentState.IN_PROGRESS


@dataclass(frozen=True)
class Progress:
    state: FulfilmentState
    line_count: int  # lines with an active unit
    lines_ready: int
    lines_shipped: int
    lines_delivered: int
    units: Units  # the order's totals per status


def progress(lines: Iterable[Units]) -> Progress:
    every = list(lines)
    totals = sum(every, Units())
    return Progress(
        state=fulfilment_state(totals),
        line_count=sum(1 for units in every if units.active > 0),
        lines_ready=sum(1 for units in every if line_is(units, READY_OR_LATER)),
        lines_shipped=sum(1 for units in every if line_is(units, SHIPPED_OR_LATER)),
        lines_delivered=sum(1 for units in every if line_is(units, DELIVERED_OR_LATER)),
        units=totals)
