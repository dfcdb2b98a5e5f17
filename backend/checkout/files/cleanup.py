"""Uploaded order files are kept only while someone maps them: a periodic task deletes
those older than ORDER_FILE_KEEP_HOURS (the rows of a 100,000-row file are megabytes of
JSON nobody needs once its lines are in the cart)."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from ..models import OrderFile


@shared_task(name="checkout.delete_old_order_files")
def delete_old_order_files() -> int:
    """Delete the order files uploaded more than ORDER_FILE_KEEP_HOURS ago; how many."""
    hours = int(getattr(settings, "ORDER_FILE_KEEP_HOURS", 24))
    deleted, _ = OrderFile.objects.filter(
        created_at__lt=timezone.now() - timedelta(hours=hours)).delete()
    return deleted
