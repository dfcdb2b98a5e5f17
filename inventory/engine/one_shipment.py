"""One shipment only: everything from a single warehouse, leaving once.

Each warehouse is tried on its own (its stock, then its incoming supply for products that
take pre-orders). Among those that cover every line the earliest arrival wins: ready date
(the latest part's) plus the fastest carrier's transit to the destination; a warehouse no
carrier serves comes after every one with a known date, by its ready date; then the
strategy's ranking. For pickup the arrival is the ready date. When no warehouse covers
everything, the one that covers the most lines is planned and each line it misses is
short: ONE_SHIPMENT_IMPOSSIBLE when the network as a whole could supply the line (split
shipments would), else the reason a split plan would give (NOT_ENOUGH_STOCK,
PREORDER_NOT_ALLOWED), so the buyer learns whether splitting helps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from .ledger import ZERO, Ledger, Take
from .quotes import RateTable
from .types import Destination, Line, Shortfall, ShortfallReason, Source


def plan_one_shipment(lines: Sequence[Line], ranked: Sequence[Source], ledger: Ledger,
                      destination: Destination, rates: RateTable,
                      today: date) -> tuple[list[Take], list[Shortfall]]:
    best: tuple[tuple[int, bool, date, date, int], list[Take], list[Shortfall]] | None = None
    for position, source in enumerate(ranked):
        trial = ledger.fork()
        takes, shortfalls = trial.serve(lines, (source,), today, {source.warehouse_id})
        if not takes:
            continue
        ready = max(t.ready_date for t in takes)
        arrival = _arrival(source, takes, ready, destination, rates)
        key = (len(shortfalls), arrival is None, arrival or ready, ready, position)
        if best is None or key < best[0]:
            best = (key, takes, shortfalls)
    if best is None:  # no warehouse has any of it: nor has the network, so no reason changes
        return [], ledger.fork().serve(lines, ranked, today, None)[1]
    takes, shortfalls = best[1], best[2]
    if shortfalls:
        network_short = {s.line_key for s in ledger.fork().serve(lines, ranked, today, None)[1]}
        shortfalls = [s if s.line_key in network_short
                      else replace(s, reason=ShortfallReason.ONE_SHIPMENT_IMPOSSIBLE)
                      for s in shortfalls]
    return takes, shortfalls


def _arrival(source: Source, takes: list[Take], ready: date, destination: Destination,
             rates: RateTable) -> date | None:
    if destination.pickup_warehouse_id is not None:
        return ready
    weight = sum((t.quantity * t.line.weight_kg for t in takes), ZERO)
    volume = sum((t.quantity * t.line.volume_m3 for t in takes), ZERO)
    chosen = rates.best(source.location, destination.location, weight, volume, fastest=True)
    if isinstance(chosen, tuple):
        return ready + timedelta(days=chosen[0].transit_days)
    return None

