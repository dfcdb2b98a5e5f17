"""The seller's moderation of an order, and its ends.

- ``start``: one of the seller's moderators takes a SUBMITTED order (ON_MODERATION).
- ``comment``: either side writes in the dialogue (not on a closed order).
- ``confirm``: from SUBMITTED or ON_MODERATION, never with proposals open (those make it
  AWAITING_BUYER): the stock the order holds is reconciled with what the accepted
  proposals changed (``stock_sync``) and the buyer's credit asked again (the
  ``credit_check`` hook) for what the grand total grew since it was placed; an
  OUT_OF_STOCK or CREDIT_REFUSED leaves everything as it was.
- ``reject`` (the seller, through ``orderReject`` and the ``order_reject`` hook) and
  ``cancel`` (the buyer while the order is open; the seller until a unit has shipped):
  a reason is required; open proposals are withdrawn, the units left are CANCELLED and
  the stock still held is given back; ``Order.status`` follows (REJECTED, CANCELLED).

Proposals and answers are ``proposals.py``; the locking and the version ``locking.py``.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from backend.core.errors import DomainValidationError
from backend.core.plugins.manager import get_plugins_manager
from backend.core.viewer import Viewer
from backend.orders.credit import CreditHold, hold_of
from backend.orders.models import Order, OrderEvent, OrderStatus, PaymentStatus

from ..errors import WorkflowErrorCode as Code
from ..models import (
    OPEN_STATES,
    DialogueKind,
    LineProposal,
    LineUnits,
    ModerationState,
    ProposalStatus,
)
from .locking import Locked, lock, text_of
from .stock_sync import reconcile, release_all

SHIPPED_COLUMNS = ("shipped", "delivered", "at_dealer", "sold")


def start(viewer: Viewer, order_id: int, version: int | None = None) -> Order:
    locked = lock(viewer, order_id, version, moderator=True)
    moderation = locked.moderation
    if moderation.state != ModerationState.SUBMITTED:
        who = moderation.moderator.full_name if moderation.moderator else ""
        raise DomainValidationError.single(
            Code.WRONG_STATE, f"Order {locked.number} is already "
            f"{ModerationState(moderation.state).label}{f' ({who})' if who else ''}.", "id")
    moderation.moderator = viewer.user
    moderation.started_at = timezone.now()
    locked.move_to(ModerationState.ON_MODERATION)
    locked.save("MODERATION_STARTED", before={"moderation_state": ModerationState.SUBMITTED},
                fields=["moderator", "started_at"])
    return locked.order


def comment(viewer: Viewer, order_id: int, version: int | None, text: str | None) -> Order:
    body = text_of(text, "text", required=True, what="Write the comment.")
    locked = lock(viewer, order_id, version, moderator=True, answerer=True)
    locked.require_state(*OPEN_STATES, ModerationState.CONFIRMED, action="commented on")
    locked.say(DialogueKind.COMMENT, body)
    locked.save("COMMENTED", message=body, after={"side": locked.side})
    return locked.order


def confirm(viewer: Viewer, order_id: int, version: int | None,
            text: str | None = None) -> Order:
    note = text_of(text, "comment", required=False)
    locked = lock(viewer, order_id, version, moderator=True)
    if locked.state == ModerationState.AWAITING_BUYER:
        raise DomainValidationError.single(
            Code.WRONG_STATE, f"Order {locked.number} waits for the buyer's answer to the "
                              "open proposals; it cannot be confirmed yet.", "id")
    locked.require_state(ModerationState.SUBMITTED, ModerationState.ON_MODERATION,
                         action="confirmed")
    order = locked.order
    if order.credit_hold == CreditHold.CARD_REQUIRED and order.payment_status != \
            PaymentStatus.PAID:
        raise DomainValidationError.single(
            Code.PAYMENT_REQUIRED, f"Order {locked.number} is over the buyer's credit limit "
                                   "and waits for the buyer's card payment.", "id")
    changes = reconcile(order, user=viewer.user, organization=viewer.organization)
    _check_credit(locked)
    before = locked.state
    moderation = locked.moderation
    moderation.confirmed_at = timezone.now()
    if moderation.moderator_id is None:
        moderation.moderator = viewer.user
        moderation.started_at = moderation.started_at or moderation.confirmed_at
    locked.move_to(ModerationState.CONFIRMED, note)
    locked.save("CONFIRMED", message=note, before={"moderation_state": before},
                after={"stock": changes, "grand_total_gross": str(order.grand_total_gross)},
                fields=["confirmed_at", "moderator", "started_at", "over_credit"])
    get_plugins_manager().run("order_confirmed", None, order)
    return order


def _check_credit(locked: Locked) -> None:
    """The credit hook asked again for the whole grand total (the order's own exposure
    left out) when it grew since placing; over the limit, the moderator's confirmation is
    the decision, and the order is flagged over credit."""
    order = locked.order
    first = (OrderEvent.objects.filter(order=order, event_type="PROPOSAL_ACCEPTED")
             .order_by("created_at", "pk").values_list("before", flat=True).first())
    if not first or "grand_total_gross" not in first:
        return
    growth = order.grand_total_gross - Decimal(first["grand_total_gross"])
    if growth <= 0:
        return
    verdict = get_plugins_manager().run("credit_check", None, order.buyer, order.seller,
                                        order.grand_total_gross, order.currency, order.pk)
    if hold_of(verdict, Code.CREDIT_REFUSED) != CreditHold.NONE:
        locked.moderation.over_credit = True


def reject(viewer: Viewer, order_id: int, reason: str | None) -> Order:
    """The seller's rejection (``orderReject`` of an order it moderates)."""
    text = text_of(reason, "comment", required=True, code="COMMENT_REQUIRED",
                   what="Say why the order is rejected: the buyer reads it.")
    locked = lock(viewer, order_id, None, moderator=True)
    locked.require_state(*OPEN_STATES, action="rejected")
    previous = _close(locked, ModerationState.REJECTED, OrderStatus.REJECTED, text)
    locked.save("SELLER_REJECTED", message=text, before={"moderation_state": previous},
                after={"status": OrderStatus.REJECTED.value},
                fields=["reason", "closed_at"])
    return locked.order


