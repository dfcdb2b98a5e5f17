"""record_payment / record_refund: allocation (named invoice first, then the oldest by due
date), the advance kept, idempotency by (account, source, reference), the refund rule."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.core.errors import DomainValidationError
from plugins.credit.models import EntryKind, InvoiceStatus, LedgerEntry, Payment
from plugins.credit.services.payments import figures_of, record_payment, record_refund
from tests.fixtures.credit_payments import *  # noqa: F403
from tests.fixtures.credit_payments import make_invoice

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def pay(account, amount, reference="", **kwargs):
    return record_payment(account, Decimal(amount), "RUB", TODAY(), "BANK_TRANSFER",
                          kwargs.pop("source", "MANUAL"), reference, **kwargs)


def allocations(payment):
    return sorted((a.invoice_id, a.amount) for a in payment.allocations.all())


def test_oldest_invoice_first_then_advance(credit_world):
    account = credit_world["dealer_account"]
    late = make_invoice(account, "300.00", due_in=20)
    early = make_invoice(account, "200.00", due_in=5)
    payment = pay(account, "600.00")
    assert allocations(payment) == sorted([(early.pk, Decimal("200.00")),
                                           (late.pk, Decimal("300.00"))])
    assert figures_of(payment).advance(payment.amount) == Decimal("100.00")
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.status, late.status) == (InvoiceStatus.PAID, InvoiceStatus.PAID)
    assert early.paid_at is not None
    entry = LedgerEntry.objects.get(payment=payment)
    assert (entry.kind, entry.amount) == (EntryKind.PAYMENT, Decimal("-600.00"))


def test_named_invoice_first_partial(credit_world):
    account = credit_world["dealer_account"]
    early = make_invoice(account, "200.00", due_in=5)
    named = make_invoice(account, "300.00", due_in=20)
    payment = pay(account, "350.00", invoice=named)
    assert allocations(payment) == sorted([(named.pk, Decimal("300.00")),
                                           (early.pk, Decimal("50.00"))])
    early.refresh_from_db()
    named.refresh_from_db()
    assert early.status == InvoiceStatus.PARTIALLY_PAID
    assert (early.paid_total, named.paid_total) == (Decimal("50.00"), Decimal("300.00"))


def test_same_reference_recorded_once(credit_world):
    account = credit_world["dealer_account"]
    make_invoice(account, "200.00")
    first = pay(account, "200.00", "PP-17", source="BANK_STATEMENT")
    again = pay(account, "200.00", "PP-17", source="BANK_STATEMENT")
    assert first.pk == again.pk
    assert Payment.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1


@pytest.mark.parametrize(("amount", "currency", "code"), [
    ("0", "RUB", "AMOUNT_NOT_POSITIVE"), ("-5", "RUB", "AMOUNT_NOT_POSITIVE"),
    ("10", "USD", "CURRENCY_MISMATCH")])
def test_bad_amount_or_currency_writes_nothing(credit_world, amount, currency, code):
    account = credit_world["dealer_account"]
    with pytest.raises(DomainValidationError) as caught:
        record_payment(account, Decimal(amount), currency, TODAY(), "BANK_TRANSFER",
                       "MANUAL", "")
    assert code in [e.code_value for e in caught.value.errors]
    assert not Payment.objects.exists()


def test_refund_takes_the_advance_first_then_the_newest_allocation(credit_world):
    account = credit_world["dealer_account"]
    first = make_invoice(account, "100.00", due_in=1)
    second = make_invoice(account, "100.00", due_in=2)
    payment = pay(account, "250.00")
    record_refund(payment, Decimal("30.00"), "overpaid")
    assert figures_of(payment).advance(payment.amount) == Decimal("20.00")
    assert allocations(payment) == [(first.pk, Decimal("100.00")),
                                    (second.pk, Decimal("100.00"))]
    record_refund(payment, Decimal("70.00"), "returned goods")
    payment.refresh_from_db()
    figures = figures_of(payment)
    assert figures.advance(payment.amount) == Decimal("0.00")
    assert figures.refunded == Decimal("100.00")
    second.refresh_from_db()
    first.refresh_from_db()
    assert sum(a.amount for a in payment.allocations.all()) == Decimal("150.00")
    assert (first.status, second.status) == (InvoiceStatus.PAID,
                                             InvoiceStatus.PARTIALLY_PAID)
    # what each invoice keeps as paid follows its allocations down as well as up
    assert (first.paid_total, second.paid_total) == (Decimal("100.00"), Decimal("50.00"))
    balance = sum(e.amount for e in LedgerEntry.objects.filter(account=account))
    assert balance == Decimal("200.00") - Decimal("250.00") + Decimal("100.00")


def test_refund_beyond_the_payment_is_refused(credit_world):
    account = credit_world["dealer_account"]
    payment = pay(account, "100.00")
    record_refund(payment, Decimal("60.00"), "part")
    with pytest.raises(DomainValidationError) as caught:
        record_refund(payment, Decimal("50.00"), "too much")
    assert caught.value.errors[0].code_value == "REFUND_TOO_LARGE"
    assert LedgerEntry.objects.filter(kind=EntryKind.REFUND).count() == 1


def test_overdue_invoice_paid_partly_is_partially_paid(credit_world):
    account = credit_world["dealer_account"]
    invoice = make_invoice(account, "100.00", issued_on=TODAY() - timedelta(days=30),
                           due_in=5)
    pay(account, "10.00")
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PARTIALLY_PAID
