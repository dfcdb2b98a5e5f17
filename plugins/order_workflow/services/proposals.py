"""The seller's per-line proposals and the buyer's answers.

``propose``: one of the seller's moderators proposes changes to several lines at once,
each with its own comment, while the order is SUBMITTED (taking it on moderation),
ON_MODERATION or AWAITING_BUYER. A line holds one open proposal per kind: a new one
withdraws the old (WITHDRAWN), so the buyer always answers the latest. The order then
awaits the buyer (AWAITING_BUYER).

``answer``: a member answering for the buyer accepts or declines open proposals, each
with an optional comment. An accepted one is applied to its line at once
(``line_edits``); a declined one leaves the line as it is. When no proposal is left open
the order is back ON_MODERATION, for the seller to confirm or propose again.

Every proposal and answer is a dialogue entry; one event per kind of change (PROPOSED,
PROPOSAL_ACCEPTED, PROPOSAL_DECLINED) lists the proposals it concerns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from backend.catalog.models import ProductVariant
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.viewer import Viewer
from backend.orders.models import Order, OrderLine

from ..errors import WorkflowErrorCode as Code
from ..models import (
    OPEN_STATES,
    DialogueKind,
    LineProposal,
    LineUnits,
    ModerationState,
    ProposalKind,
    ProposalStatus,
)
from . import line_edits
from .locking import Locked, lock, text_of

MAX_PROPOSALS = 200


@dataclass(frozen=True)
class ProposalRequest:
    line_id: int
    kind: str
    quantity: Decimal | None = None
    unit_net: Decimal | None = None
    date: date | None = None
    substitute_sku: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class AnswerRequest:
    proposal_id: int
    accept: bool
    comment: str | None = None


def propose(viewer: Viewer, order_id: int, version: int | None,
            requests: list[ProposalRequest], comment: str | None = None) -> Order:
    note = text_of(comment, "comment", required=False)
    locked = lock(viewer, order_id, version, moderator=True)
    locked.require_state(*OPEN_STATES, action="changed by proposals")
    lines = {line.pk: line for line in OrderLine.objects.filter(order=locked.order)}
    units = {u.line_id: u for u in LineUnits.objects.filter(order=locked.order)}
    proposals = _validated(requests, lines, units)
    LineProposal.objects.filter(order=locked.order, status=ProposalStatus.OPEN).filter(
        _same_line_and_kind(proposals)).update(status=ProposalStatus.WITHDRAWN)
    _take(locked)
    for proposal in proposals:
        proposal.order = locked.order
        proposal.proposed_by = viewer.user
        proposal.before = line_edits.snapshot(lines[proposal.line_id],
                                              units.get(proposal.line_id))
        proposal.save()
        locked.say(DialogueKind.PROPOSAL, proposal.comment, proposal=proposal)
    if note:
        locked.say(DialogueKind.COMMENT, note)
    before = locked.state
    if before != ModerationState.AWAITING_BUYER:
        locked.move_to(ModerationState.AWAITING_BUYER)
    locked.save("PROPOSED", message=note, before={"moderation_state": before},
                after={"proposals": [_summary(p) for p in proposals]},
                fields=["moderator", "started_at"])
    return locked.order


def answer(viewer: Viewer, order_id: int, version: int | None,
           requests: list[AnswerRequest], comment: str | None = None) -> Order:
    note = text_of(comment, "comment", required=False)
    texts = [text_of(r.comment, f"answers.{i}.comment", required=False)
             for i, r in enumerate(requests)]
    if not requests:
        raise DomainValidationError.single(Code.REQUIRED, "Answer at least one proposal.",
                                           "answers")
    locked = lock(viewer, order_id, version, answerer=True)
    locked.require_state(ModerationState.AWAITING_BUYER, action="answered")
    found = {p.pk: p for p in LineProposal.objects.filter(
        order=locked.order, pk__in=[r.proposal_id for r in requests])}
    errors = ErrorCollector()
    for index, request in enumerate(requests):
        proposal = found.get(request.proposal_id)
        if proposal is None:
            errors.add(Code.NOT_FOUND, "No proposal with this ID on the order.",
                       f"answers.{index}.proposal")
        elif proposal.status != ProposalStatus.OPEN:
            errors.add(Code.PROPOSAL_NOT_OPEN, f"The proposal is already "
                       f"{ProposalStatus(proposal.status).label}.",
                       f"answers.{index}.proposal")
    if len({r.proposal_id for r in requests}) != len(requests):
        errors.add(Code.INVALID, "A proposal is answered twice.", "answers")
    errors.raise_if_any()
    lines = {line.pk: line for line in OrderLine.objects.filter(
        pk__in=[p.line_id for p in found.values()])}
    units = {u.line_id: u for u in LineUnits.objects.filter(line_id__in=lines)}
    now = timezone.now()
    grand_before = locked.order.grand_total_gross
    decided: dict[bool, list[dict[str, Any]]] = defaultdict(list)
    for request, text in zip(requests, texts, strict=True):
        proposal = found[request.proposal_id]
        if request.accept:
            line_edits.apply(locked.order, proposal, lines[proposal.line_id],
                             units[proposal.line_id])
        proposal.status = ProposalStatus.ACCEPTED if request.accept else ProposalStatus.DECLINED
        proposal.answered_by, proposal.answered_at = viewer.user, now
        proposal.answer_comment = text
        proposal.save(update_fields=["status", "answered_by", "answered_at", "answer_comment"])
        locked.say(DialogueKind.ACCEPTED if request.accept else DialogueKind.DECLINED, text,
                   proposal=proposal)
        decided[request.accept].append(_summary(proposal))
    if decided[True]:
        line_edits.recompute_totals(locked.order)
    if note:
        locked.say(DialogueKind.COMMENT, note)
    if not LineProposal.objects.filter(order=locked.order, status=ProposalStatus.OPEN).exists():
        locked.move_to(ModerationState.ON_MODERATION)
    locked.bump()
    if decided[True]:
        locked.record("PROPOSAL_ACCEPTED", message=note,
                      before={"grand_total_gross": str(grand_before)},
                      after={"grand_total_gross": str(locked.order.grand_total_gross),
                             "proposals": decided[True]})
    if decided[False]:
        locked.record("PROPOSAL_DECLINED", message="" if decided[True] else note,
                      after={"proposals": decided[False]})
    return locked.order


def _take(locked: Locked) -> None:
    """A proposal on an order nobody took yet takes it on moderation."""
    moderation = locked.moderation
    if moderation.moderator_id is None:
        moderation.moderator = locked.viewer.user
    if moderation.started_at is None:
        moderation.started_at = timezone.now()


def _same_line_and_kind(proposals: list[LineProposal]) -> Q:
    condition = Q(pk__in=[])
    for p in proposals:
        condition |= Q(line_id=p.line_id, kind=p.kind)
    return condition


def _validated(requests: list[ProposalRequest], lines: dict[int, OrderLine],
               units: dict[int, LineUnits]) -> list[LineProposal]:
    errors = ErrorCollector()
    if not requests:
        errors.add(Code.REQUIRED, "Propose at least one change.", "proposals")
    if len(requests) > MAX_PROPOSALS:
        errors.add(Code.INVALID, f"At most {MAX_PROPOSALS} proposals at once.", "proposals")
    errors.raise_if_any()
    seen: set[tuple[int, str]] = set()
    substitutes = {v.sku: v for v in ProductVariant.objects.select_related("product").filter(
        sku__in=[(r.substitute_sku or "").strip() for r in requests if r.substitute_sku])}
    built = []
    for index, request in enumerate(requests):
        field = f"proposals.{index}"
        line = lines.get(request.line_id)
        if line is None:
            errors.add(Code.NOT_FOUND, "No line with this ID on the order.", f"{field}.line")
            continue
        if (request.line_id, request.kind) in seen:
            errors.add(Code.INVALID, "Two proposals of one kind for one line.", field)
        seen.add((request.line_id, request.kind))
        comment = _comment(request.comment, f"{field}.comment", errors)
        proposal = LineProposal(line=line, kind=request.kind, comment=comment)
        problem = _problem(request, line, units.get(line.pk), substitutes, proposal)
        if problem is not None:
            errors.add(problem[0], problem[1], f"{field}.{problem[2]}")
        built.append(proposal)
    errors.raise_if_any()
    return built


def _comment(value: str | None, field: str, errors: ErrorCollector) -> str:
    try:
        return text_of(value, field, required=False)
    except DomainValidationError as exc:
        errors.add(Code.INVALID, exc.errors[0].message, field)
        return ""


def _problem(request: ProposalRequest, line: OrderLine, units: LineUnits | None,
             substitutes: dict[str, ProductVariant],
             proposal: LineProposal) -> tuple[Any, str, str] | None:
    """What is wrong with the request (code, message, field), filling ``proposal``."""
    kind = request.kind
    removed = units is not None and units.cancelled >= line.quantity
    if removed:
        return Code.WRONG_STATE, "The line is removed: every unit is cancelled.", "line"
    if kind == ProposalKind.QUANTITY:
        if request.quantity is None:
            return Code.REQUIRED, "Propose the quantity.", "quantity"
        if request.quantity <= 0:
            return Code.INVALID, "The quantity is above zero (to drop the line, propose " \
                                 "REMOVE).", "quantity"
        if request.quantity == line.quantity:
            return Code.INVALID, "The line already has this quantity.", "quantity"
        proposal.quantity = request.quantity
    elif kind == ProposalKind.PRICE:
        if request.unit_net is None:
            return Code.REQUIRED, "Propose the unit price.", "unit_net"
        if request.unit_net < 0:
            return Code.INVALID, "The unit price is not negative.", "unit_net"
        proposal.unit_net = request.unit_net
    elif kind == ProposalKind.DATE:
        if request.date is None:
            return Code.REQUIRED, "Propose the date.", "date"
        if request.date < timezone.localdate():
            return Code.INVALID, "The date is in the past.", "date"
        proposal.date = request.date
    elif kind == ProposalKind.SUBSTITUTE:
        sku = (request.substitute_sku or "").strip()
        if not sku:
            return Code.REQUIRED, "Name the substitute's SKU.", "substitute_sku"
        variant = substitutes.get(sku)
        if variant is None:
            return Code.NOT_FOUND, f"No product with SKU {sku}.", "substitute_sku"
        if variant.pk == line.variant_id:
            return Code.INVALID, "The line already holds this product.", "substitute_sku"
        if request.unit_net is not None and request.unit_net < 0:
            return Code.INVALID, "The unit price is not negative.", "unit_net"
        proposal.substitute = variant
        proposal.substitute_sku = variant.sku
        proposal.substitute_name = variant.name or variant.product.name
        proposal.unit_net = request.unit_net
    return None


def _summary(proposal: LineProposal) -> dict[str, Any]:
    after: dict[str, Any] = {"id": proposal.pk, "line_id": proposal.line_id,
                             "sku": proposal.before.get("sku", ""), "kind": proposal.kind}
    for key, value in (("quantity", proposal.quantity), ("unit_net", proposal.unit_net),
                       ("date", proposal.date), ("substitute_sku", proposal.substitute_sku)):
        if value not in (None, ""):
            after[key] = str(value) if not isinstance(value, date) else value.isoformat()
    return after
