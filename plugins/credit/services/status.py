"""An invoice's payment status and its order's, recomputed from the allocations and the
date (never incremented): called after every allocation (payments, card payments, issuing
with advances, refunds) and by the daily overdue task. It keeps the allocations' sum on
the invoice too (``paid_total``), for the receivables monitor's sorts.

Invoice: PAID when its allocations cover ``total_gross`` (``paid_at`` set then),
PARTIALLY_PAID when some, else OVERDUE once ``due_on`` has passed, else UNPAID. A
CANCELLED invoice stays so.

Order (``Order.payment_status``) from its invoices that are not cancelled: all PAID ->
PAID; any amount paid -> PARTIALLY_PAID; any overdue -> OVERDUE; else UNPAID. An order
with no invoice yet follows the payments naming it (a CARD_REQUIRED order paid by card
before it is confirmed and invoiced is PAID).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from backend.orders.models import Order, PaymentStatus

from ..models import Invoice, InvoiceStatus, Payment

ZERO = Decimal("0.00")


def status_of(total_gross: Decimal, paid: Decimal, due_on: datetime.date,
              today: datetime.date) -> str:
    """The status of an invoice that is not cancelled (pure)."""
    if paid >= total_gross:
        return InvoiceStatus.PAID
    if paid > 0:
        return InvoiceStatus.PARTIALLY_PAID
    if due_on < today:
        return InvoiceStatus.OVERDUE
    return InvoiceStatus.UNPAID


def paid_amount(invoice: Invoice) -> Decimal:
    return invoice.allocations.aggregate(total=Sum("amount"))["total"] or ZERO


def refresh_status(invoice: Invoice, today: datetime.date | None = None, *,
                   with_order: bool = True) -> str:
    """Recompute and save ``invoice.status`` (and ``paid_at``), then its order's payment
    status. Answers the status."""
    if invoice.status == InvoiceStatus.CANCELLED:
        return invoice.status
    today = today or timezone.localdate()
    paid = paid_amount(invoice)
    status = status_of(invoice.total_gross, paid, invoice.due_on, today)
    paid_at = (invoice.paid_at or timezone.now()) if status == InvoiceStatus.PAID else None
    if (status, paid_at, paid) != (invoice.status, invoice.paid_at, invoice.paid_total):
        invoice.status, invoice.paid_at, invoice.paid_total = status, paid_at, paid
        invoice.save(update_fields=["status", "paid_at", "paid_total", "updated_at"])
    if with_order and invoice.order_id is not None:
        refresh_order_status(invoice.order_id)
    return status


def order_status_of(statuses: list[str]) -> str:
    """The order's payment status from its (not cancelled) invoices' statuses (pure)."""
    if statuses and all(status == InvoiceStatus.PAID for status in statuses):
        return PaymentStatus.PAID
    if any(status in (InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID)
           for status in statuses):
        return PaymentStatus.PARTIALLY_PAID
    if any(status == InvoiceStatus.OVERDUE for status in statuses):
        return PaymentStatus.OVERDUE
    return PaymentStatus.UNPAID


def _status_before_invoicing(order: Order) -> str:
    paid = Payment.objects.filter(order=order).aggregate(total=Sum("amount"))["total"]
    if paid is None:
        return PaymentStatus.UNPAID
    # Refunds are ledger entries against the payment: what is left of it counts.
    refunded = (Payment.objects.filter(order=order, entries__kind="REFUND")
                .aggregate(total=Sum("entries__amount"))["total"] or ZERO)
    paid -= refunded
    if paid >= order.grand_total_gross:
        return PaymentStatus.PAID
    return PaymentStatus.PARTIALLY_PAID if paid > 0 else PaymentStatus.UNPAID


def refresh_order_status(order_or_id: Order | int) -> str:
    """Recompute and save ``Order.payment_status``. Answers it."""
    order = (order_or_id if isinstance(order_or_id, Order)
             else Order.objects.get(pk=order_or_id))
    statuses = list(Invoice.objects.filter(order_id=order.pk)
                    .exclude(status=InvoiceStatus.CANCELLED)
                    .values_list("status", flat=True))
    status = order_status_of(statuses) if statuses else _status_before_invoicing(order)
    if status != order.payment_status:
        Order.objects.filter(pk=order.pk).update(payment_status=status)
        order.payment_status = status
    return status
