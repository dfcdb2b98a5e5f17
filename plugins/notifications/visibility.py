"""Who sees which notifications: the only place that decides. A notification is its
recipient's alone, whichever organization they act for (a person told of two
organizations' orders reads both lists in one); its order is shown through the orders'
own visibility (``Notification.order``: null once the viewer may not see it)."""

from __future__ import annotations

from django.db.models import QuerySet

from backend.core.viewer import Viewer

from .models import Notification


def visible_notifications(viewer: Viewer) -> QuerySet[Notification]:
    if viewer.user is None:
        return Notification.objects.none()
    return Notification.objects.filter(recipient_id=viewer.user.pk)
