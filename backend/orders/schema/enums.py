"""GraphQL enums of the orders' choices, named after their models' choices, and the
orders' error type."""

from __future__ import annotations

import graphene

from backend.core.graphql.errors import error_type, graphql_enum

from ..errors import OrdersErrorCode
from ..models import DeliveryMethod, OrderStatus, OrderType, PaymentStatus


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(c.value, c.value) for c in choices], description=description)


OrderTypeEnum = _enum("OrderType", OrderType, "REGULAR, PREORDER (against incoming "
                      "supply) or SAMPLES (sample SKUs only).")
OrderStatusEnum = _enum("OrderStatus", OrderStatus,
                        "The buyer side's status: waiting for the buyer's approver, "
                        "rejected by them, placed with the seller, cancelled.")
PaymentStatusEnum = _enum("PaymentStatus", PaymentStatus, "What the credit ledger says.")
DeliveryMethodEnum = _enum("DeliveryMethod", DeliveryMethod, "Delivered, or picked up.")

OrdersErrorCodeEnum = graphql_enum(OrdersErrorCode)
OrdersError = error_type("OrdersError", OrdersErrorCode,
                         "An error of an order operation (the list's export, approval).")
