"""Card payments in the API: ``stripeConfig`` (whether cards are taken, the publishable key
for Stripe.js), ``paymentIntentCreate(invoice | order)`` (the client secret Stripe.js
confirms the card with) and the ``CardPayment`` type. What a card payment paid is
settled by Stripe's webhook only, never by this API."""

from __future__ import annotations

from typing import Any

import graphene
from django.conf import settings

from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost
from backend.core.graphql.ids import decode_global_id
from backend.core.graphql.types import ModelObjectType
from inventory.schema.preview import MoneyType
from plugins.credit.schema.errors import CreditMutation

from ..config import configured
from ..models import CardPayment
from ..services.intents import create_intent
from ..visibility import visible_card_payments


class CardPaymentType(ModelObjectType):
    amount = graphene.Field(MoneyType, required=True,
                            description="What the card is asked for, in the account's currency.")
    status = graphene.String(required=True, description=(
        "REQUIRES_PAYMENT (waiting for the card), PROCESSING, SUCCEEDED, FAILED (declined: "
        "see lastError; another card may still pay it), CANCELED, REFUNDED, "
        "PARTIALLY_REFUNDED. Set only by Stripe's signed events."))
    last_error = graphene.String(required=True, description=(
        "Why the last attempt failed (Stripe's message), empty otherwise."))

    class Meta:
        model = CardPayment
        name = "CardPayment"
        visible = visible_card_payments
        description = ("A card payment through Stripe (a PaymentIntent) for an invoice or "
                       "an order, and how it went.")
        fields = ("id", "created_at")

    @staticmethod
    def resolve_amount(root: CardPayment, info):
        return MoneyType(amount=root.amount, currency=root.currency)


class StripeConfigType(graphene.ObjectType):
    enabled = graphene.Boolean(required=True,
                               description="Card payments are offered (Stripe is configured).")
    publishable_key = graphene.String(required=True, description=(
        "The key Stripe.js is loaded with (empty when cards are not offered)."))

    class Meta:
        name = "StripeConfig"
        description = "What the storefront needs to take card payments with Stripe.js."


def _stripe_config() -> StripeConfigType:
    enabled = configured() and bool(settings.STRIPE_PUBLISHABLE_KEY)
    return StripeConfigType(enabled=enabled,
                            publishable_key=settings.STRIPE_PUBLISHABLE_KEY if enabled else "")


class Queries(graphene.ObjectType):
    stripe_config = graphene.Field(StripeConfigType, required=True,
                                   description="Whether cards are taken, and Stripe.js's key.")

    @staticmethod
    def resolve_stripe_config(root, info):
        return _stripe_config()


class PaymentIntentCreate(CreditMutation):
    client_secret = graphene.String(description=(
        "For Stripe.js's confirmPayment; given only here, never stored by the portal."))
    publishable_key = graphene.String(description="The key to load Stripe.js with.")
    card_payment = graphene.Field(CardPaymentType)

    class Arguments:
        invoice = graphene.ID(description="An invoice of the viewer's organization: its open "
                                          "remainder is paid.")
        order = graphene.ID(description="An order of the viewer's organization (one held for "
                                        "a card payment): its unpaid total is paid.")

    class Meta:
        description = ("Start paying an invoice or an order by card: a Stripe PaymentIntent "
                       "for what is left to pay. Give exactly one of invoice, order. The "
                       "payment counts only once Stripe's signed webhook says it succeeded.")

    @classmethod
    def perform_mutation(cls, root, info, invoice=None, order=None):
        created = create_intent(
            info.context.viewer,
            invoice_id=decode_global_id(invoice, "Invoice", "invoice") if invoice else None,
            order_id=decode_global_id(order, "Order", "order") if order else None)
        return cls(client_secret=created.client_secret,
                   publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
                   card_payment=created.card_payment)


class Mutations(graphene.ObjectType):
    payment_intent_create = PaymentIntentCreate.Field()


# Creating an intent is a call to Stripe (about 0.3 s): weighed as several mutations.
COSTS: dict[str, Any] = {
    "Query.stripeConfig": FieldCost(1),
    "Mutation.paymentIntentCreate": FieldCost(QUERY_WEIGHT * 40, query=True),
}
