"""Opt-in: the same calls against Stripe's real test mode, to check that the local stand-in
still speaks Stripe's API. Runs only when ``STRIPE_TEST_SECRET_KEY`` (an ``sk_test_`` key
of a Stripe account in test mode) is set in the environment; it reaches api.stripe.com.

    STRIPE_TEST_SECRET_KEY=sk_test_... .venv/bin/pytest -q tests/test_stripe_live.py
"""

from __future__ import annotations

import json
import os
from decimal import Decimal

import pytest
import stripe as stripe_library

from plugins.stripe_payments.services.gateway import client, from_minor, to_minor
from tests.stripe_standin import sign

KEY = os.environ.get("STRIPE_TEST_SECRET_KEY", "")

pytestmark = pytest.mark.skipif(
    not KEY.startswith("sk_test_"),
    reason="opt-in: set STRIPE_TEST_SECRET_KEY to an sk_test_ key to run against Stripe's "
           "test mode (reaches api.stripe.com)")


def test_intent_confirm_refund_in_test_mode(settings):
    settings.STRIPE_SECRET_KEY = KEY
    settings.STRIPE_API_BASE = "https://api.stripe.com"
    stripe_api = client()
    intent = stripe_api.v1.payment_intents.create(params={
        # EUR: a currency every test-mode account takes (the portal's own is the account's).
        "amount": to_minor(Decimal("123.45"), "EUR"), "currency": "eur",
        "metadata": {"card_payment": "live-test"},
        "automatic_payment_methods": {"enabled": True, "allow_redirects": "never"}})
    assert intent.status == "requires_payment_method"
    assert intent.client_secret.startswith(intent.id + "_secret_")
    assert intent.metadata["card_payment"] == "live-test"
    confirmed = stripe_api.v1.payment_intents.confirm(
        intent.id, params={"payment_method": "pm_card_visa"})
    assert confirmed.status == "succeeded"
    assert from_minor(confirmed.amount_received, "EUR") == Decimal("123.45")
    refund = stripe_api.v1.refunds.create(params={"payment_intent": intent.id,
                                                  "amount": 2345})
    assert (refund.object, refund.amount, refund.payment_intent) == ("refund", 2345,
                                                                    intent.id)
    # The library's signature check accepts what the stand-in signs (the same scheme).
    payload = json.dumps({"id": "evt_live", "object": "event", "type": "ping",
                          "data": {"object": {}}})
    event = stripe_library.Webhook.construct_event(payload, sign(payload, "whsec_x"),
                                                   "whsec_x")
    assert event.id == "evt_live"
