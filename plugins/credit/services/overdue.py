"""Invoices past their due date, marked OVERDUE once a day (``tasks.mark_overdue``): each
under its account's lock, its status recomputed (an invoice partly paid stays
PARTIALLY_PAID, one paid meanwhile is PAID), and for an invoice of an order an order event
INVOICE_OVERDUE, which the notifications plugin tells the buyer and its accountants."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from backend.orders.services import events

from ..models import CreditAccount, Invoice, InvoiceStatus
from .numbers import format_number
from .status import refresh_status


def _mark(invoice_id: int, today: datetime.date) -> bool:
    with transaction.atomic():
        account_id = Invoice.objects.values_list("account_id", flat=True).get(pk=invoice_id)
        CreditAccount.objects.select_for_update().get(pk=account_id)
        invoice = Invoice.objects.select_related("order").get(pk=invoice_id)
        if invoice.status != InvoiceStatus.UNPAID:
            return False
        if refresh_status(invoice, today) != InvoiceStatus.OVERDUE:
            return False
        if invoice.order is not None:
            events.record(invoice.order, "INVOICE_OVERDUE", after={
                "invoice": invoice.pk, "due_on": invoice.due_on.isoformat(),
                "invoice_numbers": {language: format_number(invoice.year, invoice.serial,
                                                            language)
                                    for language in ("ru", "en")}})
        return True


def mark_overdue(today: datetime.date | None = None) -> int:
    """Mark the unpaid invoices due before ``today``; answers how many."""
    today = today or timezone.localdate()
    due = list(Invoice.objects.filter(status=InvoiceStatus.UNPAID, due_on__lt=today)
               .order_by("due_on", "pk").values_list("pk", flat=True))
    return sum(_mark(pk, today) for pk in due)
