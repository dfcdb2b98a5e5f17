"""An order's delivery plan, with the inventory's refusals told in the checkout's codes.

A REGULAR order may take incoming supply only for a product that allows pre-orders (the
plan's own rule); a PREORDER order is one the buyer placed knowing it waits for supply, so
every line may take it. A delivery no carrier can quote is refused (NO_DELIVERY_ZONE,
NO_RATE): nobody should be promised a shipment that cannot leave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from django.utils import timezone

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.orders.models import OrderType
from inventory.engine.types import DeliveryPlan
from inventory.services.planning import PlanLine, allocation_request, with_plugin_quotes

from ..errors import CheckoutErrorCode as Code

# The inventory's shortfall reasons the checkout has no code of its own for.
_SAME_AS = {"ONE_SHIPMENT_IMPOSSIBLE": "NOT_ENOUGH_STOCK", "DUPLICATE_LINE": "INVALID",
            "INVALID_QUANTITY": "INVALID_QUANTITY"}


def order_plan(buyer: Organization, items: Sequence[Any], request: Any) -> DeliveryPlan:
    """The plan of ``items`` (cart items: variant, quantity) for ``request``'s delivery,
    every shortfall and unquoted shipment refused."""
    from inventory.engine.delivery import plan_delivery

    lines = [PlanLine(item.variant.pk, item.quantity) for item in items]
    try:
        planned = allocation_request(buyer, lines, request.address,
                                     request.pickup_warehouse_id, request.one_shipment,
                                     timezone.localdate())
    except DomainValidationError as error:
        raise plan_errors(error) from None
    if request.order_type == OrderType.PREORDER:
        planned = replace(planned, lines=tuple(replace(line, preorder_allowed=True)
                                               for line in planned.lines))
    plan = with_plugin_quotes(plan_delivery(planned), planned)
    if plan.shortfalls:
        raise DomainValidationError([ErrorDetail(
            _code(s.reason.value), f"{s.sku}: {s.missing.normalize()} of "
                                   f"{s.requested.normalize()} cannot be supplied.",
            f"lines.{s.line_key}", {"skus": [s.sku], "missing": s.missing})
            for s in plan.shortfalls])
    if plan.problem is not None and request.pickup_warehouse_id is None:
        raise DomainValidationError.single(
            _code(plan.problem.value), "No carrier delivers to this region: choose pickup "
                                       "or another address.", "address.region")
    return plan


def plan_errors(error: DomainValidationError) -> DomainValidationError:
    """``error`` (the inventory's) with each code the checkout's of the same name."""
    return DomainValidationError([replace(detail, code=_code(detail.code_value))
                                  for detail in error.errors])


def _code(value: str) -> Code:
    value = _SAME_AS.get(value, value)
    return Code[value] if value in Code.__members__ else Code.INVALID  # type: ignore[misc]
