"""What the notifications keep: the in-app notifications, each person's preferences per
topic, and the e-mail outbox that makes sending idempotent.

A Celery task may run twice for one event (a worker killed mid-task, its message
delivered again: ``acks_late``). Every effect is therefore a row with a unique key written
before or with the effect: a ``Notification`` is unique per (event, recipient), an
``EmailDelivery`` per (event, recipient); an e-mail is sent only for a delivery still
PENDING, under its row lock, and marked SENT in that same transaction (``services/
delivery.py`` explains the one window left).
"""

from __future__ import annotations

from django.db import models

from backend.accounts.models import User
from backend.core.models import PortalModel
from backend.orders.models import Order, OrderEvent


class Topic(models.TextChoices):
    ORDER_APPROVAL = "ORDER_APPROVAL", "Approval of orders"
    ORDER_MODERATION = "ORDER_MODERATION", "Moderation of orders"
    ORDER_PROPOSALS = "ORDER_PROPOSALS", "Proposals and comments"
    ORDER_FULFILMENT = "ORDER_FULFILMENT", "Production and shipping"
    ORDER_FORWARDING = "ORDER_FORWARDING", "Forwarding to the manufacturer"
    PAYMENTS = "PAYMENTS", "Invoices and payments"


class Notification(PortalModel):
    """One event told to one person in the portal. Its texts are written once, in every
    language the portal speaks (``texts``: {"ru": {"title", "body"}, "en": {...}}): a
    notification is history, naming the order and the people as they were, and the list
    shows it in the reader's current language without loading the order."""

    recipient = models.ForeignKey(User, on_delete=models.CASCADE,
                                  related_name="notifications")
    event = models.ForeignKey(OrderEvent, on_delete=models.CASCADE, related_name="+")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")
    event_type = models.CharField(max_length=32)
    topic = models.CharField(max_length=24, choices=Topic.choices)
    texts = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "recipient"],
                                               name="notification_once_per_recipient")]
        indexes = [models.Index(fields=["recipient", "-created_at", "-id"],
                                name="notification_recipient_idx"),
                   models.Index(fields=["recipient"], condition=models.Q(read_at__isnull=True),
                                name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"{self.event_type} to {self.recipient_id}"


class NotificationPreference(PortalModel):
    """A person's choice for one topic; without a row both channels are on."""

    user = models.ForeignKey(User, on_delete=models.CASCADE,
                             related_name="notification_preferences")
    topic = models.CharField(max_length=24, choices=Topic.choices)
    email = models.BooleanField(default=True)
    in_app = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"],
                                               name="notification_preference_once")]


class DeliveryStatus(models.TextChoices):
    PENDING = "PENDING", "pending"
    SENT = "SENT", "sent"
    FAILED = "FAILED", "failed"


class EmailDelivery(PortalModel):
    """The outbox: one e-mail an event calls for, written (PENDING) in the transaction
    that decides it, sent later under the row's lock and marked SENT with the send."""

    event = models.ForeignKey(OrderEvent, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "recipient"],
                                               name="email_delivery_once_per_recipient")]
        indexes = [models.Index(fields=["event"], condition=models.Q(status="PENDING"),
                                name="email_delivery_pending_idx")]

    @property
    def message_id(self) -> str:
        """The same Message-ID for every attempt, so a mail server or client can tell a
        repeat (the one window left, see services/delivery.py) from a new letter."""
        return f"<order-event-{self.event_id}-{self.recipient_id}@notifications.portal>"
