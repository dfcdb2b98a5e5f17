"""What every moderation write does first and last.

First: the order row is locked (SELECT ... FOR UPDATE on orders_order, as the approval
does), then its moderation is read, then the viewer's part in it is checked, then the
``version`` the client read is compared with the current one. Two moderators acting at
once queue on the order's lock; the second reads what the first wrote, so it gets
CONCURRENT_CHANGE (it sent the version it read) or WRONG_STATE (the action no longer fits),
never a half-applied change. An order the viewer may not see is NOT_FOUND, as one that does
not exist; one it sees but has no part in is PERMISSION_DENIED.

Last: ``Write`` bumps the version once, and writes the dialogue entries and the order
event of the change (``after`` always carries ``moderation_state``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer
from backend.orders.models import Order, OrderEvent
from backend.orders.numbers import format_number
from backend.orders.services import events
from backend.orders.visibility import visible_orders

from ..errors import WorkflowErrorCode as Code
from ..models import DialogueEntry, DialogueKind, DialogueSide, ModerationState, OrderModeration
from ..people import may_answer, may_moderate

TEXT_MAX_LENGTH = 2000


@dataclass
class Locked:
    """An order locked for a moderation write, its moderation, and the viewer's side."""

    viewer: Viewer
    order: Order
    moderation: OrderModeration
    side: str  # DialogueSide

    @property
    def number(self) -> str:
        return format_number(self.order.year, self.order.serial)

    @property
    def state(self) -> str:
        return self.moderation.state

    def require_state(self, *states: str, action: str) -> None:
        if self.moderation.state not in states:
            raise DomainValidationError.single(
                Code.WRONG_STATE,
                f"Order {self.number} cannot be {action}: it is "
                f"{ModerationState(self.moderation.state).label}.", "id")

    def say(self, kind: str, text: str = "", *, proposal: Any = None,
            state: str = "") -> DialogueEntry:
        return DialogueEntry.objects.create(
            order=self.order, kind=kind, side=self.side, author=self.viewer.user,
            author_organization_id=getattr(self.viewer.organization, "pk", None),
            text=text, proposal=proposal, state=state)

    def move_to(self, state: str, text: str = "") -> None:
        """The new state, with its STATE entry in the dialogue."""
        self.moderation.state = state
        self.say(DialogueKind.STATE, text, state=state)

    def save(self, event_type: str, *, message: str = "",
             before: Mapping[str, Any] | None = None,
             after: Mapping[str, Any] | None = None,
             fields: Iterable[str] = ()) -> OrderEvent:
        """The version bumped, the moderation saved, the event recorded."""
        self.bump(fields)
        return self.record(event_type, message=message, before=before, after=after)

    def bump(self, fields: Iterable[str] = ()) -> None:
        """Once per write: the version up, the moderation saved."""
        self.moderation.version += 1
        self.moderation.save(update_fields=["state", "version", "updated_at", *fields])

    def record(self, event_type: str, *, message: str = "",
               before: Mapping[str, Any] | None = None,
               after: Mapping[str, Any] | None = None) -> OrderEvent:
        return events.record(
            self.order, event_type, user=self.viewer.user,
            acting_as=self.viewer.organization, message=message, before=before,
            after={**(after or {}), "moderation_state": self.moderation.state})


def lock(viewer: Viewer, order_id: int, version: int | None, *,
         moderator: bool = False, answerer: bool = False) -> Locked:
    """The order locked for the viewer, who must be one of the seller's moderators
    (``moderator``) or answer for the buyer (``answerer``), or either when both are
    asked; ``version`` (when given) the current one."""
    order = (visible_orders(viewer).select_for_update(of=("self",))
             .select_related("seller", "buyer").filter(pk=order_id).first())
    moderation = (None if order is None else
                  OrderModeration.objects.filter(order_id=order.pk).first())
    if order is None or moderation is None:
        raise DomainValidationError.single(Code.NOT_FOUND, "No order on moderation with "
                                                           "this ID.", "id")
    side = _side(viewer, order, moderator=moderator, answerer=answerer)
    locked = Locked(viewer, order, moderation, side)
    if version is not None and version != moderation.version:
        raise DomainValidationError.single(Code.CONCURRENT_CHANGE, changed_by(order.pk),
                                           "version")
    return locked


def _side(viewer: Viewer, order: Order, *, moderator: bool, answerer: bool) -> str:
    if moderator and may_moderate(viewer, order.seller_id, order.seller.parent_id is None):
        return DialogueSide.SELLER
    if answerer and may_answer(viewer, order.buyer_id):
        return DialogueSide.BUYER
    who = " or ".join(part for part, asked in (
        ("the seller's moderators", moderator), ("the buyer's members who place or "
                                                 "approve its orders", answerer)) if asked)
    raise DomainValidationError.single(Code.PERMISSION_DENIED,
                                       f"Only {who} may do this.", "id")


def changed_by(order_id: int) -> str:
    """CONCURRENT_CHANGE's message: who changed the order last, and when (every write to
    an order records its event, so the last event with a person says both)."""
    last = (OrderEvent.objects.filter(order_id=order_id, user__isnull=False)
            .select_related("user").order_by("-created_at", "-pk").first())
    if last is None:
        return "The order was changed; reload it."
    name = last.user.full_name or last.user.email
    when = timezone.localtime(last.created_at).strftime("%Y-%m-%d %H:%M")
    return f"The order was changed by {name} at {when}; reload it."


def text_of(value: str | None, field: str, *, required: bool,
            code: Any = Code.REQUIRED, what: str = "Write the text.") -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainValidationError.single(code, what, field)
    if len(text) > TEXT_MAX_LENGTH:
        raise DomainValidationError.single(
            Code.INVALID, f"The text is longer than {TEXT_MAX_LENGTH} characters.", field)
    return text
