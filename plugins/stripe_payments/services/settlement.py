"""Stripe's events, verified by the webhook view, settled in the credit ledger.

One transaction per event: the event's id is recorded (``WebhookEvent``), the account row
locked first (as every ledger write does), then the card payment. A failure rolls all of
it back, the view answers 500, and Stripe sends the event again.

Idempotent twice over:
- by the event's id: the same event again (a replay, a retry after a timeout) is answered
  "duplicate" and changes nothing;
- by the card payment's state: two different events saying the same (Stripe may send a
  succeeded twice under two ids) record one payment, since a settled card payment is
  never settled again, and the refunded total is Stripe's cumulative ``amount_refunded``:
  only its growth is refunded.

Out of order: Stripe does not promise the order of events.
- ``payment_intent.payment_failed`` after ``succeeded`` (an earlier declined attempt
  arriving late) is ignored: a settled payment stays settled.
- ``payment_intent.succeeded`` after ``payment_failed`` settles: the buyer tried another
  card.
- ``charge.refunded`` before ``succeeded``: the refunded total is kept on the card payment;
  the succeeded event, when it comes, records the payment and then that refund.
"""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from plugins.credit.models import CreditAccount, PaymentMethod, PaymentSource
from plugins.credit.services.payments import record_payment, record_refund
from plugins.credit.services.status import refresh_order_status

from ..models import CardPayment, CardPaymentStatus, WebhookEvent
from .gateway import from_minor

logger = logging.getLogger(__name__)

SETTLED = (CardPaymentStatus.SUCCEEDED, CardPaymentStatus.REFUNDED,
           CardPaymentStatus.PARTIALLY_REFUNDED)
HANDLED = ("payment_intent.succeeded", "payment_intent.payment_failed",
           "payment_intent.canceled", "charge.refunded")


def _intent_id(event_type: str, obj: dict[str, Any]) -> str:
    if event_type == "charge.refunded":
        return str(obj.get("payment_intent") or "")
    return str(obj.get("id") or "")


def handle_event(event: dict[str, Any]) -> str:
    """Settle one verified event (Stripe's JSON as a dict); answers what was done."""
    event_type = str(event.get("type", ""))
    obj = event.get("data", {}).get("object", {}) or {}
    intent_id = _intent_id(event_type, obj) if event_type in HANDLED else ""
    try:
        with transaction.atomic():
            record = WebhookEvent.objects.create(
                event_id=str(event["id"]), event_type=event_type[:64],
                intent_id=intent_id[:255])
            outcome = _settle(event_type, obj, intent_id, _occurred_on(event))
            record.outcome = outcome[:255]
            record.save(update_fields=["outcome"])
            return outcome
    except IntegrityError:
        # The unique event id: this event was handled before (or is being handled now by
        # a concurrent delivery, whose transaction wins).
        if WebhookEvent.objects.filter(event_id=str(event["id"])).exists():
            return "duplicate"
        raise


def _occurred_on(event: dict[str, Any]) -> datetime.date:
    created = event.get("created")
    if not isinstance(created, int):
        return timezone.localdate()
    return timezone.localdate(datetime.datetime.fromtimestamp(created, tz=datetime.UTC))


def _locked_card(intent_id: str) -> CardPayment | None:
    account_id = (CardPayment.objects.filter(intent_id=intent_id)
                  .values_list("account_id", flat=True).first())
    if account_id is None:
        return None
    CreditAccount.objects.select_for_update().get(pk=account_id)
    return CardPayment.objects.select_for_update(of=("self",)).select_related(
        "invoice", "order", "payment", "created_by").get(intent_id=intent_id)


def _settle(event_type: str, obj: dict[str, Any], intent_id: str,
            occurred_on: datetime.date) -> str:
    if event_type not in HANDLED:
        return f"ignored: {event_type or 'no type'} is not handled"
    card = _locked_card(intent_id) if intent_id else None
    if card is None:
        return "ignored: not a payment intent of this portal"
    if event_type == "payment_intent.succeeded":
        return _succeeded(card, obj, occurred_on)
    if event_type == "charge.refunded":
        return _refunded(card, obj, occurred_on)
    if card.status in SETTLED:
        return f"ignored: already {card.status.lower()}"
    if event_type == "payment_intent.payment_failed":
        error = obj.get("last_payment_error") or {}
        card.status = CardPaymentStatus.FAILED
        card.last_error = str(error.get("message") or error.get("code") or "declined")
        card.save(update_fields=["status", "last_error", "updated_at"])
        return "failed"
    card.status = CardPaymentStatus.CANCELED
    card.save(update_fields=["status", "updated_at"])
    return "canceled"


def _succeeded(card: CardPayment, obj: dict[str, Any], occurred_on: datetime.date) -> str:
    if card.payment_id is not None:
        return "ignored: already settled"
    currency = str(obj.get("currency", "")).upper()
    if currency != card.currency.upper():
        logger.error("stripe: intent %s paid in %s, expected %s", card.intent_id, currency,
                     card.currency)
        return f"ignored: paid in {currency}, expected {card.currency}"
    received = from_minor(int(obj.get("amount_received") or obj.get("amount") or 0),
                          card.currency)
    if received <= 0:
        return "ignored: nothing received"
    payment = record_payment(
        card.account, received, card.currency, occurred_on, PaymentMethod.CARD,
        PaymentSource.STRIPE, card.intent_id, invoice=card.invoice, order=card.order,
        user=card.created_by, purpose=f"Card payment {card.intent_id}")
    card.payment = payment
    card.last_error = ""
    outcome = "settled"
    if card.refunded_amount > 0:
        # The refund arrived first: given back now that the payment exists.
        record_refund(payment, min(card.refunded_amount, payment.amount),
                      _refund_reason(card), occurred_on=occurred_on)
        outcome = "settled, then refunded"
    card.status = _status_after_refund(card.refunded_amount, received)
    card.save(update_fields=["payment", "status", "last_error", "updated_at"])
    _refresh_order(card)
    return outcome


def _refunded(card: CardPayment, obj: dict[str, Any], occurred_on: datetime.date) -> str:
    total = from_minor(int(obj.get("amount_refunded") or 0), card.currency)
    more = total - card.refunded_amount
    if more <= 0:
        return "ignored: refund already recorded"
    card.refunded_amount = total
    if card.payment is None:
        card.save(update_fields=["refunded_amount", "updated_at"])
        return "refund kept until the payment succeeds"
    record_refund(card.payment, more, _refund_reason(card), occurred_on=occurred_on)
    card.status = _status_after_refund(total, card.payment.amount)
    card.save(update_fields=["refunded_amount", "status", "updated_at"])
    _refresh_order(card)
    return "refunded"


def _status_after_refund(refunded: Decimal, paid: Decimal) -> str:
    if refunded <= 0:
        return CardPaymentStatus.SUCCEEDED
    if refunded >= paid:
        return CardPaymentStatus.REFUNDED
    return CardPaymentStatus.PARTIALLY_REFUNDED


def _refund_reason(card: CardPayment) -> str:
    return f"Card payment refunded through Stripe ({card.intent_id})"


def _refresh_order(card: CardPayment) -> None:
    if card.order_id is not None:
        refresh_order_status(card.order_id)