def cancel(viewer: Viewer, order_id: int, version: int | None, reason: str | None) -> Order:
    """The buyer while the order is open; the seller's moderator until a unit shipped."""
    text = text_of(reason, "reason", required=True, code=Code.REASON_REQUIRED,
                   what="Say why the order is cancelled: the other side reads it.")
    locked = lock(viewer, order_id, version, moderator=True, answerer=True)
    if locked.side == "SELLER":
        locked.require_state(*OPEN_STATES, ModerationState.CONFIRMED, action="cancelled")
        if _shipped(locked.order):
            raise DomainValidationError.single(
                Code.WRONG_STATE, f"Units of order {locked.number} have shipped; it cannot "
                                  "be cancelled.", "id")
    else:
        locked.require_state(*OPEN_STATES, action="cancelled by the buyer")
    previous = _close(locked, ModerationState.CANCELLED, OrderStatus.CANCELLED, text)
    locked.save("CANCELLED", message=text, before={"moderation_state": previous},
                after={"status": OrderStatus.CANCELLED.value, "side": locked.side},
                fields=["reason", "closed_at"])
    return locked.order


def _shipped(order: Order) -> bool:
    rows = LineUnits.objects.filter(order=order).values_list(*SHIPPED_COLUMNS)
    return any(any(row) for row in rows)


def _close(locked: Locked, state: ModerationState, status: OrderStatus, reason: str) -> str:
    """Closes the order in ``state``; returns the state it left."""
    order, moderation = locked.order, locked.moderation
    previous = moderation.state
    release_all(order, confirmed=moderation.state == ModerationState.CONFIRMED,
                user=locked.viewer.user, organization=locked.viewer.organization)
    LineProposal.objects.filter(order=order, status=ProposalStatus.OPEN).update(
        status=ProposalStatus.WITHDRAWN)
    LineUnits.objects.filter(order=order).update(
        cancelled=F("cancelled") + F("pending") + F("in_production") + F("ready"),
        pending=0, in_production=0, ready=0)
    moderation.reason = reason
    moderation.closed_at = timezone.now()
    order.status = status
    order.save(update_fields=["status", "updated_at"])
    locked.move_to(state, reason)
    return previous
