"""A page of credit accounts with every figure, its buyer and seller, and each
organization's account, runs the same number of queries however many accounts, invoices,
payments and orders there are, without leaving the execution fast path."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.credit.models import (
    CreditAccount,
    EntryKind,
    LedgerEntry,
    Payment,
    PaymentAllocation,
    PaymentMethod,
    PaymentSource,
)
from tests.credit_world import *  # noqa: F403
from tests.credit_world import invoice_of
from tests.fixtures.graphql import GraphQLClient
from tests.orders_world import make_order

pytestmark = pytest.mark.django_db

ACCOUNTS = """{ creditAccounts(first: 50) { totalCount edges { node {
  id currency netDays note terms overLimitPolicy invoicePolicy canManage updatedAt
  creditLimit { amount currency } balance { amount } invoicedOpen { amount }
  openOrders { amount } advance { amount } available { amount } overdue { amount }
  overdueDays dueThisWeek { amount } lastPaymentOn lastPaymentAmount { amount }
  entries(first: 3) { totalCount edges { node { kind amount { amount } occurredOn } } }
  buyer { name creditAccount { id available { amount } } } seller { name } } } } }"""
ORGANIZATIONS = """{ organizations(first: 50) { edges { node { name creditAccount {
  id balance { amount } available { amount } entries(first: 2) { edges { node { id } } } }
  } } } }"""


def _count(api, document, fast_path) -> int:
    fast_path.reset()
    with CaptureQueriesContext(connection) as captured:
        response = api(document)
    assert response.status == 200 and not response.errors, response.errors
    assert fast_path.fallbacks == 0, f"{fast_path.fallbacks} fallbacks to the general path"
    return len(captured)


def _more_accounts(w, make_org, catalog, n: int) -> None:
    """``n`` more dealers, each with an account, an invoice, a payment with an advance and
    an order on account."""
    today = timezone.localdate()
    factory = w["network"]["factory"]
    variant = catalog["door"].variants.first()
    for i in range(n):
        dealer = make_org(f"Дилер {i}", parent=factory)
        account = CreditAccount.objects.create(buyer=dealer, seller=factory,
                                               credit_limit=Decimal(1000 * (i + 1)))
        invoice = invoice_of(account, 100 + i, "700.00", today - timedelta(days=i))
        payment = Payment.objects.create(account=account, method=PaymentMethod.BANK_TRANSFER,
                                         source=PaymentSource.MANUAL, amount=Decimal(900),
                                         currency="RUB", received_on=today)
        PaymentAllocation.objects.create(payment=payment, invoice=invoice, amount=Decimal(700))
        LedgerEntry.objects.create(account=account, kind=EntryKind.PAYMENT,
                                   amount=Decimal(-900), occurred_on=today, payment=payment)
        make_order(dealer, w["users"]["dealer buyer"], [variant])


@pytest.mark.parametrize("who", ["staff MANAGE_CREDIT", "dealer admin"])
def test_a_page_of_accounts_costs_the_same_queries_with_more_rows(
        credit_world, make_org, catalog, fast_path, who):
    w = credit_world
    user = w["users"][who]
    api = GraphQLClient(user, user.memberships.get().organization)
    before = {name: _count(api, document, fast_path)
              for name, document in (("accounts", ACCOUNTS), ("organizations", ORGANIZATIONS))}

    _more_accounts(w, make_org, catalog, 3)

    after = {name: _count(api, document, fast_path)
             for name, document in (("accounts", ACCOUNTS), ("organizations", ORGANIZATIONS))}
    assert after == before
    listed = api(ACCOUNTS).data["creditAccounts"]
    if who.startswith("staff"):
        assert listed["totalCount"] == 5
        last = next(e["node"] for e in listed["edges"] if e["node"]["buyer"]["name"] == "Дилер 2")
        assert (last["advance"], last["balance"], last["available"], last["openOrders"]) == (
            {"amount": "200.00"}, {"amount": "-200.00"}, {"amount": "2960.00"},
            {"amount": "240.00"})
        assert last["entries"]["totalCount"] == 2
        assert [e["node"]["kind"] for e in last["entries"]["edges"]] == ["PAYMENT", "INVOICE"]
