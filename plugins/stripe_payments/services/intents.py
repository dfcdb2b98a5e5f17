"""A PaymentIntent for an invoice's open remainder or an order's unpaid total.

The intent is created at Stripe with the official library (``gateway.client()``), its
metadata naming the card payment, the account and what it pays; the storefront confirms
it with Stripe.js using the client secret answered here once (never stored). Nothing is
paid until Stripe's signed webhook says so (``settlement.py``).

Who may pay: a member of the BUYER acting for it: an invoice it sees (VIEW_INVOICES or
MANAGE_PAYMENTS, ``plugins.credit.visibility``), an order it sees while holding
PLACE_ORDERS or MANAGE_PAYMENTS (the buyer of an order held for a card payment). Another
organization's invoice or order is NOT_FOUND, as if it did not exist.

Pressing "pay" twice gives the same intent back while it still waits for a card and the
amount is unchanged, so one invoice is not charged twice by a double click.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.db import transaction
from django.db.models import Q, Sum

from backend.core.errors import DomainValidationError
from backend.core.permissions import OrgPerm
from backend.core.plugins import get_plugins_manager
from backend.core.viewer import Viewer
from backend.orders.models import Order, OrderStatus, PaymentStatus
from backend.orders.numbers import format_number as format_order_number
from backend.orders.visibility import visible_orders
from plugins.credit.errors import CreditErrorCode as Code
from plugins.credit.models import CreditAccount, EntryKind, Invoice, InvoiceStatus, LedgerEntry
from plugins.credit.services.numbers import format_number as format_invoice_number
from plugins.credit.visibility import visible_invoices

from ..config import configured
from ..models import CardPayment, CardPaymentStatus
from .gateway import client, to_minor

logger = logging.getLogger(__name__)

ZERO = Decimal("0.00")
CLOSED_INVOICE = (InvoiceStatus.PAID, InvoiceStatus.CANCELLED)
CLOSED_ORDER = (OrderStatus.CANCELLED, OrderStatus.REJECTED)


@dataclass(frozen=True)
class CreatedIntent:
    card_payment: CardPayment
    client_secret: str


def cards_enabled(currency: str) -> bool:
    return configured() and bool(get_plugins_manager().run(
        "card_payments_enabled", False, currency))


def _invoice_remainder(invoice: Invoice) -> Decimal:
    paid = invoice.allocations.aggregate(total=Sum("amount"))["total"] or ZERO
    return invoice.total_gross - paid


def _order_remainder(order: Order) -> Decimal:
    """The order's total less what payments naming it still pay (refunds given back)."""
    invoices = order.invoices.exclude(status=InvoiceStatus.CANCELLED)
    if invoices.exists():
        return sum((_invoice_remainder(invoice) for invoice in invoices), ZERO)
    paid = (LedgerEntry.objects.filter(payment__order=order)
            .filter(kind__in=[EntryKind.PAYMENT, EntryKind.REFUND])
            .aggregate(total=Sum("amount"))["total"] or ZERO)
    # PAYMENT entries are negative, REFUND entries positive: -paid is what is kept.
    return order.grand_total_gross + paid


def _find_invoice(viewer: Viewer, invoice_id: int) -> Invoice:
    organization = viewer.organization
    invoice = (visible_invoices(viewer).filter(pk=invoice_id).select_related("account")
               .first())
    if invoice is None or organization is None or invoice.buyer_id != organization.pk:
        raise DomainValidationError.single(Code.NOT_FOUND, "Invoice not found.", "invoice")
    return invoice


def _find_order(viewer: Viewer, order_id: int) -> Order:
    organization = viewer.organization
    order = visible_orders(viewer).filter(pk=order_id).first()
    if (order is None or organization is None or order.buyer_id != organization.pk
            or not (viewer.can(OrgPerm.PLACE_ORDERS) or viewer.can(OrgPerm.MANAGE_PAYMENTS))):
        raise DomainValidationError.single(Code.NOT_FOUND, "Order not found.", "order")
    return order


def _nothing_to_pay(field: str) -> DomainValidationError:
    return DomainValidationError.single(
        Code.NOTHING_TO_PAY, "Nothing is left to pay: it is paid or cancelled.", field)


