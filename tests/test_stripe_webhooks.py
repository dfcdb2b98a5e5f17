"""Stripe's webhook: events made by the local stand-in (an intent created through the API,
confirmed over HTTP as Stripe.js does, refunded through the library), signed with the
test secret as Stripe signs them, posted to /payments/stripe/webhook/.

A wrong signature is 400 with nothing changed; a replay or a second event saying the same
records nothing twice; events out of order (failed after succeeded, refunded before
succeeded) end as if they came in order."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest

from plugins.credit.models import EntryKind, InvoiceStatus, LedgerEntry, Payment
from plugins.stripe_payments.models import CardPayment, WebhookEvent
from plugins.stripe_payments.services.gateway import client
from tests.fixtures.credit_payments import *  # noqa: F403
from tests.fixtures.credit_payments import gid, make_invoice
from tests.fixtures.stripe_world import *  # noqa: F403
from tests.fixtures.stripe_world import INTENT_CREATE, SECRET, confirm, deliver, last_event
from tests.stripe_standin import sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(credit_world):
    return make_invoice(credit_world["dealer_account"], "1500.00")


@pytest.fixture
def paying(standin, credit_world, invoice, api_as):
    """An intent for the invoice, created through the API: (client secret, card payment)."""
    accountant = api_as(credit_world["dealer_accountant"], credit_world["dealer_a"])
    payload = accountant.mutate(INTENT_CREATE, {"invoice": gid("Invoice", invoice.pk)},
                                result="paymentIntentCreate")
    assert payload["errors"] == []
    return payload["clientSecret"], CardPayment.objects.get()


def settled(card: CardPayment) -> CardPayment:
    card.refresh_from_db()
    return card


def test_succeeded_settles_once(standin, invoice, paying):
    secret, card = paying
    confirm(standin, secret)
    event = last_event(standin, "payment_intent.succeeded")
    response = deliver(event)
    assert response.status_code == 200
    assert response.json()["outcome"] == "settled"
    payment = Payment.objects.get()
    assert (payment.source, payment.method, payment.reference, payment.amount) == (
        "STRIPE", "CARD", card.intent_id, Decimal("1500.00"))
    assert payment.invoice_id == invoice.pk
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PAID
    assert settled(card).status == "SUCCEEDED"
    assert card.payment_id == payment.pk
    # The same event again (a retry), and Stripe saying it again under another id.
    assert deliver(event).json()["outcome"] == "duplicate"
    again = {**event, "id": event["id"] + "_again"}
    assert deliver(again).json()["outcome"] == "ignored: already settled"
    assert Payment.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1
    assert WebhookEvent.objects.count() == 2


@pytest.mark.parametrize("signature", [
    "t={t},v1=" + "0" * 64,  # a wrong HMAC
    "wrong-secret",  # signed with another secret
    "stale",  # signed right, 10 minutes ago
    "",  # no header at all
])
def test_wrong_signature_is_400_and_changes_nothing(standin, paying, signature):
    secret, card = paying
    confirm(standin, secret)
    event = last_event(standin, "payment_intent.succeeded")
    payload = json.dumps(event)
    header = {
        "wrong-secret": sign(payload, "whsec_someone_else"),
        "stale": sign(payload, SECRET, int(time.time()) - 600),
    }.get(signature, signature.format(t=int(time.time())))
    response = deliver(event, signature=header or " ")
    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()
    assert not Payment.objects.exists()
    assert settled(card).status == "REQUIRES_PAYMENT"


def test_a_tampered_body_is_refused(standin, paying):
    secret, _card = paying
    confirm(standin, secret)
    event = last_event(standin, "payment_intent.succeeded")
    signature = sign(json.dumps(event), SECRET)
    event["data"]["object"]["amount_received"] = 1
    assert deliver(event, signature=signature).status_code == 400
    assert not Payment.objects.exists()


def test_failed_then_another_card_succeeds_and_a_late_failure_is_ignored(
        standin, credit_world, invoice, paying, api_as):
    accountant_client = api_as(credit_world["dealer_accountant"], credit_world["dealer_a"])
    secret, card = paying
    confirm(standin, secret, "pm_card_chargeDeclined")
    failed = last_event(standin, "payment_intent.payment_failed")
    assert deliver(failed).json()["outcome"] == "failed"
    assert (settled(card).status, card.last_error) == ("FAILED", "Your card was declined.")
    # Paying again: the same intent, waiting for another card.
    retry = accountant_client.mutate(INTENT_CREATE, {"invoice": gid("Invoice", invoice.pk)},
                                     result="paymentIntentCreate")
    assert retry["clientSecret"] == secret
    assert (retry["cardPayment"]["status"], retry["cardPayment"]["lastError"]) == (
        "REQUIRES_PAYMENT", "Your card was declined.")
    confirm(standin, secret)
    assert deliver(last_event(standin, "payment_intent.succeeded")).json()["outcome"] == \
        "settled"
    # The failure delivered again late, under another id: a settled payment stays so.
    late = {**failed, "id": failed["id"] + "_late"}
    assert deliver(late).json()["outcome"] == "ignored: already succeeded"
    assert settled(card).status == "SUCCEEDED"
    assert Payment.objects.count() == 1


def test_partial_refund_then_the_rest(standin, invoice, paying):
    secret, card = paying
    confirm(standin, secret)
    deliver(last_event(standin, "payment_intent.succeeded"))
    client().v1.refunds.create(params={"payment_intent": card.intent_id, "amount": 50000})
    first = last_event(standin, "charge.refunded")
    assert deliver(first).json()["outcome"] == "refunded"
    assert settled(card).status == "PARTIALLY_REFUNDED"
    assert card.refunded_amount == Decimal("500.00")
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PARTIALLY_PAID
    client().v1.refunds.create(params={"payment_intent": card.intent_id})
    second = last_event(standin, "charge.refunded")
    # Out of order: the second refund's event first, the first's (a smaller total) after.
    assert deliver(second).json()["outcome"] == "refunded"
    assert deliver({**first, "id": first["id"] + "_x"}).json()["outcome"] == \
        "ignored: refund already recorded"
    refunds = LedgerEntry.objects.filter(kind=EntryKind.REFUND)
    assert sorted(entry.amount for entry in refunds) == [Decimal("500.00"),
                                                         Decimal("1000.00")]
    assert settled(card).status == "REFUNDED"
    invoice.refresh_from_db()
    assert invoice.status in (InvoiceStatus.UNPAID, InvoiceStatus.OVERDUE)


def test_refund_before_succeeded_is_kept_then_recorded(standin, invoice, paying):
    secret, card = paying
    confirm(standin, secret)
    client().v1.refunds.create(params={"payment_intent": card.intent_id, "amount": 40000})
    refunded = last_event(standin, "charge.refunded")
    assert deliver(refunded).json()["outcome"] == "refund kept until the payment succeeds"
    assert not Payment.objects.exists()
    assert settled(card).refunded_amount == Decimal("400.00")
    outcome = deliver(last_event(standin, "payment_intent.succeeded")).json()["outcome"]
    assert outcome == "settled, then refunded"
    assert settled(card).status == "PARTIALLY_REFUNDED"
    refund = LedgerEntry.objects.get(kind=EntryKind.REFUND)
    assert refund.amount == Decimal("400.00")
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PARTIALLY_PAID


def test_events_of_other_intents_are_acknowledged_and_ignored(standin, credit_world):
    intent = client().v1.payment_intents.create(params={"amount": 1000, "currency": "rub"})
    confirm(standin, intent.client_secret)
    response = deliver(last_event(standin, "payment_intent.succeeded"))
    assert response.status_code == 200
    assert response.json()["outcome"] == "ignored: not a payment intent of this portal"
    other = {"id": "evt_other", "object": "event", "type": "customer.created",
             "data": {"object": {"id": "cus_1"}}}
    assert deliver(other).json()["outcome"] == "ignored: customer.created is not handled"
    assert not Payment.objects.exists()


def test_invoice_paid_meanwhile_keeps_the_card_money_as_an_advance(standin, credit_world,
                                                                    invoice, paying):
    from django.utils import timezone

    from plugins.credit.services.payments import figures_of, record_payment

    secret, card = paying
    record_payment(credit_world["dealer_account"], Decimal("1500.00"), "RUB",
                   timezone.localdate(), "BANK_TRANSFER", "MANUAL", "PP-9", invoice=invoice)
    confirm(standin, secret)
    assert deliver(last_event(standin, "payment_intent.succeeded")).json()["outcome"] == \
        "settled"
    payment = settled(card).payment
    assert payment is not None
    assert figures_of(payment).advance(payment.amount) == Decimal("1500.00")
    balance = sum(e.amount for e in LedgerEntry.objects.filter(
        account=credit_world["dealer_account"]))
    assert balance == Decimal("-1500.00")  # the buyer has 1,500 in advance
