"""Where an order's units come from: ``allocate(request) -> AllocationPlan``.

Every line is served from stock first, in the order the seller's strategy ranks its
warehouses (``ranking.py``; FEWEST_SHIPMENTS first narrows them to the smallest covering
set, ``cover.py``), then, if its product takes pre-orders, from incoming supply (earliest
ready first); what is left is a shortfall with the exact missing quantity. Lines are served
in the order of their keys, so two lines of one variant share its stock the same way on
every run. Pickup: everything from the pickup warehouse (its stock, then its supply).
One shipment: ``one_shipment.py``. Picks are grouped into shipments in ``shipments.py``.

Only the given sources count: stock or supply of another warehouse is ignored, as is a
non-positive quantity (a line of 0 needs nothing, a stock row of 0 has nothing).
"""

from __future__ import annotations

from .cover import fewest_warehouses
from .ledger import Ledger, Take
from .one_shipment import plan_one_shipment
from .quotes import RateTable
from .ranking import rank_sources
from .shipments import build_shipments
from .types import (
    AllocationPlan,
    AllocationRequest,
    Shortfall,
    ShortfallReason,
    Strategy,
)


def allocate(request: AllocationRequest, rates: RateTable | None = None) -> AllocationPlan:
    """``rates``: the request's rates already indexed (``plan_delivery`` passes its own)."""
    sources = {s.warehouse_id: s for s in request.sources}
    lines = sorted(request.lines, key=lambda line: line.key)
    destination = request.destination
    ranked = rank_sources(sources.values(), request.strategy, destination.location,
                          request.rates)
    rank = {s.warehouse_id: position for position, s in enumerate(ranked)}
    ledger = Ledger.build(sources, request.stock, request.supply, request.today, rank)
    today = request.today
    takes: list[Take]
    if destination.pickup_warehouse_id is not None:
        pickup = sources.get(destination.pickup_warehouse_id)
        if pickup is None or not pickup.pickup_allowed:
            return AllocationPlan((), tuple(
                Shortfall(line.key, line.variant_id, line.sku, line.quantity, line.quantity,
                          ShortfallReason.PICKUP_NOT_ALLOWED)
                for line in lines if line.quantity > 0))
        takes, shortfalls = ledger.serve(lines, (pickup,), today, {pickup.warehouse_id})
    elif request.one_shipment:
        table = rates if rates is not None else RateTable(request.rates)
        takes, shortfalls = plan_one_shipment(lines, ranked, ledger, destination, table, today)
    else:
        order = (fewest_warehouses(lines, ranked, ledger)
                 if request.strategy is Strategy.FEWEST_SHIPMENTS else ranked)
        takes, shortfalls = ledger.serve(lines, order, today)
    return AllocationPlan(build_shipments(takes, rank, together=request.one_shipment),
                          tuple(shortfalls))
