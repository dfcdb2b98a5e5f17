"""An order held for a card payment (CARD_REQUIRED: over the buyer's credit, the seller's
policy CARD): its moderator cannot confirm it (PAYMENT_REQUIRED) until the buyer pays its
total by card and Stripe's signed webhook says so; then its payment status is PAID and the
confirmation passes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.orders.credit import CreditHold
from backend.orders.models import Order, PaymentStatus
from plugins.credit.models import CreditAccount, OverLimitPolicy, Payment
from tests.fixtures.moderation import *  # noqa: F403
from tests.fixtures.moderation import gid, moderate, place
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.stripe_world import *  # noqa: F403
from tests.fixtures.stripe_world import INTENT_CREATE, confirm, deliver, last_event

pytestmark = pytest.mark.django_db

CARD_PAYMENTS = ("query($id: ID!) { node(id: $id) { ... on CardPayment { status "
                 "amount { amount } } } }")


def test_card_paid_order_can_be_confirmed(standin, moderation_world, api_as):
    world = moderation_world
    CreditAccount.objects.create(buyer=world["dealer"], seller=world["factory"],
                                 credit_limit=Decimal("10.00"),
                                 over_limit_policy=OverLimitPolicy.CARD)
    order = place(world, (world["variants"][1], 2), key="card")
    # What the credit check answers for this account (over the limit, policy CARD).
    Order.objects.filter(pk=order.pk).update(credit_hold=CreditHold.CARD_REQUIRED)
    order_id = gid("Order", order.pk)
    staff, buyer = api_as(world["staff"], world["factory"]), api_as(world["buyer"],
                                                                    world["dealer"])
    held = moderate(staff, "orderConfirm", id=order_id)
    assert [e["code"] for e in held["errors"]] == ["PAYMENT_REQUIRED"]

    started = buyer.mutate(INTENT_CREATE, {"order": order_id}, result="paymentIntentCreate")
    assert started["errors"] == []
    assert Decimal(started["cardPayment"]["amount"]["amount"]) == order.grand_total_gross
    confirm(standin, started["clientSecret"])
    assert deliver(last_event(standin, "payment_intent.succeeded")).status_code == 200

    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PAID
    payment = Payment.objects.get()
    assert (payment.order_id, payment.amount) == (order.pk, order.grand_total_gross)
    # The buyer who paid sees how it went; paying again has nothing left to pay.
    seen = buyer(CARD_PAYMENTS, {"id": started["cardPayment"]["id"]}).data["node"]
    assert seen["status"] == "SUCCEEDED"
    again = buyer.mutate(INTENT_CREATE, {"order": order_id}, result="paymentIntentCreate")
    assert [e["code"] for e in again["errors"]] == ["NOTHING_TO_PAY"]
    assert moderate(staff, "orderConfirm", id=order_id)["errors"] == []
