"""The daily task: unpaid invoices past their due date become OVERDUE (their order too),
the buyer and its accountant are told (an INVOICE_OVERDUE order event); a partly paid
invoice stays PARTIALLY_PAID; a second run marks and tells nothing again."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.accounts.models import User
from backend.orders.models import Order, OrderEvent
from plugins.credit.models import Invoice, PaymentAllocation
from plugins.credit.tasks import mark_overdue
from plugins.notifications.models import Notification, NotificationPreference
from tests.fixtures.order_place import *  # noqa: F403
from tests.invoices_world import *  # noqa: F403
from tests.invoices_world import confirmed, invoice_of

pytestmark = pytest.mark.django_db


def past_due(invoice: Invoice, days: int = 3) -> None:
    Invoice.objects.filter(pk=invoice.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=days))


def test_a_past_due_invoice_becomes_overdue_and_the_buyer_is_told(
        credit_world, django_capture_on_commit_callbacks):
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    invoice = invoice_of(order)
    past_due(invoice)
    with django_capture_on_commit_callbacks(execute=True):
        assert mark_overdue.apply().get() == 1
    invoice.refresh_from_db()
    assert invoice.status == "OVERDUE"
    assert Order.objects.get(pk=order.pk).payment_status == "OVERDUE"
    event = OrderEvent.objects.get(order=order, event_type="INVOICE_OVERDUE")
    assert event.after["invoice_numbers"]["ru"].startswith("СЧ-")
    told = {n.recipient.email: n for n in Notification.objects.filter(
        event_type="INVOICE_OVERDUE")}
    # the placer, the approvers (the admin) and the accountant (MANAGE_PAYMENTS)
    assert set(told) == {"buyer@alfa.test", "admin@alfa.test", "accountant@alfa.test"}
    # under its own topic, which each may turn off apart from the orders' moderation
    assert {n.topic for n in told.values()} == {"PAYMENTS"}
    texts = told["accountant@alfa.test"].texts
    assert texts["ru"]["title"].startswith("Счёт СЧ-")
    assert "просрочен" in texts["ru"]["title"]
    assert texts["en"]["title"].startswith("Invoice INV-")
    with django_capture_on_commit_callbacks(execute=True):
        assert mark_overdue.apply().get() == 0
    assert OrderEvent.objects.filter(event_type="INVOICE_OVERDUE").count() == 1


def test_partly_paid_stays_partly_paid_and_future_due_stays_unpaid(credit_world):
    first = invoice_of(confirmed(credit_world, (credit_world["variants"][1], 2)))
    later = invoice_of(confirmed(credit_world, (credit_world["variants"][2], 2)))
    payment = credit_world["account"].payments.create(
        method="BANK_TRANSFER", source="MANUAL", amount=Decimal("10.00"), currency="RUB",
        received_on=timezone.localdate())
    PaymentAllocation.objects.create(payment=payment, invoice=first, amount=Decimal("10.00"))
    past_due(first)
    assert mark_overdue.apply().get() == 0
    first.refresh_from_db()
    later.refresh_from_db()
    # the task recomputed the partly paid one (its allocation was written behind its back)
    assert (first.status, later.status) == ("PARTIALLY_PAID", "UNPAID")


def test_who_turned_the_payments_topic_off_is_not_told(
        credit_world, django_capture_on_commit_callbacks):
    order = confirmed(credit_world, (credit_world["variants"][1], 2))
    past_due(invoice_of(order))
    accountant = User.objects.get(email="accountant@alfa.test")
    NotificationPreference.objects.create(user=accountant, topic="PAYMENTS", email=False,
                                          in_app=False)
    # the orders' moderation topic turned off changes nothing for an overdue invoice
    admin = User.objects.get(email="admin@alfa.test")
    NotificationPreference.objects.create(user=admin, topic="ORDER_MODERATION", email=False,
                                          in_app=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert mark_overdue.apply().get() == 1
    told = set(Notification.objects.filter(event_type="INVOICE_OVERDUE")
               .values_list("recipient__email", flat=True))
    assert told == {"buyer@alfa.test", "admin@alfa.test"}