def _target(viewer: Viewer, invoice_id: int | None, order_id: int | None
            ) -> tuple[CreditAccount, Invoice | None, Order | None, Decimal, str]:
    """The account, what is paid, the amount and the field naming it (checked)."""
    if (invoice_id is None) == (order_id is None):
        raise DomainValidationError.single(
            Code.REQUIRED, "Name either an invoice or an order to pay.", "invoice")
    if invoice_id is not None:
        invoice = _find_invoice(viewer, invoice_id)
        if invoice.status in CLOSED_INVOICE:
            raise _nothing_to_pay("invoice")
        return invoice.account, invoice, None, _invoice_remainder(invoice), "invoice"
    assert order_id is not None
    order = _find_order(viewer, order_id)
    if order.status in CLOSED_ORDER or order.payment_status == PaymentStatus.PAID:
        raise _nothing_to_pay("order")
    account = CreditAccount.objects.filter(buyer_id=order.buyer_id,
                                           seller_id=order.seller_id).first()
    if account is None:
        raise DomainValidationError.single(
            Code.NO_CREDIT_ACCOUNT, "Your seller has no account with you to pay into.",
            "order")
    if order.currency != account.currency:
        raise DomainValidationError.single(
            Code.CURRENCY_MISMATCH, f"The order is in {order.currency}, the account in "
            f"{account.currency}.", "order")
    return account, None, order, _order_remainder(order), "order"


def _reusable(invoice: Invoice | None, order: Order | None, amount: Decimal,
              viewer: Viewer) -> CardPayment | None:
    pays = Q(invoice=invoice) if invoice is not None else Q(order=order)
    # A declined card leaves the intent waiting for another: it is reused too.
    return (CardPayment.objects.filter(pays, amount=amount, created_by=viewer.user,
                                       status__in=[CardPaymentStatus.REQUIRES_PAYMENT,
                                                   CardPaymentStatus.FAILED])
            .select_for_update().first())


def _stripe_failure(error: stripe.StripeError) -> DomainValidationError:
    logger.warning("stripe: creating a payment intent failed: %s", error)
    return DomainValidationError.single(
        Code.CARD_PAYMENTS_OFF, "The card payment could not be started; try again later.")


@transaction.atomic
def create_intent(viewer: Viewer, *, invoice_id: int | None = None,
                  order_id: int | None = None) -> CreatedIntent:
    account, invoice, order, amount, field = _target(viewer, invoice_id, order_id)
    if not cards_enabled(account.currency):
        raise DomainValidationError.single(
            Code.CARD_PAYMENTS_OFF, "Card payments are not available.", field)
    if amount <= 0:
        raise _nothing_to_pay(field)
    gateway = client()
    earlier = _reusable(invoice, order, amount, viewer)
    if earlier is not None:
        try:
            intent = gateway.v1.payment_intents.retrieve(earlier.intent_id)
        except stripe.StripeError as error:
            raise _stripe_failure(error) from error
        if intent.status == "requires_payment_method":
            if earlier.status != CardPaymentStatus.REQUIRES_PAYMENT:
                # Another try after a declined card; lastError still says why it failed.
                earlier.status = CardPaymentStatus.REQUIRES_PAYMENT
                earlier.save(update_fields=["status", "updated_at"])
            return CreatedIntent(earlier, intent.client_secret or "")
    # The row first, under a placeholder id: its pk goes into the intent's metadata, so a
    # webhook always finds its card payment.
    card = CardPayment.objects.create(
        intent_id=f"pending-{uuid.uuid4()}", account=account, invoice=invoice, order=order,
        amount=amount, currency=account.currency, created_by=viewer.user)
    metadata = {"card_payment": str(card.pk), "account": str(account.pk)}
    if invoice is not None:
        metadata["invoice"] = str(invoice.pk)
    if order is not None:
        metadata["order"] = str(order.pk)
    try:
        intent = gateway.v1.payment_intents.create(
            params={"amount": to_minor(amount, account.currency),
                    "currency": account.currency.lower(), "metadata": metadata,
                    "automatic_payment_methods": {"enabled": True},
                    "description": _description(invoice, order)},
            options={"idempotency_key": f"card-payment-{card.pk}-{card.intent_id}"})
    except stripe.StripeError as error:
        raise _stripe_failure(error) from error
    card.intent_id = intent.id
    card.save(update_fields=["intent_id", "updated_at"])
    return CreatedIntent(card, intent.client_secret or "")


def _description(invoice: Invoice | None, order: Order | None) -> str:
    """What Stripe's dashboard shows for the payment (the seller's staff read it there)."""
    if invoice is not None:
        return f"Invoice {format_invoice_number(invoice.year, invoice.serial, 'en')}"
    assert order is not None
    return f"Order {format_order_number(order.year, order.serial)}"
