"""The invoice list's filters (``invoices(filter:)``): they narrow what
``visibility.visible_invoices`` lets the viewer see, never widen it.

A status is read as the list shows it: an UNPAID invoice past its due date is OVERDUE
before the daily task marks it so (``schema/invoices.py`` answers the same)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from backend.core.viewer import Viewer

from .models import Invoice, InvoiceStatus
from .services.numbers import number_condition
from .visibility import visible_invoices

OPEN = (InvoiceStatus.UNPAID, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE)


def shown_status(invoice: Invoice, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    if invoice.status == InvoiceStatus.UNPAID and invoice.due_on < today:
        return InvoiceStatus.OVERDUE
    return invoice.status


def overdue_days(invoice: Invoice, today: datetime.date | None = None) -> int | None:
    today = today or timezone.localdate()
    if invoice.status in OPEN and invoice.due_on < today:
        return (today - invoice.due_on).days
    return None


def _status_condition(statuses: Iterable[str], today: datetime.date) -> Q:
    condition = Q(pk__in=[])
    for status in statuses:
        if status == InvoiceStatus.OVERDUE:
            condition |= Q(status=InvoiceStatus.OVERDUE) | Q(status=InvoiceStatus.UNPAID,
                                                             due_on__lt=today)
        elif status == InvoiceStatus.UNPAID:
            condition |= Q(status=InvoiceStatus.UNPAID, due_on__gte=today)
        else:
            condition |= Q(status=status)
    return condition


def _search_condition(text: str) -> Q:
    condition = Q(buyer__name__icontains=text) | Q(buyer__inn__startswith=text)
    by_number = number_condition(text)
    return condition | by_number if by_number is not None else condition


def listed_invoices(viewer: Viewer, values: Mapping[str, Any]) -> QuerySet[Invoice]:
    """``values``: account, order (ids), status (a list), search, issued_from, issued_to,
    overdue_only. Newest first."""
    today = timezone.localdate()
    rows = visible_invoices(viewer)
    if values.get("account") is not None:
        rows = rows.filter(account_id=values["account"])
    if values.get("order") is not None:
        rows = rows.filter(order_id=values["order"])
    if values.get("status"):
        rows = rows.filter(_status_condition(values["status"], today))
    search = (values.get("search") or "").strip()
    if search:
        rows = rows.filter(_search_condition(search))
    if values.get("issued_from"):
        rows = rows.filter(issued_on__gte=values["issued_from"])
    if values.get("issued_to"):
        rows = rows.filter(issued_on__lte=values["issued_to"])
    if values.get("overdue_only"):
        rows = rows.filter(status__in=OPEN, due_on__lt=today)
    return rows.order_by("-issued_on", "-pk")
