"""The moderation's mutations: each locks the order, checks the viewer's part, the state
and the optional ``version`` (services/), and answers ``{order, errors}``. The seller's
rejection is the existing ``orderReject`` (the ``order_reject`` hook)."""

from __future__ import annotations

import graphene

from backend.core.graphql.ids import decode_global_id
from backend.orders.schema.types import OrderType

from ..services import moderation
from ..services.proposals import AnswerRequest, ProposalRequest, answer, propose
from .errors import WorkflowMutation
from .types import ProposalKindEnum

VERSION_HELP = ("The moderation's version the viewer read; when it is no longer the "
                "current one, nothing changes and the answer is CONCURRENT_CHANGE.")


class ProposalInput(graphene.InputObjectType):
    line = graphene.ID(required=True, description="An OrderLine of the order.")
    kind = graphene.Field(ProposalKindEnum, required=True)
    quantity = graphene.Decimal(description="QUANTITY: the new quantity.")
    unit_net = graphene.Decimal(description="PRICE: the new unit price, net; SUBSTITUTE: "
                                            "its price (else the buyer's price of it).")
    date = graphene.Date(description="DATE: the date the seller promises.")
    substitute_sku = graphene.String(description="SUBSTITUTE: the SKU replacing the line's.")
    comment = graphene.String()


class ProposalAnswerInput(graphene.InputObjectType):
    proposal = graphene.ID(required=True, description="An open LineProposal of the order.")
    accept = graphene.Boolean(required=True)
    comment = graphene.String()


class _ModerationMutation(WorkflowMutation):
    order = graphene.Field(OrderType)

    class Meta:
        abstract = True


def _order_id(id: str) -> int:
    return decode_global_id(id, "Order", "id")


class OrderModerationStart(_ModerationMutation):
    class Arguments:
        id = graphene.ID(required=True)
        version = graphene.Int(description=VERSION_HELP)

    class Meta:
        description = ("Take a submitted order on moderation (ON_MODERATION): one of the "
                       "seller's moderators.")

    @classmethod
    def perform_mutation(cls, root, info, id, version=None):
        return cls(order=moderation.start(info.context.viewer, _order_id(id), version))


class OrderProposalCreate(_ModerationMutation):
    class Arguments:
        id = graphene.ID(required=True)
        version = graphene.Int(description=VERSION_HELP)
        proposals = graphene.List(graphene.NonNull(ProposalInput), required=True)
        comment = graphene.String(description="A comment on all of them, for the buyer.")

    class Meta:
        description = ("Propose changes to lines (quantity, price, date, a substitute, "
                       "removing the line): the order awaits the buyer's answer. A line's "
                       "open proposal of the same kind is withdrawn.")

    @classmethod
    def perform_mutation(cls, root, info, id, proposals: list, version=None, comment=None):
        requests = [ProposalRequest(
            line_id=decode_global_id(p["line"], "OrderLine", f"proposals.{i}.line"),
            kind=p["kind"], quantity=p.get("quantity"), unit_net=p.get("unit_net"),
            date=p.get("date"), substitute_sku=p.get("substitute_sku"),
            comment=p.get("comment")) for i, p in enumerate(proposals)]
        return cls(order=propose(info.context.viewer, _order_id(id), version,
                                              requests, comment))


class OrderProposalAnswer(_ModerationMutation):
    class Arguments:
        id = graphene.ID(required=True)
        version = graphene.Int(description=VERSION_HELP)
        answers = graphene.List(graphene.NonNull(ProposalAnswerInput), required=True)
        comment = graphene.String(description="A comment for the seller.")

    class Meta:
        description = ("Accept or decline the seller's open proposals: an accepted one "
                       "changes its line at once. With none left open the order is back "
                       "on moderation.")

    @classmethod
    def perform_mutation(cls, root, info, id, answers: list, version=None, comment=None):
        requests = [AnswerRequest(
            proposal_id=decode_global_id(a["proposal"], "LineProposal",
                                         f"answers.{i}.proposal"),
            accept=bool(a["accept"]), comment=a.get("comment"))
            for i, a in enumerate(answers)]
        return cls(order=answer(info.context.viewer, _order_id(id), version,
                                             requests, comment))


class OrderComment(_ModerationMutation):
    class Arguments:
        id = graphene.ID(required=True)
        version = graphene.Int(description=VERSION_HELP)
        text = graphene.String(required=True)

    class Meta:
        description = "Write in the moderation dialogue: the seller's moderators or the buyer."

    @classmethod
    def perform_mutation(cls, root, info, id, text, version=None):
        return cls(order=moderation.comment(info.context.viewer, _order_id(id), version, text))


class OrderConfirm(_ModerationMutation):
    class Arguments:
        id = graphene.ID(required=True)
        version = graphene.Int(description=VERSION_HELP)
        comment = graphene.String()

    class Meta:
        description = ("Confirm the order (CONFIRMED): stock and credit are checked again "
                       "for what the accepted proposals changed (OUT_OF_STOCK, "
                       "CREDIT_REFUSED change nothing). Not while proposals are open.")

    @classmethod
    def perform_mutation(cls, root, info, id, version=None, comment=None):
        return cls(order=moderation.confirm(info.context.viewer, _order_id(id), version,
                                            comment))


class OrderCancel(_ModerationMutation):
    class Arguments:
        id = graphene.ID(required=True)
        version = graphene.Int(description=VERSION_HELP)
        reason = graphene.String(required=True)

    class Meta:
        description = ("Cancel the order, saying why: the buyer while it is on moderation, "
                       "the seller's moderators until a unit has shipped. The stock it "
                       "holds is given back.")

    @classmethod
    def perform_mutation(cls, root, info, id, reason, version=None):
        return cls(order=moderation.cancel(info.context.viewer, _order_id(id), version, reason))


class Mutations(graphene.ObjectType):
    order_moderation_start = OrderModerationStart.Field()
    order_proposal_create = OrderProposalCreate.Field()
    order_proposal_answer = OrderProposalAnswer.Field()
    order_comment = OrderComment.Field()
    order_confirm = OrderConfirm.Field()
    order_cancel = OrderCancel.Field()
