"""Batch loaders of the moderation's rows: one query per relation per page.

Rows load through ``visibility.py`` (their order's visibility), never filtered in a
resolver; lines through ``backend.orders``' visibility (``ByIdLoader``); people as names
only (``person_summaries``).
"""

from __future__ import annotations

from django.db.models import F

from backend.accounts.visibility import person_summaries
from backend.core.graphql.loaders import ByIdLoader, DataLoader, group_by
from backend.orders.models import Order, OrderLine

from ..models import DialogueEntry, LineProposal, OrderModeration, ProposalStatus
from ..visibility import visible_dialogue, visible_moderations, visible_proposals


class ModerationByOrderIdLoader(DataLoader):
    """Each order's moderation (None before it reached its seller), with
    ``seller_is_root``: whether the seller is the manufacturer (who moderates)."""

    siblings = ((Order, "pk"),)

    def batch_load(self, keys):
        found = visible_moderations(self.context.viewer, keys).annotate(
            seller_parent=F("seller__parent_id"), buyer_id=F("order__buyer_id"))
        rows = {row.order_id: row for row in found}
        for row in rows.values():
            row.seller_is_root = row.seller_parent is None
        return [rows.get(key) for key in keys]


class _ByOrderIdLoader(DataLoader):
    siblings = ((OrderModeration, "order_id"),)

    def rows(self, keys):
        raise NotImplementedError

    def batch_load(self, keys):
        grouped = group_by(self.rows(keys), "order_id")
        return [grouped.get(key, []) for key in keys]


class ProposalsByOrderIdLoader(_ByOrderIdLoader):
    def rows(self, keys):
        return visible_proposals(self.context.viewer, keys).order_by(
            "order_id", "proposed_at", "pk")


class DialogueByOrderIdLoader(_ByOrderIdLoader):
    def rows(self, keys):
        return visible_dialogue(self.context.viewer, keys).order_by(
            "order_id", "created_at", "pk")


class OpenProposalsByLineIdLoader(DataLoader):
    siblings = ((OrderLine, "pk"),)

    def batch_load(self, keys):
        orders = OrderLine.objects.filter(pk__in=keys).values("order_id")
        grouped = group_by(visible_proposals(self.context.viewer, orders).filter(
            line_id__in=keys, status=ProposalStatus.OPEN).order_by("line_id", "proposed_at",
                                                                   "pk"), "line_id")
        return [grouped.get(key, []) for key in keys]


class LineOfProposalLoader(ByIdLoader):
    siblings = ((LineProposal, "line_id"),)
    model = OrderLine


class ProposalOfDialogueLoader(ByIdLoader):
    siblings = ((DialogueEntry, "proposal_id"),)
    model = LineProposal


class PersonOfWorkflowLoader(DataLoader):
    """Moderators, proposers, who answered, authors: a name only."""

    siblings = ((OrderModeration, "moderator_id"), (LineProposal, "proposed_by_id"),
                (LineProposal, "answered_by_id"), (DialogueEntry, "author_id"))
    remembers_rows = False

    def batch_load(self, keys):
        summaries = person_summaries(keys)
        return [summaries.get(key) for key in keys]
