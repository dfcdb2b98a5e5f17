"""Card payments through Stripe: a PaymentIntent per invoice or order, settled only by
Stripe's signed webhook.

- ``CardPayment``: the PaymentIntent this portal created (its id, what it pays, the amount
  in the account's currency) and its last known state. It becomes a ``credit.Payment``
  (source STRIPE, reference = the intent's id) when ``payment_intent.succeeded`` arrives;
  ``charge.refunded`` records the refund in the credit ledger.
- ``WebhookEvent``: every Stripe event handled, by its id, so a replayed or duplicated
  event changes nothing; events arriving out of order are judged by the intent's state,
  never by arrival order.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.core.models import PortalModel
from backend.orders.models import MONEY, Order
from plugins.credit.models import CreditAccount, Invoice, Payment


class CardPaymentStatus(models.TextChoices):
    REQUIRES_PAYMENT = "REQUIRES_PAYMENT", "waiting for the card"
    PROCESSING = "PROCESSING", "processing"
    SUCCEEDED = "SUCCEEDED", "paid"
    FAILED = "FAILED", "failed"
    CANCELED = "CANCELED", "cancelled"
    REFUNDED = "REFUNDED", "refunded"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED", "partly refunded"


class CardPayment(PortalModel):
    intent_id = models.CharField(max_length=255, unique=True)
    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT, related_name="+")
    invoice = models.ForeignKey(Invoice, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="card_payments")
    order = models.ForeignKey(Order, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="card_payments")
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=24, choices=CardPaymentStatus.choices,
                              default=CardPaymentStatus.REQUIRES_PAYMENT)
    refunded_amount = models.DecimalField(**MONEY, default=0)
    last_error = models.TextField(blank=True, default="")
    payment = models.OneToOneField(Payment, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="card_payment")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="card_payment_positive"),
            models.CheckConstraint(condition=Q(invoice__isnull=False) | Q(order__isnull=False),
                                   name="card_payment_pays_something"),
        ]


class WebhookEvent(PortalModel):
    event_id = models.CharField(max_length=255, unique=True)
    event_type = models.CharField(max_length=64)
    intent_id = models.CharField(max_length=255, blank=True, default="")
    received_at = models.DateTimeField(auto_now_add=True)
    # What handling it did ("settled", "ignored: already succeeded"...), for support.
    outcome = models.CharField(max_length=255, blank=True, default="")

    class Meta:
        ordering = ["-received_at", "-pk"]
