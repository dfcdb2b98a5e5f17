"""INTERIM, for the lead to swap at merge: a minimal stand-in for
``plugins.credit.services.status.refresh_status`` (helper ``invoices``): an invoice's
status from its allocations and the date, and its order's payment status from the order's
invoices. ``services/payments.py`` calls it as ``interim.refresh_status``; once the
invoices part is merged, that call becomes ``status.refresh_status`` and this module goes.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from backend.orders.models import Order, PaymentStatus

from ..models import Invoice, InvoiceStatus, PaymentAllocation

ZERO = Decimal("0.00")


def refresh_status(invoice: Invoice) -> None:
    """The invoice's status from its allocations and the date, then its order's."""
    if invoice.status != InvoiceStatus.CANCELLED:
        paid = PaymentAllocation.objects.filter(invoice=invoice).aggregate(
            s=Sum("amount"))["s"] or ZERO
        today = timezone.localdate()
        if paid >= invoice.total_gross:
            status = InvoiceStatus.PAID
        elif paid > 0:
            status = InvoiceStatus.PARTIALLY_PAID
        elif invoice.due_on < today:
            status = InvoiceStatus.OVERDUE
        else:
            status = InvoiceStatus.UNPAID
        invoice.status = status
        invoice.paid_at = (invoice.paid_at or timezone.now()) if status == "PAID" else None
        invoice.save(update_fields=["status", "paid_at", "updated_at"])
    if invoice.order_id is not None:
        _refresh_order(invoice.order_id)


def _refresh_order(order_id: int) -> None:
    statuses = set(Invoice.objects.filter(order_id=order_id).exclude(
        status=InvoiceStatus.CANCELLED).values_list("status", flat=True))
    if not statuses:
        return
    if statuses == {InvoiceStatus.PAID}:
        status = PaymentStatus.PAID
    elif statuses & {InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID}:
        status = PaymentStatus.PARTIALLY_PAID
    elif InvoiceStatus.OVERDUE in statuses:
        status = PaymentStatus.OVERDUE
    else:
        status = PaymentStatus.UNPAID
    Order.objects.filter(pk=order_id).update(payment_status=status)
