"""``moderationQueue``: the orders the viewer moderates, filtered and sorted
(``queue.py``), as an OrderConnection with ``totalCount``. The page's orders are
remembered for the loaders, so their moderation, lines and buyers load for the whole page
at once (a constant number of queries whatever the page's size)."""

from __future__ import annotations

import graphene

from backend.core.errors import DomainValidationError
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.ids import decode_global_id, graphql_error_from
from backend.core.graphql.types import SortDirection
from backend.core.graphql.values import plain_values
from backend.orders.schema.types import OrderType

from ..queue import moderation_queue
from .types import ModerationStateEnum


class ModerationQueueFilter(graphene.InputObjectType):
    states = graphene.List(graphene.NonNull(ModerationStateEnum), description=(
        "Default: SUBMITTED, ON_MODERATION, AWAITING_BUYER."))
    search = graphene.String(description="The order's number, the buyer's name or INN.")
    buyer = graphene.ID(description="Bought by this organization.")
    total_min = graphene.Decimal(description="Grand total with VAT at least this.")
    total_max = graphene.Decimal(description="Grand total with VAT at most this.")
    submitted_from = graphene.Date(description="Reached the seller on or after this day.")
    submitted_to = graphene.Date(description="Reached the seller on or before this day.")
    over_credit = graphene.Boolean(description="Sent to moderation over the credit limit.")
    mine = graphene.Boolean(description="Taken by the viewer.")


ModerationQueueSortField = graphene.Enum(
    "ModerationQueueSortField", [(f, f) for f in ("AGE", "TOTAL", "BUYER")],
    description="AGE (when it reached the seller), TOTAL (grand total), BUYER (name).")


class ModerationQueueSort(graphene.InputObjectType):
    field = graphene.Field(ModerationQueueSortField, required=True)
    direction = graphene.Field(SortDirection, required=True)


class Queries(graphene.ObjectType):
    moderation_queue = graphene.ConnectionField(
        OrderType._meta.connection, required=True, filter=ModerationQueueFilter(),
        sort=ModerationQueueSort(), description=(
            "Orders whose seller the viewer moderates (the manufacturer's for staff with "
            "MODERATE_ORDERS, the active organization's for its members with "
            "MODERATE_ORDERS), open ones unless filtered, oldest first unless sorted."))

    @staticmethod
    def resolve_moderation_queue(root, info, filter=None, sort=None, **args):
        values = plain_values(filter or {})
        try:
            if values.get("buyer"):
                values["buyer"] = decode_global_id(values["buyer"], "Organization",
                                                   "filter.buyer")
            rows = moderation_queue(info.context.viewer, values, plain_values(sort or {}))
        except DomainValidationError as exc:
            raise graphql_error_from(exc) from None
        return resolve_connection(rows, args, OrderType._meta.connection, info=info)
