"""The credit check's verdicts (the ``credit_check`` hook through the plugin manager, as
placement, confirmation and forwarding ask it): no account allows as before; within the
available credit ALLOW; beyond it the seller's policy; another currency is refused; an
order asked again leaves its own exposure out; which orders count as open."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.plugins.manager import get_plugins_manager
from backend.orders.credit import CreditDecision, CreditHold, CreditVerdict
from backend.orders.models import Order
from plugins.credit.models import CreditAccount, InvoiceStatus, OverLimitPolicy
from plugins.credit.services.figures import account_figures
from plugins.order_workflow.models import ModerationState, OrderModeration
from tests.credit_world import *  # noqa: F403
from tests.credit_world import invoice_of
from tests.orders_world import make_order

pytestmark = pytest.mark.django_db

AVAILABLE = Decimal("60760.00")  # credit_world's figures


def ask(world, amount, currency="RUB", order_id=None, buyer="dealer_a"):
    network = world["network"]
    buyer = network[buyer]
    return get_plugins_manager().run("credit_check", None, buyer, buyer.parent,
                                     Decimal(amount), currency, order_id)


def _policy(world, policy):
    CreditAccount.objects.filter(pk=world["account"].pk).update(over_limit_policy=policy)


def test_no_account_answers_as_without_the_plugin(credit_world):
    CreditAccount.objects.filter(pk=credit_world["sub_account"].pk).delete()
    assert ask(credit_world, "1000000", buyer="sub_a") is None
    manufacturer = credit_world["network"]["factory"]
    assert get_plugins_manager().run("credit_check", None, manufacturer, None,
                                     Decimal(1), "RUB") is None


def test_within_the_available_credit_the_order_passes(credit_world):
    assert ask(credit_world, AVAILABLE) == CreditVerdict(CreditDecision.ALLOW)


@pytest.mark.parametrize(("policy", "stripe", "decision"), [
    (OverLimitPolicy.REFUSE, False, CreditDecision.REFUSE),
    (OverLimitPolicy.MODERATE, False, CreditDecision.OVER_LIMIT),
    (OverLimitPolicy.CARD, True, CreditDecision.CARD_REQUIRED),
    (OverLimitPolicy.CARD, False, CreditDecision.OVER_LIMIT),  # no cards: the moderator
])
def test_beyond_it_the_sellers_policy_decides(credit_world, settings, policy, stripe,
                                              decision):
    settings.STRIPE_SECRET_KEY = "sk_test_x" if stripe else ""
    settings.STRIPE_WEBHOOK_SECRET = "whsec_x" if stripe else ""
    _policy(credit_world, policy)

    verdict = ask(credit_world, AVAILABLE + Decimal("0.01"))

    assert verdict == CreditVerdict(decision, "Available credit 60760.00 RUB; the order is "
                                              "60760.01 RUB.")


def test_an_order_in_another_currency_is_refused(credit_world):
    verdict = ask(credit_world, "1", "USD")
    assert verdict == CreditVerdict(CreditDecision.REFUSE, (
        "The credit account with Завод is in RUB; an order in USD cannot be placed on it."))


def test_an_order_asked_again_leaves_its_own_exposure_out(credit_world):
    w = credit_world
    grown = AVAILABLE + w["order"].grand_total_gross  # its whole new total
    assert ask(w, grown, order_id=w["order"].pk).decision == CreditDecision.ALLOW
    assert ask(w, grown).decision == CreditDecision.OVER_LIMIT


def test_which_orders_count_as_open(credit_world, catalog):
    w = credit_world
    dealer, buyer = w["network"]["dealer_a"], w["users"]["dealer buyer"]
    variant = catalog["door"].variants.first()

    def open_orders():
        return account_figures(w["account"]).figures.open_orders

    assert open_orders() == Decimal("240.00")
    make_order(dealer, buyer, [variant], credit_hold=CreditHold.CARD_REQUIRED)
    make_order(dealer, buyer, [variant], status="CANCELLED")
    rejected = make_order(dealer, buyer, [variant])
    OrderModeration.objects.create(order=rejected, seller=rejected.seller,
                                   state=ModerationState.REJECTED,
                                   submitted_at=rejected.placed_at)
    assert open_orders() == Decimal("240.00")
    confirmed = make_order(dealer, buyer, [variant], quantity=10)  # 1,200.00
    OrderModeration.objects.create(order=confirmed, seller=confirmed.seller,
                                   state=ModerationState.CONFIRMED,
                                   submitted_at=confirmed.placed_at)
    assert open_orders() == Decimal("1440.00")
    # invoiced in part (per shipment): the rest counts; in full: nothing
    invoice_of(w["account"], 50, "1000.00", confirmed.placed_at.date(), order=confirmed)
    assert open_orders() == Decimal("440.00")
    invoice_of(w["account"], 51, "240.00", w["order"].placed_at.date(), order=w["order"],
               status=InvoiceStatus.UNPAID)
    assert open_orders() == Decimal("200.00")
    assert Order.objects.filter(buyer=dealer).count() == 5


def test_the_benchs_ledger_gives_the_figures_the_engine_expects(credit_world):
    """bench/credit_check.py's ledger and its server timing run (their speed is the
    bench's business): every sixth invoice open, half of every twelfth paid, an advance."""
    from bench.credit_check import _ledger, _remove, _server

    sub, dealer = credit_world["network"]["sub_a"], credit_world["network"]["dealer_a"]
    CreditAccount.objects.filter(buyer=sub).delete()
    account, entries = _ledger(sub.pk, dealer.pk, 24)

    found = account_figures(account).figures
    assert entries == 24 + 20 + 2 + 1  # invoices, payments in full, in half, the advance
    # open: invoices 6, 12, 18, 24 (10,000 + 37 × serial); 12 and 24 paid in half
    assert found.invoiced_open == Decimal(10222 + 10444 / 2 + 10666 + 10888 / 2)
    assert found.advance == Decimal(5000)
    assert found.balance == found.invoiced_open - found.advance
    assert len(_server(account, 2)) == 2
    _remove(account)
    assert not CreditAccount.objects.filter(buyer=sub).exists()


def test_an_advance_is_what_payments_left_after_allocations_and_refunds(credit_world):
    from django.utils import timezone

    from plugins.credit.models import (
        EntryKind,
        LedgerEntry,
        Payment,
        PaymentAllocation,
        PaymentMethod,
        PaymentSource,
    )

    w = credit_world
    today = timezone.localdate()
    open_invoice = invoice_of(w["account"], 60, "300.00", today)

    def paid(amount, allocated=None, refunded=None):
        payment = Payment.objects.create(account=w["account"], amount=Decimal(amount),
                                         method=PaymentMethod.BANK_TRANSFER, currency="RUB",
                                         source=PaymentSource.MANUAL, received_on=today)
        if allocated:
            PaymentAllocation.objects.create(payment=payment, invoice=open_invoice,
                                             amount=Decimal(allocated))
        if refunded:
            LedgerEntry.objects.create(account=w["account"], kind=EntryKind.REFUND,
                                       amount=Decimal(refunded), occurred_on=today,
                                       payment=payment)

    paid("1000.00", allocated="300.00", refunded="200.00")  # 500 left
    paid("100.00", refunded="150.00")  # refunded beyond it: nothing left, never negative
    found = account_figures(w["account"])
    assert found.figures.advance == Decimal("500.00")
    assert found.last_payment_amount == Decimal("100.00")
