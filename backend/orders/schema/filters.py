"""The order list's inputs (``OrderFilterInput``, ``OrderSortInput``) and their plain
values for ``orders.filters``."""

from __future__ import annotations

from typing import Any

import graphene

from backend.core.graphql.ids import decode_global_id
from backend.core.graphql.types import SortDirection
from backend.core.graphql.values import plain_values

from .enums import OrderStatusEnum, OrderTypeEnum, PaymentStatusEnum


class OrderFilterInput(graphene.InputObjectType):
    search = graphene.String(description=(
        "The order's number («26-00042», «42»), the seller's number or part of the "
        "buyer's reference."))
    placed_from = graphene.Date(description="Placed on or after this day.")
    placed_to = graphene.Date(description="Placed on or before this day.")
    placed_by = graphene.ID(description="Placed by this user.")
    organization = graphene.ID(description=(
        "Bought by this organization (one the viewer may see), with its sub-dealers "
        "unless includeSubtree is false."))
    include_subtree = graphene.Boolean(default_value=True)
    order_type = OrderTypeEnum()
    total_min = graphene.Decimal(description="Grand total with VAT at least this.")
    total_max = graphene.Decimal(description="Grand total with VAT at most this.")
    status = graphene.List(graphene.NonNull(OrderStatusEnum))
    payment_status = graphene.List(graphene.NonNull(PaymentStatusEnum))


OrderSortFieldEnum = graphene.Enum(
    "OrderSortField", [(f, f) for f in ("PLACED_AT", "NUMBER", "TOTAL", "BUYER")],
    description="PLACED_AT, NUMBER (year and serial), TOTAL (grand total), BUYER (name).")


class OrderSortInput(graphene.InputObjectType):
    field = graphene.Field(OrderSortFieldEnum, required=True)
    direction = graphene.Field(SortDirection, required=True)


def filter_values(filter) -> dict[str, Any]:
    """Plain values with the ids decoded (a malformed id: the caller's error)."""
    values = plain_values(filter or {})
    if values.get("placed_by"):
        values["placed_by"] = decode_global_id(values["placed_by"], "User",
                                               "filter.placedBy")
    else:
        values.pop("placed_by", None)
    if values.get("organization"):
        values["organization"] = decode_global_id(values["organization"], "Organization",
                                                  "filter.organization")
    else:
        values.pop("organization", None)
    return values


def sort_values(sort) -> dict[str, Any] | None:
    return plain_values(sort) if sort else None
