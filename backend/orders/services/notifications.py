"""Who is told of an order's event, by e-mail, after commit (``events.record`` calls
``notify`` once the change is committed; a rolled-back change sends nothing).

- APPROVAL_REQUESTED: the buyer's approvers (``people.order_approvers``).
- APPROVED: the placer (with the approver's comment), and, as the order now reaches the
  seller, those who take it.
- REJECTED: the placer, with the reason.
- PLACED: those who take it (``people.order_takers``): the manufacturer's staff with
  MODERATE_ORDERS, or the dealer's admins for its sub-dealers' orders.

Each recipient gets one letter in their own language (``letters.py``); whoever caused the
event gets none. Other events (a
plugin's, notes) send nothing here; the ``order_event`` hook hears every one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from backend.accounts.models import User
from backend.core.mail import send_email_after_commit

from ..models import OrderEvent, OrderEventType
from ..people import order_approvers, order_takers
from .letters import language_of, letter

_silenced: ContextVar[bool] = ContextVar("order_notifications_silenced", default=False)


@contextmanager
def silenced() -> Iterator[None]:
    """No e-mail for the events committed inside: the demo's orders are history nobody
    should be written to about (the ``order_event`` hook still hears them)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def notify(event_id: int) -> None:
    """Send the e-mails event ``event_id`` calls for."""
    if _silenced.get():
        return
    event = (OrderEvent.objects
             .select_related("user", "order", "order__buyer", "order__seller",
                             "order__placed_by")
             .filter(pk=event_id).first())
    if event is None:
        return
    order = event.order
    kind = event.event_type
    if kind == OrderEventType.APPROVAL_REQUESTED:
        _send(event, kind, order_approvers(order.buyer_id, order.placed_by_id))
    elif kind in (OrderEventType.APPROVED, OrderEventType.REJECTED):
        _send(event, kind, [order.placed_by])
    if kind in (OrderEventType.PLACED, OrderEventType.APPROVED):
        _send(event, OrderEventType.PLACED, order_takers(order.seller))


def _send(event: OrderEvent, kind: str, recipients: Iterable[User]) -> None:
    for user in recipients:
        # Nobody is told of what they did themselves (a dealer's admin ordering for its
        # sub-dealer takes the order it placed).
        if not user.is_active or not user.email or user.pk == event.user_id:
            continue
        message = letter(event, kind, language_of(user))
        send_email_after_commit([user.email], message.subject, message.body)
