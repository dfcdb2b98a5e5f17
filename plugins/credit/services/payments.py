"""Money received from a buyer, and money given back.

``record_payment`` in the caller's transaction (or its own):

1. the account row locked (``SELECT ... FOR UPDATE``): every ledger write of an account
   takes it first, so two payments, an invoice and a refund of one account never
   interleave;
2. a payment with the same (account, source, reference) already recorded is answered as
   is: importing a bank statement twice, or a webhook replayed, records nothing twice;
3. the Payment, its PAYMENT ledger entry (-amount), and its allocations: the named
   invoice first (or the named order's invoices), then the oldest open invoices by due
   date; what no invoice takes stays the payment's advance, taken by the next invoices
   issued; then the touched invoices' and orders' payment statuses.

``record_refund``: the REFUND rule. A refund gives back part of a payment (at most the
payment's amount less earlier refunds), as a REFUND ledger entry (+amount). It comes out
of the payment's advance (its unallocated remainder) first; only the part beyond the
advance takes money back from the invoices the payment paid, newest allocation first (the
allocation's amount lowered, or the allocation removed), so those invoices are unpaid
again by that much and their statuses say so. The ledger entry keeps the history; the
allocations always say what the payment still pays. Hence, for any payment:
``advance = amount - allocated - refunded`` (never negative).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from backend.core.errors import DomainValidationError, ErrorCollector
from backend.orders.models import Order, PaymentStatus

from ..errors import CreditErrorCode as Code
from ..models import (
    CreditAccount,
    EntryKind,
    Invoice,
    InvoiceStatus,
    LedgerEntry,
    Payment,
    PaymentAllocation,
)
from . import interim

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
OPEN_STATUSES = (InvoiceStatus.UNPAID, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE)
REFERENCE_MAX = 100
REASON_MAX = 2000


def lock_account(account: CreditAccount | int) -> CreditAccount:
    """The account row, locked until the transaction ends."""
    pk = account if isinstance(account, int) else account.pk
    return CreditAccount.objects.select_for_update().select_related("seller", "buyer").get(
        pk=pk)


def check_amount(errors: ErrorCollector, amount: Decimal | None, currency: str,
                 account: CreditAccount, field: str = "amount") -> None:
    if amount is None or amount <= 0:
        errors.add(Code.AMOUNT_NOT_POSITIVE, "The amount must be greater than zero.", field)
    elif amount != amount.quantize(CENT):
        errors.add(Code.INVALID, "The amount has at most two decimals.", field)
    if currency and currency.upper() != account.currency:
        errors.add(Code.CURRENCY_MISMATCH,
                   f"The account is kept in {account.currency}, not {currency.upper()}.",
                   "currency")


def check_named_invoice(account: CreditAccount, invoice: Invoice | None,
                        field: str = "invoice") -> None:
    """A payment a person names an invoice for: the invoice must be the account's and open."""
    if invoice is None:
        return
    if invoice.account_id != account.pk or invoice.status not in OPEN_STATUSES:
        raise DomainValidationError.single(
            Code.INVOICE_NOT_OPEN, "The invoice is not open on this account: it is paid, "
            "cancelled or another account's.", field)


@transaction.atomic
def record_payment(account: CreditAccount, amount: Decimal, currency: str, received_on: date,
                   method: str, source: str, reference: str = "",
                   invoice: Invoice | None = None, order: Order | None = None,
                   user: AbstractBaseUser | None = None, *, payer_inn: str = "",
                   purpose: str = "") -> Payment:
    """The payment recorded (or the one recorded before with this reference)."""
    account = lock_account(account)
    reference = (reference or "").strip()
    errors = ErrorCollector()
    check_amount(errors, amount, currency, account)
    if len(reference) > REFERENCE_MAX:
        errors.add(Code.INVALID, f"The reference has at most {REFERENCE_MAX} characters.",
                   "reference")
    if invoice is not None and invoice.account_id != account.pk:
        errors.add(Code.INVOICE_NOT_OPEN, "The invoice is another account's.", "invoice")
    if order is not None and (order.buyer_id, order.seller_id) != (account.buyer_id,
                                                                   account.seller_id):
        errors.add(Code.INVALID, "The order is not between the account's parties.", "order")
    errors.raise_if_any()
    if reference:
        earlier = Payment.objects.filter(account=account, source=source,
                                         reference=reference).first()
        if earlier is not None:
            return earlier
    payment = Payment.objects.create(
        account=account, method=method, source=source, amount=amount,
        currency=account.currency, received_on=received_on, reference=reference,
        payer_inn=payer_inn[:12], purpose=purpose, invoice=invoice, order=order,
        created_by=user)
    LedgerEntry.objects.create(account=account, kind=EntryKind.PAYMENT, amount=-amount,
                               occurred_on=received_on, payment=payment,
                               reason=purpose[:REASON_MAX], created_by=user)
    touched = _allocate(payment, _named_invoice_id(invoice, order))
    for row in touched:
        interim.refresh_status(row)
    if order is not None and not Invoice.objects.filter(order=order).exists():
        _order_paid_before_invoicing(order)
    return payment


