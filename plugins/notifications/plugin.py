"""The notifications' plugin: every committed order event (``order_event``, run after
commit) is handed to one Celery task, which tells the people it concerns in the portal
and by e-mail (``tasks.deliver_event``)."""

from __future__ import annotations

import logging

from backend.core.plugins import BasePlugin
from backend.orders.models import OrderEvent

from .recipients import RULES
from .tasks import deliver_event

logger = logging.getLogger(__name__)


class Plugin(BasePlugin):
    PLUGIN_ID = "notifications"
    PLUGIN_NAME = "Notifications"

    def order_event(self, event: OrderEvent, *, previous_value: None) -> None:
        # The demo's history (``notifications.silenced``) and types that tell nobody.
        if getattr(event, "silent", False) or event.event_type not in RULES:
            return
        try:
            deliver_event.delay(event.pk)
        except Exception:  # the broker is down: the change is committed, log the loss
            logger.exception("order event notification could not be queued",
                             extra={"event_id": event.pk, "event_type": event.event_type})
