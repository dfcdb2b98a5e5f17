"""Credit accounts with ledgers for the reconciliation statement's tests: the network's
dealer A owes the manufacturer (invoices, payments, an adjustment written straight into
the ledger, as the other parts' services would), its sub-dealer owes dealer A; members of
each side by role."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.accounts.models import Role
from backend.core.permissions import Perm
from plugins.credit.models import (
    CreditAccount,
    EntryKind,
    Invoice,
    LedgerEntry,
    Payment,
    PaymentMethod,
    PaymentSource,
)

__all__ = ["add_adjustment", "add_invoice", "add_payment", "statement_world"]

D = Decimal


def add_invoice(account: CreditAccount, day: date, gross: str) -> LedgerEntry:
    serial = Invoice.objects.filter(seller_id=account.seller_id, year=day.year).count() + 1
    total = D(gross)
    invoice = Invoice.objects.create(
        account=account, seller=account.seller, buyer=account.buyer, year=day.year,
        serial=serial, issued_on=day, due_on=day, currency=account.currency,
        vat_rate=D("22.00"), total_net=(total / D("1.22")).quantize(D("0.01")),
        total_vat=total - (total / D("1.22")).quantize(D("0.01")), total_gross=total)
    return LedgerEntry.objects.create(account=account, kind=EntryKind.INVOICE, amount=total,
                                      occurred_on=day, invoice=invoice)


def add_payment(account: CreditAccount, day: date, amount: str, reference: str = ""
                ) -> LedgerEntry:
    payment = Payment.objects.create(
        account=account, method=PaymentMethod.BANK_TRANSFER, source=PaymentSource.MANUAL,
        amount=D(amount), currency=account.currency, received_on=day, reference=reference)
    return LedgerEntry.objects.create(account=account, kind=EntryKind.PAYMENT,
                                      amount=-D(amount), occurred_on=day, payment=payment)


def add_adjustment(account: CreditAccount, day: date, amount: str, reason: str
                   ) -> LedgerEntry:
    return LedgerEntry.objects.create(account=account, kind=EntryKind.ADJUSTMENT,
                                      amount=D(amount), occurred_on=day, reason=reason)


@pytest.fixture
def statement_world(network, make_user):
    """``account``: dealer A with the manufacturer: before 2026 an invoice of 10,000 and a
    payment of 4,000 (opening 6,000); in Q1 2026 two invoices, two payments, a credit
    adjustment. ``sub_account``: sub-dealer A-1 with dealer A, one invoice. Users by side."""
    factory, dealer, sub = network["factory"], network["dealer_a"], network["sub_a"]
    account = CreditAccount.objects.create(buyer=dealer, seller=factory,
                                           credit_limit=D("100000"), net_days=14)
    add_invoice(account, date(2025, 12, 1), "10000.00")
    add_payment(account, date(2025, 12, 20), "4000.00", "101")
    add_invoice(account, date(2026, 1, 15), "24400.00")
    add_payment(account, date(2026, 1, 30), "10000.00", "117")
    add_invoice(account, date(2026, 2, 10), "1220.50")
    add_adjustment(account, date(2026, 2, 28), "-20.50", "Скидка за объём")
    add_payment(account, date(2026, 3, 5), "15000.00", "142")
    sub_account = CreditAccount.objects.create(buyer=sub, seller=dealer,
                                               credit_limit=D("5000"))
    add_invoice(sub_account, date(2026, 2, 1), "3000.00")
    return {
        **network, "account": account, "sub_account": sub_account,
        "accountant": make_user("accountant@dealer-a.test", dealer, Role.ACCOUNTANT),
        "buyer": make_user("buyer@dealer-a.test", dealer, Role.BUYER),
        "dealer_admin": make_user("admin@dealer-a.test", dealer, Role.ADMIN),
        "sub_admin": make_user("admin@sub-a.test", sub, Role.ADMIN),
        "factory_accountant": make_user("accountant@factory.test", factory, Role.ACCOUNTANT),
        "staff": make_user("credit@factory.test", factory, Role.ADMIN, is_staff=True,
                           staff_permissions=[Perm.MANAGE_CREDIT.value]),
    }
