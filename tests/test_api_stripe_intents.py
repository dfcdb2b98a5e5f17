"""paymentIntentCreate and stripeConfig through the API, the official library talking HTTP
to the local Stripe stand-in: the amount (the invoice's open remainder, in minor units),
the metadata naming the card payment, a second press giving the same intent, and every
refusal writing nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from plugins.credit.services.payments import record_payment
from plugins.stripe_payments.models import CardPayment
from tests.fixtures.credit_payments import *  # noqa: F403
from tests.fixtures.credit_payments import gid, make_invoice
from tests.fixtures.stripe_world import *  # noqa: F403
from tests.fixtures.stripe_world import INTENT_CREATE

pytestmark = pytest.mark.django_db

CONFIG = "{ stripeConfig { enabled publishableKey } }"


def create(client, **variables) -> dict:
    return client.mutate(INTENT_CREATE, variables, result="paymentIntentCreate")


def codes(payload: dict) -> list[str]:
    return [error["code"] for error in payload["errors"]]


@pytest.fixture
def invoice(credit_world):
    invoice = make_invoice(credit_world["dealer_account"], "1220.00")
    record_payment(credit_world["dealer_account"], Decimal("220.00"), "RUB",
                   timezone.localdate(), "BANK_TRANSFER", "MANUAL", "PP-1", invoice=invoice)
    return invoice


@pytest.fixture
def accountant(credit_world, api_as):
    return api_as(credit_world["dealer_accountant"], credit_world["dealer_a"])


def test_config_says_whether_cards_are_taken(credit_world, api_as, settings):
    client = api_as(credit_world["dealer_accountant"], credit_world["dealer_a"])
    settings.STRIPE_SECRET_KEY = ""
    assert client(CONFIG).data["stripeConfig"] == {"enabled": False, "publishableKey": ""}
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = "sk_test_x", "whsec_x"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_x"
    assert client(CONFIG).data["stripeConfig"] == {"enabled": True,
                                                   "publishableKey": "pk_test_x"}


def test_intent_for_the_open_remainder_of_an_invoice(standin, invoice, accountant):
    payload = create(accountant, invoice=gid("Invoice", invoice.pk))
    assert payload["errors"] == []
    assert payload["publishableKey"] == "pk_test_portal"
    card_payment = payload["cardPayment"]
    assert card_payment["amount"] == {"amount": "1000.00", "currency": "RUB"}
    assert card_payment["status"] == "REQUIRES_PAYMENT"
    row = CardPayment.objects.get()
    intent = standin.intents[row.intent_id]
    assert payload["clientSecret"] == intent["client_secret"]
    assert (intent["amount"], intent["currency"]) == (100000, "rub")
    assert intent["metadata"] == {"card_payment": str(row.pk),
                                  "account": str(row.account_id),
                                  "invoice": str(invoice.pk)}
    # Pressed again: the same intent, not a second charge waiting.
    again = create(accountant, invoice=gid("Invoice", invoice.pk))
    assert again["cardPayment"]["id"] == card_payment["id"]
    assert again["clientSecret"] == payload["clientSecret"]
    assert len(standin.intents) == 1


def test_refusals_write_nothing(standin, credit_world, invoice, accountant, api_as,
                                settings):
    invoice_id = gid("Invoice", invoice.pk)
    assert codes(create(accountant)) == ["REQUIRED"]
    assert codes(create(accountant, invoice=invoice_id,
                        order=gid("Order", 1))) == ["REQUIRED"]
    # Another dealer's invoice does not exist for it; the seller does not pay it either.
    other = api_as(credit_world["other_admin"], credit_world["dealer_b"])
    assert codes(create(other, invoice=invoice_id)) == ["NOT_FOUND"]
    seller = api_as(credit_world["staff"])
    assert codes(create(seller, invoice=invoice_id)) == ["NOT_FOUND"]
    paid = make_invoice(credit_world["dealer_account"], "50.00")
    record_payment(credit_world["dealer_account"], Decimal("50.00"), "RUB",
                   timezone.localdate(), "BANK_TRANSFER", "MANUAL", "PP-2", invoice=paid)
    assert codes(create(accountant, invoice=gid("Invoice", paid.pk))) == ["NOTHING_TO_PAY"]
    settings.STRIPE_SECRET_KEY = ""
    assert codes(create(accountant, invoice=invoice_id)) == ["CARD_PAYMENTS_OFF"]
    assert not CardPayment.objects.exists()
    assert standin.intents == {}


def test_stripe_unreachable_or_refusing_writes_nothing(standin, invoice, accountant,
                                                       settings):
    settings.STRIPE_SECRET_KEY = "sk_live_wrong"  # the stand-in answers 401, as Stripe
    payload = create(accountant, invoice=gid("Invoice", invoice.pk))
    assert codes(payload) == ["CARD_PAYMENTS_OFF"]
    settings.STRIPE_SECRET_KEY = "sk_test_portal"
    standin.stop()
    payload = create(accountant, invoice=gid("Invoice", invoice.pk))
    assert codes(payload) == ["CARD_PAYMENTS_OFF"]
    assert payload["clientSecret"] is None
    assert not CardPayment.objects.exists()


INVOICE_CARD_PAYMENTS = """{ invoices(first: 50) { edges { node {
  id cardPayments { id status lastError amount { amount currency } } } } } }"""


def card_payment_for(invoice, user, status="FAILED") -> CardPayment:
    return CardPayment.objects.create(
        intent_id=f"pi_{invoice.pk}_{status}", account=invoice.account, invoice=invoice,
        amount=invoice.total_gross, currency="RUB", status=status, created_by=user,
        last_error="Your card was declined." if status == "FAILED" else "")


def test_invoice_card_payments_in_constant_queries(credit_world, accountant, api_as,
                                                   fast_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = credit_world["dealer_accountant"]

    def add(how_many: int) -> None:
        for _ in range(how_many):
            invoice = make_invoice(credit_world["dealer_account"], "300.00")
            card_payment_for(invoice, user)
            card_payment_for(invoice, user, "SUCCEEDED")

    def counted(client) -> tuple[int, list]:
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            edges = client(INVOICE_CARD_PAYMENTS).data["invoices"]["edges"]
        assert fast_path.fallbacks == 0
        return len(captured), edges

    add(1)
    before, edges = counted(accountant)
    assert [p["status"] for p in edges[0]["node"]["cardPayments"]] == ["SUCCEEDED", "FAILED"]
    assert edges[0]["node"]["cardPayments"][1]["lastError"] == "Your card was declined."
    add(3)
    after, edges = counted(accountant)
    assert (after, len(edges)) == (before, 4)
    # Another dealer sees neither the invoices nor their card payments.
    other = api_as(credit_world["other_admin"], credit_world["dealer_b"])
    assert other(INVOICE_CARD_PAYMENTS).data["invoices"]["edges"] == []
    hidden = CardPayment.objects.first()
    node = other("query($id: ID!) { node(id: $id) { id } }",
                 {"id": gid("CardPayment", hidden.pk)}).data["node"]
    assert node is None
