"""The plugin's demo data (``manage.py demo`` runs ``load_demo`` after the demo orders and
the order workflow's demo): the demo's order events, recorded silenced (nobody e-mailed),
become in-app notifications of the people they concern, so the bell and the list have
something to show; those older than two days are read. No e-mail. Events already told
are skipped: loading again creates nothing."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from backend.orders.models import OrderEvent

from .models import Notification
from .recipients import RULES
from .services.delivery import decide, load_event


def load_demo() -> int:
    """Tell the events not told yet, in the portal only; the number of notifications."""
    told = Notification.objects.filter(event_id=OuterRef("pk"))
    pending = (OrderEvent.objects.filter(event_type__in=list(RULES))
               .exclude(Exists(told)).order_by("pk").values_list("pk", flat=True))
    created, told_now = 0, []
    for event_id in pending:
        event = load_event(event_id)
        if event is not None:
            created += decide(event, email=False)
            told_now.append(event_id)
    # The notifications keep their events' times, so the list reads as the orders happened.
    read_before = timezone.now() - timedelta(days=2)
    for note in Notification.objects.filter(event_id__in=told_now).select_related("event"):
        note.created_at = note.event.created_at
        if note.created_at < read_before:
            note.read_at = note.created_at + timedelta(hours=1)
        note.save(update_fields=["created_at", "read_at"])
    return created