def _named_invoice_id(invoice: Invoice | None, order: Order | None) -> int | None:
    if invoice is not None:
        return invoice.pk
    if order is not None:
        return (Invoice.objects.filter(order=order, status__in=OPEN_STATUSES)
                .order_by("due_on", "pk").values_list("pk", flat=True).first())
    return None


def _allocate(payment: Payment, named_invoice_id: int | None) -> list[Invoice]:
    """The payment's allocations over the account's open invoices; the invoices touched."""
    invoices = {row.pk: row for row in Invoice.objects.filter(
        account_id=payment.account_id, status__in=OPEN_STATUSES).annotate(
        allocated=Sum("allocations__amount"))}
    open_rows = [interim.OpenInvoice(id=row.pk, due_on=row.due_on, number=(row.year, row.serial),
                                     remaining=row.total_gross - (row.allocated or ZERO))
                 for row in invoices.values()]
    parts, _advance = interim.allocate(payment.amount, named_invoice_id, open_rows)
    PaymentAllocation.objects.bulk_create(
        PaymentAllocation(payment=payment, invoice_id=invoice_id, amount=part)
        for invoice_id, part in parts)
    return [invoices[invoice_id] for invoice_id, _ in parts]


def _order_paid_before_invoicing(order: Order) -> None:
    """An order paid (by card, say) before any invoice: its payment status from what its
    payments hold; the invoice issued later takes the money as the account's advance."""
    paid = Payment.objects.filter(order=order).aggregate(s=Sum("amount"))["s"] or ZERO
    status = (PaymentStatus.PAID if paid >= order.grand_total_gross
              else PaymentStatus.PARTIALLY_PAID)
    Order.objects.filter(pk=order.pk).update(payment_status=status)
    order.payment_status = status


@dataclass(frozen=True)
class PaymentFigures:
    allocated: Decimal
    refunded: Decimal

    def advance(self, amount: Decimal) -> Decimal:
        return amount - self.allocated - self.refunded


def figures_of(payment: Payment) -> PaymentFigures:
    allocated = PaymentAllocation.objects.filter(payment=payment).aggregate(
        s=Sum("amount"))["s"] or ZERO
    refunded = LedgerEntry.objects.filter(payment=payment, kind=EntryKind.REFUND).aggregate(
        s=Sum("amount"))["s"] or ZERO
    return PaymentFigures(allocated=allocated, refunded=refunded)


@transaction.atomic
def record_refund(payment: Payment, amount: Decimal, reason: str,
                  user: AbstractBaseUser | None = None,
                  occurred_on: date | None = None) -> LedgerEntry:
    """The REFUND entry; the advance first, then the newest allocations (module docstring)."""
    account = lock_account(payment.account_id)
    payment = Payment.objects.get(pk=payment.pk)
    errors = ErrorCollector()
    check_amount(errors, amount, "", account)
    reason = (reason or "").strip()
    if not reason:
        errors.add(Code.REQUIRED, "Say why the money is given back.", "reason")
    elif len(reason) > REASON_MAX:
        errors.add(Code.INVALID, f"The reason has at most {REASON_MAX} characters.", "reason")
    errors.raise_if_any()
    figures = figures_of(payment)
    left = payment.amount - figures.refunded
    if amount > left:
        raise DomainValidationError.single(
            Code.REFUND_TOO_LARGE, f"At most {left} {account.currency} of this payment can "
            "still be refunded.", "amount", left=str(left))
    take_back = amount - max(figures.advance(payment.amount), ZERO)
    touched: dict[int, Invoice] = {}
    if take_back > 0:
        allocations = (PaymentAllocation.objects.select_for_update().select_related("invoice")
                       .filter(payment=payment).order_by("-created_at", "-pk"))
        for allocation in allocations:
            if take_back <= 0:
                break
            part = min(take_back, allocation.amount)
            take_back -= part
            touched[allocation.invoice_id] = allocation.invoice
            if part == allocation.amount:
                allocation.delete()
            else:
                allocation.amount -= part
                allocation.save(update_fields=["amount"])
    entry = LedgerEntry.objects.create(
        account=account, kind=EntryKind.REFUND, amount=amount,
        occurred_on=occurred_on or timezone.localdate(), payment=payment, reason=reason,
        created_by=user)
    for invoice in touched.values():
        interim.refresh_status(invoice)
    if payment.order_id is not None and not touched:
        order = Order.objects.get(pk=payment.order_id)
        if not Invoice.objects.filter(order=order).exists():
            _order_refunded_before_invoicing(order)
    return entry


def _order_refunded_before_invoicing(order: Order) -> None:
    paid = Payment.objects.filter(order=order).aggregate(s=Sum("amount"))["s"] or ZERO
    refunded = LedgerEntry.objects.filter(payment__order=order, kind=EntryKind.REFUND
                                          ).aggregate(s=Sum("amount"))["s"] or ZERO
    kept = paid - refunded
    status = (PaymentStatus.PAID if kept >= order.grand_total_gross
              else PaymentStatus.PARTIALLY_PAID if kept > 0 else PaymentStatus.UNPAID)
    Order.objects.filter(pk=order.pk).update(payment_status=status)
