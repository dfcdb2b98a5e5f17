"""Pure engines of the inventory: where an order's units come from (allocation) and what
each shipment costs and when it arrives (delivery quotes). Frozen dataclasses in and out;
no Django, no project import, no clock (``today`` is an input).

``allocate(request) -> AllocationPlan``, ``plan_delivery(request) -> DeliveryPlan`` (the
plan with a quote per shipment), ``quote(request, rates) -> Quote | QuoteProblem``.
"""

from .allocation import allocate
from .delivery import plan_delivery
from .quotes import RateTable, quote, shipping_cost
from .types import (
    AllocationPlan,
    AllocationRequest,
    DeliveredShipment,
    DeliveryPlan,
    Destination,
    Line,
    Location,
    Pick,
    PlannedShipment,
    Quote,
    QuoteProblem,
    QuoteRequest,
    Rate,
    Shortfall,
    ShortfallReason,
    Source,
    Stock,
    Strategy,
    Supply,
)

__all__ = [
    "AllocationPlan", "AllocationRequest", "DeliveredShipment", "DeliveryPlan", "Destination",
    "Line", "Location", "Pick", "PlannedShipment", "Quote", "QuoteProblem", "QuoteRequest",
    "Rate", "RateTable", "Shortfall", "ShortfallReason", "Source", "Stock", "Strategy",
    "Supply", "allocate", "plan_delivery", "quote", "shipping_cost",
]
