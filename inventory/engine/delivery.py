"""An allocation with its delivery: ``plan_delivery(request) -> DeliveryPlan``.

Each planned shipment is quoted from ``request.rates`` (``quotes.py``): the cheapest
carrier, or, when the buyer asked for one shipment, the earliest arrival (the same choice
that picked its warehouse). Pickup shipments are free on their ready date. A shipment no
carrier serves keeps its problem; the plan's ``problem`` says NO_DELIVERY_ZONE when the
address is in no zone, else NO_RATE when some shipment went unquoted.
"""

from __future__ import annotations

from .allocation import allocate
from .quotes import RateTable
from .types import (
    AllocationRequest,
    DeliveredShipment,
    DeliveryPlan,
    Quote,
    QuoteProblem,
    QuoteRequest,
)


def plan_delivery(request: AllocationRequest) -> DeliveryPlan:
    table = RateTable(request.rates)
    plan = allocate(request, table)
    origins = {s.warehouse_id: s.location for s in request.sources}
    delivered = []
    problems = set()
    for shipment in plan.shipments:
        answer = table.quote(QuoteRequest(origins[shipment.warehouse_id], request.destination,
                                          shipment.weight_kg, shipment.volume_m3,
                                          shipment.ready_date),
                             fastest=request.one_shipment)
        if isinstance(answer, Quote):
            delivered.append(DeliveredShipment(shipment, answer))
        else:
            problems.add(answer)
            delivered.append(DeliveredShipment(shipment, None, answer))
    problem = next((p for p in (QuoteProblem.NO_DELIVERY_ZONE, QuoteProblem.NO_RATE)
                    if p in problems), None)
    return DeliveryPlan(tuple(delivered), plan.shortfalls, problem)
