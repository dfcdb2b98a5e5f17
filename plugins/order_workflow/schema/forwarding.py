"""Forwarding in the API: the orders the viewer may forward (``forwardableOrders``), the
forward itself (``orderForward``), and the links on the orders (``Order.forwardedTo``,
``Order.forwardedFrom``, ``OrderLine.forwardedTo``).

The links load through ``visibility.visible_forward_links``: only who sees both orders
(the dealer's side) gets them, so a sub-dealer never reaches its dealer's order to the
manufacturer and its purchase prices. Each field is one query for a whole page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene

from backend.checkout.schema.costs import PLACE_WEIGHT
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost
from backend.core.graphql.extend import add_fields
from backend.core.graphql.ids import decode_global_ids
from backend.core.graphql.loaders import DataLoader, group_by, remember_rows
from backend.core.permissions import OrgPerm
from backend.orders.models import Order, OrderLine
from backend.orders.schema.types import OrderLineType, OrderType

from ..services.forwardable import forwardable_orders
from ..services.forwarding import forward_orders
from ..visibility import visible_forward_links
from .errors import WorkflowMutation


@dataclass(frozen=True)
class ForwardedLineRef:
    order: Order
    line: OrderLine


class ForwardedToByOrderIdLoader(DataLoader):
    """A sub-dealer's order's forwarded order, for the dealer's side (one query a page)."""

    siblings = ((Order, "pk"),)

    def batch_load(self, keys):
        links = (visible_forward_links(self.context.viewer).filter(source_order_id__in=keys)
                 .order_by("source_order_id").distinct("source_order_id")
                 .select_related("forwarded_order"))
        found = {link.source_order_id: link.forwarded_order for link in links}
        return [found.get(key) for key in keys]


class ForwardedFromByOrderIdLoader(DataLoader):
    """The sub-dealers' orders a forwarded order carries, oldest first (one query a page)."""

    siblings = ((Order, "pk"),)

    def batch_load(self, keys):
        links = (visible_forward_links(self.context.viewer).filter(forwarded_order_id__in=keys)
                 .order_by("forwarded_order_id", "source_order_id")
                 .distinct("forwarded_order_id", "source_order_id")
                 .select_related("source_order"))
        grouped = group_by(links, "forwarded_order_id")
        return [[link.source_order for link in grouped.get(key, [])] for key in keys]


class ForwardedLineByLineIdLoader(DataLoader):
    """A sub-dealer's line's forwarded line and order, for the dealer's side."""

    siblings = ((OrderLine, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        links = list(visible_forward_links(self.context.viewer)
                     .filter(source_line_id__in=keys)
                     .select_related("forwarded_line", "forwarded_order"))
        # the refs are not rows: their orders and lines are remembered for the loaders
        # of their own fields
        remember_rows(self.context, [link.forwarded_order for link in links])
        remember_rows(self.context, [link.forwarded_line for link in links])
        found = {link.source_line_id: ForwardedLineRef(link.forwarded_order,
                                                       link.forwarded_line)
                 for link in links}
        return [found.get(key) for key in keys]


class ForwardedLineRefType(graphene.ObjectType):
    order = graphene.Field(OrderType, required=True,
                           description="The dealer's order to the manufacturer.")
    line = graphene.Field(OrderLineType, required=True,
                          description="Its line carrying the sub-dealer's line.")

    class Meta:
        name = "ForwardedLineRef"
        description = ("Where a sub-dealer's line travels on: the dealer's order to the "
                       "manufacturer and its line (seen by the dealer's side only).")


def resolve_forwarded_to(root: Order, info):
    return ForwardedToByOrderIdLoader(info.context).load(root.pk)


def resolve_forwarded_from(root: Order, info):
    return ForwardedFromByOrderIdLoader(info.context).load(root.pk)


def resolve_line_forwarded_to(root: OrderLine, info):
    return ForwardedLineByLineIdLoader(info.context).load(root.pk)


add_fields(
    OrderType,
    forwarded_to=graphene.Field(OrderType, resolver=resolve_forwarded_to, description=(
        "The dealer's order to the manufacturer carrying this sub-dealer's order; null "
        "when not forwarded or not for the viewer (only the dealer's side sees it).")),
    forwarded_from=graphene.Field(
        graphene.List(graphene.NonNull(OrderType), required=True),
        resolver=resolve_forwarded_from, required=True, description=(
            "The sub-dealers' orders this order carries, oldest first (the dealer's side; "
            "the manufacturer's staff only those they see anyway).")),
)
add_fields(
    OrderLineType,
    forwarded_to=graphene.Field(ForwardedLineRefType, resolver=resolve_line_forwarded_to,
                                description=(
                                    "The dealer's order and line carrying this line (the "
                                    "dealer's side only).")),
)


class Queries(graphene.ObjectType):
    forwardable_orders = graphene.ConnectionField(
        OrderType._meta.connection, required=True, description=(
            "The orders the viewer may forward to the manufacturer now: its organization's "
            "sub-dealers' confirmed orders, not being fulfilled and not forwarded yet "
            "(the viewer with MODERATE_ORDERS there), oldest first."))

    @staticmethod
    def resolve_forwardable_orders(root, info, **args):
        rows = forwardable_orders(info.context.viewer).order_by("placed_at", "pk")
        return resolve_connection(rows, args, OrderType._meta.connection, info=info)


class OrderForward(WorkflowMutation):
    order = graphene.Field(OrderType, description="The new order to the manufacturer.")

    class Arguments:
        orders = graphene.List(graphene.NonNull(graphene.ID), required=True,
                               description="The sub-dealers' orders to forward.")
        idempotency_key = graphene.String(required=True, description=(
            "Made by the screen once per forward; a retry with it returns the same order."))
        comment = graphene.String(description="For the manufacturer.")

    class Meta:
        org_permissions = (OrgPerm.MODERATE_ORDERS,)
        description = ("Forward sub-dealers' confirmed orders to the manufacturer as one "
                       "order of the dealer, at its own purchase prices, lines merged per "
                       "item; the sub-dealers' lines stay linked to it.")

    @classmethod
    def perform_mutation(cls, root, info, orders, idempotency_key, comment=None):
        ids = decode_global_ids(orders, "Order", "orders")
        return cls(order=forward_orders(info.context.viewer, ids, idempotency_key, comment))


class Mutations(graphene.ObjectType):
    order_forward = OrderForward.Field()


# The links load for a page in one query each: a few rows per order.
COSTS: dict[str, Any] = {
    "Query.forwardableOrders": FieldCost(QUERY_WEIGHT, query=True),
    "Order.forwardedFrom": FieldCost(2),
    "Mutation.orderForward": FieldCost(PLACE_WEIGHT, query=True),
}
