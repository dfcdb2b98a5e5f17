"""Invoices issued by the order's life: on confirmation (the account's policy), per
dispatch, never twice, none without an account; the INVOICE ledger entry, the due date
from the terms, open advances taken, numbers per seller and year without gaps."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.core.plugins.manager import get_plugins_manager
from backend.orders.models import Order
from plugins.credit.models import (
    CreditAccount,
    EntryKind,
    Invoice,
    InvoiceCounter,
    LedgerEntry,
    Payment,
    PaymentAllocation,
)
from plugins.credit.services import issuing, numbers
from tests.fixtures.order_place import *  # noqa: F403
from tests.invoices_world import *  # noqa: F403
from tests.invoices_world import confirmed, invoice_of, shipped

pytestmark = pytest.mark.django_db


def test_confirmation_issues_one_invoice_with_its_ledger_entry(credit_world):
    windows, doors = credit_world["variants"][1], credit_world["variants"][2]
    order = confirmed(credit_world, (windows, 2), (doors, 3))
    invoice = invoice_of(order)
    today = timezone.localdate()
    assert invoice.account == credit_world["account"]
    assert (invoice.seller_id, invoice.buyer_id) == (order.seller_id, order.buyer_id)
    assert invoice.issued_on == today
    assert invoice.due_on == today + datetime.timedelta(days=14)
    assert invoice.total_gross == order.grand_total_gross
    assert invoice.total_net + invoice.total_vat == invoice.total_gross
    assert invoice.vat_rate == Decimal("22.00")
    assert [(line.sku, line.quantity) for line in invoice.lines.order_by("position")][:2] == [
        (windows.sku, 2), (doors.sku, 3)]
    assert numbers.format_number(invoice.year, invoice.serial) == f"СЧ-{today.year % 100}-00001"
    entry = LedgerEntry.objects.get(invoice=invoice)
    assert (entry.kind, entry.amount, entry.occurred_on) == (EntryKind.INVOICE,
                                                             invoice.total_gross, today)
    assert invoice.status == "UNPAID"


def test_the_hook_run_again_issues_nothing_twice(credit_world):
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    get_plugins_manager().run("order_confirmed", None, order)
    assert Invoice.objects.filter(order=order).count() == 1
    assert LedgerEntry.objects.filter(kind=EntryKind.INVOICE).count() == 1


def test_no_account_no_invoice(credit_world):
    credit_world["account"].delete()
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    assert not Invoice.objects.filter(order=order).exists()


def test_prepayment_is_due_on_the_day(credit_world):
    CreditAccount.objects.filter(pk=credit_world["account"].pk).update(terms="PREPAYMENT")
    invoice = invoice_of(confirmed(credit_world, (credit_world["variants"][1], 1)))
    assert invoice.due_on == invoice.issued_on


def test_per_shipment_an_invoice_per_dispatch(credit_world):
    CreditAccount.objects.filter(pk=credit_world["account"].pk).update(
        invoice_policy="PER_SHIPMENT")
    windows, doors = credit_world["variants"][1], credit_world["variants"][2]
    order = confirmed(credit_world, (windows, 4), (doors, 2))
    assert not Invoice.objects.filter(order=order).exists()
    first = shipped(credit_world, order, (windows, 3))
    second = shipped(credit_world, order, (windows, 1), (doors, 2))
    invoices = list(Invoice.objects.filter(order=order).order_by("serial"))
    assert [i.dispatch_id for i in invoices] == [first.pk, second.pk]
    assert [(line.sku, line.quantity) for line in invoices[1].lines.order_by("position")] == [
        (windows.sku, 1), (doors.sku, 2)]
    order.refresh_from_db()
    # Together they bill the whole order (the delivery with the first).
    assert sum(i.total_gross for i in invoices) == order.grand_total_gross
    assert [i.serial for i in invoices] == [1, 2]
    get_plugins_manager().run("order_dispatched", None, order, second)
    assert Invoice.objects.filter(order=order).count() == 2


def test_an_open_advance_pays_the_new_invoice(credit_world):
    account = credit_world["account"]
    payment = Payment.objects.create(account=account, method="BANK_TRANSFER",
                                     source="MANUAL", amount=Decimal("100.00"),
                                     currency="RUB", received_on=timezone.localdate())
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    invoice = invoice_of(order)
    allocation = PaymentAllocation.objects.get(invoice=invoice)
    assert (allocation.payment, allocation.amount) == (payment, Decimal("100.00"))
    assert invoice.status == "PARTIALLY_PAID"
    order.refresh_from_db()
    assert order.payment_status == "PARTIALLY_PAID"


def test_an_advance_covering_it_pays_it(credit_world):
    account = credit_world["account"]
    Payment.objects.create(account=account, method="CARD", source="STRIPE",
                           amount=Decimal("100000.00"), currency="RUB",
                           received_on=timezone.localdate(), reference="pi_1")
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    invoice = invoice_of(order)
    assert invoice.status == "PAID" and invoice.paid_at is not None
    assert PaymentAllocation.objects.get(invoice=invoice).amount == invoice.total_gross
    assert Order.objects.get(pk=order.pk).payment_status == "PAID"


def test_numbers_are_per_seller_and_year(credit_world):
    factory, dealer = credit_world["factory"], credit_world["dealer"]
    assert [numbers.next_serial(factory.pk, 2026) for _ in range(3)] == [1, 2, 3]
    assert numbers.next_serial(dealer.pk, 2026) == 1
    assert numbers.next_serial(factory.pk, 2027) == 1
    assert InvoiceCounter.objects.get(seller=factory, year=2026).last == 3


def test_a_rolled_back_invoice_gives_its_number_back(credit_world):
    from django.db import transaction

    CreditAccount.objects.filter(pk=credit_world["account"].pk).update(
        invoice_policy="PER_SHIPMENT")
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    account = CreditAccount.objects.get(pk=credit_world["account"].pk)
    with pytest.raises(RuntimeError), transaction.atomic():
        issuing.issue_by_hand(account, order, credit_world["staff"])
        raise RuntimeError
    again = issuing.issue_by_hand(account, order, credit_world["staff"])
    assert again.serial == 1
    assert issuing.issue_by_hand(account, order, credit_world["staff"]) is None


def test_number_condition_reads_typed_numbers():
    assert numbers.number_condition("СЧ-26-00042") is not None
    assert numbers.number_condition("INV-26-42") is not None
    assert numbers.number_condition("42") is not None
    assert numbers.number_condition("оплата") is None
