"""The buyer's internal approval in the API: the approvals queue (``orderApprovals``),
the answers (``orderApprove``, ``orderReject``) and, on ``Order``, who it waits for
(``approvers``) and whether the viewer is one of them (``canApprove``).

Who may answer is the service's (``services/approval.py``); which orders wait for the
viewer is ``visibility.approvable_orders``. The fields are added to the list's ``Order``
type with ``extend.add_fields``, so the type's module stays the list's.
"""

from __future__ import annotations

import graphene

from backend.accounts.schema.types import PersonSummaryType
from backend.accounts.visibility import person_summaries
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.extend import add_fields
from backend.core.graphql.ids import decode_global_id
from backend.core.graphql.loaders import DataLoader
from backend.core.graphql.mutations import BaseMutation

from ..errors import OrdersErrorCode
from ..models import Order, OrderStatus
from ..people import approver_ids
from ..services.approval import approve, may_approve, reject
from ..visibility import approvable_orders
from .enums import OrdersError
from .types import OrderType


class ApproversByOrganizationIdLoader(DataLoader):
    """Each buyer's approvers as (user id, PersonSummary), by e-mail: two queries a page."""

    siblings = ((Order, "buyer_id"),)
    remembers_rows = False

    def batch_load(self, keys):
        ids = approver_ids(keys)
        names = person_summaries({pk for found in ids.values() for pk in found})
        return [[(pk, names[pk]) for pk in ids.get(key, []) if pk in names] for key in keys]


def resolve_approvers(root: Order, info):
    if root.status != OrderStatus.AWAITING_APPROVAL:
        return []
    return ApproversByOrganizationIdLoader(info.context).load_then(
        root.buyer_id, lambda people: [name for pk, name in people if pk != root.placed_by_id])


def resolve_can_approve(root: Order, info):
    return (root.status == OrderStatus.AWAITING_APPROVAL
            and may_approve(info.context.viewer, root))


add_fields(
    OrderType,
    approvers=graphene.Field(
        graphene.List(graphene.NonNull(PersonSummaryType), required=True),
        resolver=resolve_approvers, required=True, description=(
            "While the order waits for the buyer's approval: who may approve it (the "
            "buyer's members with APPROVE_ORDERS but its placer), so the buyer sees where "
            "it waits. Empty otherwise.")),
    can_approve=graphene.Field(
        graphene.Boolean, resolver=resolve_can_approve, required=True, description=(
            "Whether the viewer may approve or reject it now (orderApprove, orderReject).")),
)


class ApprovalQueries(graphene.ObjectType):
    order_approvals = graphene.ConnectionField(
        OrderType._meta.connection, required=True, description=(
            "The approvals queue: the active organization's orders waiting for an approver "
            "(the viewer, with APPROVE_ORDERS there; never its own orders), oldest first."))

    @staticmethod
    def resolve_order_approvals(root, info, **args):
        rows = approvable_orders(info.context.viewer).order_by("placed_at", "pk")
        return resolve_connection(rows, args, OrderType._meta.connection, info=info)


class _ApprovalAnswer(BaseMutation):
    order = graphene.Field(OrderType)

    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": OrdersError, "error_code_enum": OrdersErrorCode}


class OrderApprove(_ApprovalAnswer):
    class Arguments:
        id = graphene.ID(required=True)
        comment = graphene.String(description="Optional; the placer reads it.")

    class Meta:
        description = ("Approve an order waiting for the buyer's approval: it goes to the "
                       "seller (PLACED).")

    @classmethod
    def perform_mutation(cls, root, info, id, comment=None):
        pk = decode_global_id(id, "Order", "id")
        return cls(order=approve(info.context.viewer, pk, comment))


class OrderReject(_ApprovalAnswer):
    class Arguments:
        id = graphene.ID(required=True)
        comment = graphene.String(required=True, description="Why: the placer reads it.")

    class Meta:
        description = ("Reject an order waiting for the buyer's approval, saying why "
                       "(REJECTED); the stock it took is given back.")

    @classmethod
    def perform_mutation(cls, root, info, id, comment):
        pk = decode_global_id(id, "Order", "id")
        return cls(order=reject(info.context.viewer, pk, comment))


class ApprovalMutations(graphene.ObjectType):
    order_approve = OrderApprove.Field()
    order_reject = OrderReject.Field()
