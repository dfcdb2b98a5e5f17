"""The moderation's types: ``OrderModeration`` (on ``Order.moderation``), ``LineProposal``
(a Node; also ``OrderLine.openProposals``) and ``DialogueEntry``. Thin over the models,
every relation through a batch loader (``loaders.py``); what the viewer may do
(``canModerate``, ``canAnswer``, ``canCancel``) is ``people.py``'s."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import graphene
from graphql_relay import to_global_id

from backend.accounts.schema.types import PersonSummaryType
from backend.core.graphql.extend import add_fields
from backend.core.graphql.types import ModelObjectType
from backend.orders.schema.types import OrderLineType, OrderType

from ..models import (
    OPEN_STATES,
    DialogueEntry,
    DialogueKind,
    DialogueSide,
    LineProposal,
    ModerationState,
    OrderModeration,
    ProposalKind,
    ProposalStatus,
)
from ..people import may_answer, may_moderate
from ..visibility import visible_proposals
from . import loaders


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(c.value, c.value) for c in choices], description=description)


ModerationStateEnum = _enum("ModerationState", ModerationState,
                            "Where the order is in its seller's moderation.")
ProposalKindEnum = _enum("ProposalKind", ProposalKind, "What a proposal changes in its line.")
ProposalStatusEnum = _enum("ProposalStatus", ProposalStatus,
                           "Open (waiting for the buyer), accepted, declined, or withdrawn "
                           "(replaced by a newer proposal of its kind, or the order closed).")
DialogueKindEnum = _enum("DialogueKind", DialogueKind, "What a dialogue entry records.")
DialogueSideEnum = _enum("DialogueSide", DialogueSide, "The seller's side or the buyer's.")


def _person(info, pk):
    return loaders.PersonOfWorkflowLoader(info.context).load(pk)


class LineProposalType(ModelObjectType):
    line = graphene.Field(OrderLineType, required=True)
    kind = graphene.Field(ProposalKindEnum, required=True)
    status = graphene.Field(ProposalStatusEnum, required=True)
    before_quantity = graphene.Decimal(required=True, description="The line's, when proposed.")
    before_unit_net = graphene.Decimal(required=True)
    before_date = graphene.Date()
    before_sku = graphene.String(required=True)
    proposed_by = graphene.Field(PersonSummaryType, required=True)
    answered_by = graphene.Field(PersonSummaryType)

    class Meta:
        model = LineProposal
        name = "LineProposal"
        visible = visible_proposals
        description = ("A change the seller proposes to one line while moderating, and the "
                       "buyer's answer.")
        fields = ("id", "quantity", "unit_net", "date", "substitute_sku", "substitute_name",
                  "comment", "proposed_at", "answered_at", "answer_comment")

    @staticmethod
    def resolve_line(root: LineProposal, info):
        return loaders.LineOfProposalLoader(info.context).load(root.line_id)

    @staticmethod
    def resolve_before_quantity(root: LineProposal, info):
        return Decimal(root.before.get("quantity") or 0)

    @staticmethod
    def resolve_before_unit_net(root: LineProposal, info):
        return Decimal(root.before.get("unit_net") or 0)

    @staticmethod
    def resolve_before_date(root: LineProposal, info):
        value = root.before.get("date")
        return None if not value else date.fromisoformat(value)

    @staticmethod
    def resolve_before_sku(root: LineProposal, info):
        return root.before.get("sku", "")

    @staticmethod
    def resolve_proposed_by(root: LineProposal, info):
        return _person(info, root.proposed_by_id)

    @staticmethod
    def resolve_answered_by(root: LineProposal, info):
        return _person(info, root.answered_by_id)


class DialogueEntryType(graphene.ObjectType):
    id = graphene.ID(required=True)
    kind = graphene.Field(DialogueKindEnum, required=True)
    side = graphene.Field(DialogueSideEnum, required=True)
    author = graphene.Field(PersonSummaryType, required=True)
    text = graphene.String(required=True)
    proposal = graphene.Field(LineProposalType, description="What a PROPOSAL, ACCEPTED or "
                                                            "DECLINED entry is about.")
    state = graphene.Field(ModerationStateEnum, description="Kind STATE: the state reached.")
    created_at = graphene.DateTime(required=True)

    class Meta:
        name = "DialogueEntry"
        description = ("One entry of the moderation dialogue: a comment of either side, a "
                       "proposal, an answer, a change of state.")

    @staticmethod
    def resolve_id(root: DialogueEntry, info):
        return to_global_id("DialogueEntry", root.pk)

    @staticmethod
    def resolve_author(root: DialogueEntry, info):
        return _person(info, root.author_id)

    @staticmethod
    def resolve_proposal(root: DialogueEntry, info):
        return loaders.ProposalOfDialogueLoader(info.context).load(root.proposal_id)

    @staticmethod
    def resolve_state(root: DialogueEntry, info):
        return root.state or None


class OrderModerationType(graphene.ObjectType):
    state = graphene.Field(ModerationStateEnum, required=True)
    version = graphene.Int(required=True, description=(
        "Incremented by every moderation change; send it back with a mutation to be told "
        "(CONCURRENT_CHANGE) when someone changed the order since you read it."))
    moderator = graphene.Field(PersonSummaryType)
    auto_confirmed = graphene.Boolean(required=True)
    over_credit = graphene.Boolean(required=True)
    reason = graphene.String(required=True, description="Of a rejection or a cancellation.")
    submitted_at = graphene.DateTime(required=True)
    started_at = graphene.DateTime()
    confirmed_at = graphene.DateTime()
    closed_at = graphene.DateTime()
    proposals = graphene.List(graphene.NonNull(LineProposalType), required=True,
                              description="Oldest first.")
    dialogue = graphene.List(graphene.NonNull(DialogueEntryType), required=True,
                             description="Oldest first.")
    can_moderate = graphene.Boolean(required=True, description=(
        "The viewer is one of the seller's moderators."))
    can_answer = graphene.Boolean(required=True, description=(
        "The viewer answers for the buyer (proposals, comments)."))
    can_cancel = graphene.Boolean(required=True, description=(
        "The viewer may cancel the order now (orderCancel): the buyer while it is open, "
        "the seller's moderators until a unit shipped (the mutation checks the units)."))

    class Meta:
        name = "OrderModeration"
        description = "The seller's moderation of an order."

    @staticmethod
    def resolve_moderator(root: OrderModeration, info):
        return _person(info, root.moderator_id)

    @staticmethod
    def resolve_proposals(root: OrderModeration, info):
        return loaders.ProposalsByOrderIdLoader(info.context).load(root.order_id)

    @staticmethod
    def resolve_dialogue(root: OrderModeration, info):
        return loaders.DialogueByOrderIdLoader(info.context).load(root.order_id)

    @staticmethod
    def resolve_can_moderate(root: OrderModeration, info):
        return may_moderate(info.context.viewer, root.seller_id, root.seller_is_root)

    @staticmethod
    def resolve_can_answer(root: OrderModeration, info):
        return may_answer(info.context.viewer, root.buyer_id)

    @staticmethod
    def resolve_can_cancel(root: OrderModeration, info):
        viewer = info.context.viewer
        if root.state in OPEN_STATES and may_answer(viewer, root.buyer_id):
            return True
        return (root.state in (*OPEN_STATES, ModerationState.CONFIRMED)
                and may_moderate(viewer, root.seller_id, root.seller_is_root))


def resolve_moderation(root, info):
    return loaders.ModerationByOrderIdLoader(info.context).load(root.pk)


def resolve_open_proposals(root, info):
    return loaders.OpenProposalsByLineIdLoader(info.context).load(root.pk)


add_fields(
    OrderType,
    moderation=graphene.Field(OrderModerationType, resolver=resolve_moderation, description=(
        "The seller's moderation; null while the order waits for the buyer's approval or "
        "was rejected by it.")),
)
add_fields(
    OrderLineType,
    open_proposals=graphene.Field(
        graphene.List(graphene.NonNull(LineProposalType), required=True),
        resolver=resolve_open_proposals, required=True,
        description="The seller's proposals for the line waiting for the buyer's answer."),
)
