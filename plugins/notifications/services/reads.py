"""Read marks: a person marks their own notifications read."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from ..models import Notification


def mark_read(notifications: QuerySet[Notification]) -> int:
    """Mark the unread ones among ``notifications`` read now; how many changed."""
    return notifications.filter(read_at__isnull=True).update(read_at=timezone.now())


def unread_count(notifications: QuerySet[Notification]) -> int:
    return notifications.filter(read_at__isnull=True).count()
