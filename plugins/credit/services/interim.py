"""INTERIM, for the lead to swap at merge: minimal stand-ins for two functions other parts
own, so that payments can be recorded and tested before those parts land.

- ``allocate``: ``plugins.credit.engine.allocation.allocate`` (helper ``ledger``): a
  payment's amount over the open invoices, the named one first, then the oldest by due
  date then number; the rest is an advance.
- ``refresh_status``: ``plugins.credit.services.status.refresh_status`` (helper
  ``invoices``): an invoice's status from its allocations and the date, and its order's
  payment status from the order's invoices.

``services/payments.py`` calls them only through ``allocation_for`` / ``refresh`` below;
once the real modules are on the branch, these two wrappers call them instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from backend.orders.models import Order, PaymentStatus

from ..models import Invoice, InvoiceStatus, PaymentAllocation

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class OpenInvoice:
    id: int
    due_on: date
    number: tuple[int, int]  # (year, serial): orders equal due dates
    remaining: Decimal


def allocate(amount: Decimal, named_invoice_id: int | None,
             open_invoices: Sequence[OpenInvoice]) -> tuple[list[tuple[int, Decimal]], Decimal]:
    """(invoice id, amount) parts of ``amount`` and the unallocated rest (the advance)."""
    ordered = sorted(open_invoices, key=lambda i: (i.id != named_invoice_id, i.due_on,
                                                   i.number, i.id))
    parts: list[tuple[int, Decimal]] = []
    rest = amount
    for invoice in ordered:
        if rest <= 0:
            break
        take = min(rest, invoice.remaining)
        if take > 0:
            parts.append((invoice.id, take))
            rest -= take
    return parts, rest


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
