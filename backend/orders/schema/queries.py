"""The orders' root query fields. Every list resolves through ``orders.visibility``: a
filter narrows what the viewer may see, never widens it (``orders.filters``)."""

from __future__ import annotations

import graphene

from backend.core.errors import DomainValidationError
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.ids import graphql_error_from

from ..filters import listed_orders
from .filters import OrderFilterInput, OrderSortInput, filter_values, sort_values
from .types import OrderType


def viewer_orders(info, filter, sort):
    """The viewer's orders as the list shows them; a refused filter as a GraphQL error
    with its code (INVALID_FILTER) and field."""
    try:
        return listed_orders(info.context.viewer, filter_values(filter), sort_values(sort))
    except DomainValidationError as exc:
        raise graphql_error_from(exc) from None


class OrderQueries(graphene.ObjectType):
    order = graphene.Field(OrderType, id=graphene.ID(required=True), description=(
        "One order the viewer may see (also ``node(id:)``); null otherwise."))
    orders = graphene.ConnectionField(
        OrderType._meta.connection, required=True, filter=OrderFilterInput(),
        sort=OrderSortInput(), description=(
            "Orders the viewer may see: its organization's and its sub-dealers' (read-only), "
            "those it placed; staff all or their regions'. Latest first unless sorted."))

    @staticmethod
    def resolve_order(root, info, id):
        return OrderType.lookup(info, id)

    @staticmethod
    def resolve_orders(root, info, filter=None, sort=None, **args):
        return resolve_connection(viewer_orders(info, filter, sort), args,
                                  OrderType._meta.connection, info=info)
