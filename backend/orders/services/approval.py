"""The buyer's internal approval: an order above its placer's spending limit waits
(AWAITING_APPROVAL) until an approver of the buyer lets it go to the seller (PLACED,
event APPROVED) or refuses it with a reason (REJECTED, event REJECTED), which gives back
the stock and the incoming supply the order took when it was placed.

Who may answer: an active member of the order's buyer, acting for it, whose role holds
APPROVE_ORDERS, other than the placer (``people.py``). An order the viewer may not see is
NOT_FOUND, as one that does not exist; one it sees but may not answer (a dealer looking at
its sub-dealer's order, a buyer at its own) is PERMISSION_DENIED.

The order row is locked (FOR UPDATE) before its status is read, so of an approval and a
rejection sent at once one waits for the other and then finds the order no longer
waiting (NOT_AWAITING_APPROVAL): exactly one wins, and stock is given back at most once.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from backend.core.errors import DomainValidationError
from backend.core.permissions import OrgPerm
from backend.core.plugins.manager import get_plugins_manager
from backend.core.viewer import Viewer
from inventory.services import locks

from ..errors import OrdersErrorCode as Code
from ..models import Order, OrderEventType, OrderStatus
from ..numbers import format_number
from ..visibility import visible_orders
from . import events
from .stock import order_plan

COMMENT_MAX_LENGTH = 2000


def may_approve(viewer: Viewer, order: Order) -> bool:
    """Whether ``viewer`` may answer for ``order`` (whatever its status)."""
    organization, user = viewer.organization, viewer.user
    return (user is not None and organization is not None
            and organization.pk == order.buyer_id and order.placed_by_id != user.pk
            and viewer.can(OrgPerm.APPROVE_ORDERS))


def approve(viewer: Viewer, order: Order | int, comment: str | None = "") -> Order:
    """Send the waiting ``order`` to the seller: PLACED, event APPROVED."""
    text = _comment(comment, required=False)
    with transaction.atomic():
        locked = _waiting_order(viewer, order)
        _decide(viewer, locked, OrderStatus.PLACED, text)
        get_plugins_manager().run("order_submitted", None, locked)
        events.record(locked, OrderEventType.APPROVED, user=viewer.user,
                      acting_as=viewer.organization, message=text,
                      before={"status": OrderStatus.AWAITING_APPROVAL.value},
                      after={"status": OrderStatus.PLACED.value})
    return locked


def reject(viewer: Viewer, order: Order | int, comment: str | None) -> Order:
    """Refuse the waiting ``order`` with a reason: REJECTED, event REJECTED; its stock
    and pre-ordered supply are released. An order that does not wait for the buyer's
    approval goes to the ``order_reject`` hook first: the order workflow rejects an
    order its seller moderates (the seller's rejection)."""
    with transaction.atomic():
        seller_rejected = _rejected_by_plugin(viewer, order, comment)
        if seller_rejected is not None:
            return seller_rejected
        text = _comment(comment, required=True)
        locked = _waiting_order(viewer, order)
        _decide(viewer, locked, OrderStatus.REJECTED, text)
        locks.release(order_plan(locked), reference=format_number(locked.year, locked.serial),
                      user=viewer.user, organization=viewer.organization)
        events.record(locked, OrderEventType.REJECTED, user=viewer.user,
                      acting_as=viewer.organization, message=text,
                      before={"status": OrderStatus.AWAITING_APPROVAL.value},
                      after={"status": OrderStatus.REJECTED.value})
    return locked


def _rejected_by_plugin(viewer: Viewer, order: Order | int,
                        comment: str | None) -> Order | None:
    """The ``order_reject`` hook's answer for a visible order past the buyer's approval,
    locked; None when there is none (the core's checks follow)."""
    pk: Any = getattr(order, "pk", order)
    locked = visible_orders(viewer).select_for_update(of=("self",)).filter(pk=pk).first()
    if locked is None or locked.status == OrderStatus.AWAITING_APPROVAL:
        return None
    rejected: Order | None = get_plugins_manager().run("order_reject", None, viewer, locked,
                                                       comment or "")
    return rejected


def _comment(comment: str | None, *, required: bool) -> str:
    text = (comment or "").strip()
    if required and not text:
        raise DomainValidationError.single(
            Code.COMMENT_REQUIRED, "Say why the order is rejected: the buyer reads it.",
            "comment")
    if len(text) > COMMENT_MAX_LENGTH:
        raise DomainValidationError.single(
            Code.INVALID, f"The comment is longer than {COMMENT_MAX_LENGTH} characters.",
            "comment")
    return text


def _waiting_order(viewer: Viewer, order: Order | int) -> Order:
    """The order, locked, if the viewer sees it, may answer for it and it is waiting."""
    pk: Any = getattr(order, "pk", order)
    locked = (visible_orders(viewer).select_for_update(of=("self",))
              .select_related("buyer").filter(pk=pk).first())
    if locked is None:
        raise DomainValidationError.single(Code.NOT_FOUND, "No order with this ID.", "id")
    if not may_approve(viewer, locked):
        raise DomainValidationError.single(
            Code.PERMISSION_DENIED,
            "Only an approver of the buyer, acting for it, answers for its orders; never "
            "the one who placed the order.", "id")
    if locked.status != OrderStatus.AWAITING_APPROVAL:
        raise DomainValidationError.single(
            Code.NOT_AWAITING_APPROVAL,
            f"Order {format_number(locked.year, locked.serial)} is not waiting for approval "
            f"(it is {OrderStatus(locked.status).label}).", "id")
    return locked


def _decide(viewer: Viewer, order: Order, status: OrderStatus, comment: str) -> None:
    order.status = status
    order.decided_by = viewer.user
    order.decided_at = timezone.now()
    order.decision_comment = comment
    order.save(update_fields=["status", "decided_by", "decided_at", "decision_comment",
                              "updated_at"])
