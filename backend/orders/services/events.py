"""Every change to an order is an event: who, as which organization, on whose behalf, when,
what, the values before and after. ``record`` writes it inside the caller's transaction
and schedules what follows a committed change: the ``order_event`` plugin hook (the
notifications plugin tells people from there). A rolled-back change leaves neither event
nor message. Inside ``notifications.silenced()`` the event is marked ``silent``: the hook
still hears it, and the notifications leave it untold.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from backend.core.plugins.manager import get_plugins_manager

from ..models import Order, OrderEvent
from .notifications import is_silenced


def record(order: Order, event_type: str, *, user: Any = None, acting_as: Any = None,
           message: str = "", before: Mapping[str, Any] | None = None,
           after: Mapping[str, Any] | None = None) -> OrderEvent:
    """Write the event; the hook runs after commit."""
    on_behalf_of = order.buyer_id if order.on_behalf else None
    event = OrderEvent.objects.create(
        order=order, event_type=str(event_type), user=user,
        acting_as_id=getattr(acting_as, "pk", acting_as), on_behalf_of_id=on_behalf_of,
        message=message, before=dict(before or {}), after=dict(after or {}))
    event.order = order
    event.silent = is_silenced()  # type: ignore[attr-defined]
    get_plugins_manager().run("order_event", None, event)
    return event
