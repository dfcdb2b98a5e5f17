"""The orders' root query fields. Every list resolves through ``orders.visibility``: a
filter narrows what the viewer may see, never widens it."""

from __future__ import annotations

import graphene

from .types import OrderType


class OrderQueries(graphene.ObjectType):
    order = graphene.Field(OrderType, id=graphene.ID(required=True), description=(
        "One order the viewer may see (also ``node(id:)``); null otherwise."))

    @staticmethod
    def resolve_order(root, info, id):
        return OrderType.lookup(info, id)
