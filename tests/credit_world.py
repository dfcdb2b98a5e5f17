"""A credit world: the factory's account with dealer Alfa (a ledger with two invoices, a
partial payment, a credit note; one order on account not invoiced yet) and dealer Alfa's
account with its sub-dealer; members of every role on both sides, staff with and without
MANAGE_CREDIT. ``figures`` are what the factory's account must show on ``TODAY``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.accounts.models import Role
from backend.core.permissions import Perm
from plugins.credit.models import (
    CreditAccount,
    EntryKind,
    Invoice,
    InvoiceStatus,
    LedgerEntry,
    OverLimitPolicy,
    Payment,
    PaymentAllocation,
    PaymentMethod,
    PaymentSource,
)
from plugins.credit.services.status import refresh_status
from tests.orders_world import make_order

__all__ = ["credit_world", "gid", "invoice_of"]


def gid(row) -> str:
    return to_global_id(type(row).__name__, row.pk)


def invoice_of(account, serial: int, total: str, due_on, **fields) -> Invoice:
    today = timezone.localdate()
    invoice = Invoice.objects.create(
        account=account, seller=account.seller, buyer=account.buyer, year=today.year,
        serial=serial, issued_on=today - timedelta(days=30), due_on=due_on,
        currency=account.currency, vat_rate=Decimal("22.00"), total_net=Decimal(total),
        total_vat=Decimal(0), total_gross=Decimal(total), **fields)
    LedgerEntry.objects.create(account=account, kind=EntryKind.INVOICE, amount=invoice.total_gross,
                               occurred_on=invoice.issued_on, invoice=invoice)
    return invoice


@pytest.fixture
def credit_world(network, catalog, make_user):
    factory, dealer, sub = network["factory"], network["dealer_a"], network["sub_a"]
    today = timezone.localdate()
    users = {
        "dealer admin": make_user("admin@alfa.test", dealer, Role.ADMIN),
        "dealer buyer": make_user("buyer@alfa.test", dealer, Role.BUYER),
        "dealer accountant": make_user("accountant@alfa.test", dealer, Role.ACCOUNTANT),
        "dealer viewer": make_user("viewer@alfa.test", dealer, Role.VIEWER),
        "sub buyer": make_user("buyer@alfa1.test", sub, Role.BUYER),
        "sub admin": make_user("admin@alfa1.test", sub, Role.ADMIN),
        "other dealer admin": make_user("admin@beta.test", network["dealer_b"], Role.ADMIN),
        "staff MANAGE_CREDIT": make_user("credit@factory.test", factory, Role.ADMIN,
                                         is_staff=True,
                                         staff_permissions=[Perm.MANAGE_CREDIT.value]),
        "staff VIEW_ALL": make_user("manager@factory.test", factory, Role.VIEWER,
                                    is_staff=True, staff_permissions=[Perm.VIEW_ALL.value]),
        "staff without": make_user("clerk@factory.test", factory, Role.VIEWER, is_staff=True,
                                   staff_permissions=[]),
    }
    account = CreditAccount.objects.create(buyer=dealer, seller=factory,
                                           credit_limit=Decimal("100000.00"), net_days=30,
                                           over_limit_policy=OverLimitPolicy.MODERATE)
    sub_account = CreditAccount.objects.create(buyer=sub, seller=dealer,
                                               credit_limit=Decimal("20000.00"))
    overdue = invoice_of(account, 1, "30000.00", today - timedelta(days=10),
                         status=InvoiceStatus.PARTIALLY_PAID)
    invoice_of(account, 2, "20000.00", today + timedelta(days=3))
    payment = Payment.objects.create(account=account, method=PaymentMethod.BANK_TRANSFER,
                                     source=PaymentSource.MANUAL, amount=Decimal("10000.00"),
                                     currency="RUB", received_on=today - timedelta(days=2),
                                     reference="п/п 17")
    PaymentAllocation.objects.create(payment=payment, invoice=overdue,
                                     amount=Decimal("10000.00"))
    refresh_status(overdue)  # its paid total, as the payments' service leaves it
    LedgerEntry.objects.create(account=account, kind=EntryKind.PAYMENT,
                               amount=Decimal("-10000.00"), occurred_on=payment.received_on,
                               payment=payment)
    LedgerEntry.objects.create(account=account, kind=EntryKind.CREDIT_NOTE,
                               amount=Decimal("-1000.00"), occurred_on=today,
                               reason="Брак в партии")
    variant = catalog["door"].variants.first()
    order = make_order(dealer, users["dealer buyer"], [variant])  # 2 × 100 net: 240 gross
    return {"network": network, "users": users, "account": account,
            "sub_account": sub_account, "order": order, "payment": payment,
            "figures": {"balance": "39000.00", "invoicedOpen": "40000.00",
                        "overdue": "20000.00", "overdueDays": 10, "dueThisWeek": "20000.00",
                        "openOrders": "240.00", "advance": "0.00",
                        "available": "60760.00"}}
