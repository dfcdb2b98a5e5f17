"""Credit rows written directly (not through the ledger's, invoices' and payments'
services, which other parts test): accounts, invoices with their ledger entries, payments
allocated to them, refunds. For the receivables monitor's tests and the authorization
matrix, whose subject is what is read, not how it was written."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from backend.accounts.models import Organization
from plugins.credit.models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    EntryKind,
    Invoice,
    InvoiceLine,
    LedgerEntry,
    Payment,
    PaymentAllocation,
    PaymentMethod,
    PaymentSource,
    Requisites,
    StatementComparison,
)
from plugins.credit.services.status import refresh_status

VAT = Decimal("22.00")


def account(buyer: Organization, limit: str = "100000.00", **fields) -> CreditAccount:
    seller = buyer.parent
    assert seller is not None
    return CreditAccount.objects.create(buyer=buyer, seller=seller,
                                        credit_limit=Decimal(limit), **fields)


def invoice(account: CreditAccount, total: str, due_on: date, *,
            issued_on: date | None = None, order=None) -> Invoice:
    gross = Decimal(total)
    net = (gross / (1 + VAT / 100)).quantize(Decimal("0.01"))
    issued = issued_on or min(due_on, timezone.localdate())
    serial = (Invoice.objects.filter(seller=account.seller, year=issued.year)
              .aggregate(m=Max("serial"))["m"] or 0) + 1
    made = Invoice.objects.create(
        account=account, seller=account.seller, buyer=account.buyer, order=order,
        year=issued.year, serial=serial, issued_on=issued, due_on=due_on,
        currency=account.currency, vat_rate=VAT, total_net=net, total_vat=gross - net,
        total_gross=gross)
    InvoiceLine.objects.create(invoice=made, position=1, sku="SKU-1", name="Товар",
                               unit="шт", quantity=1, unit_price_net=net, total_net=net,
                               total_vat=gross - net, total_gross=gross)
    LedgerEntry.objects.create(account=account, kind=EntryKind.INVOICE, amount=gross,
                               occurred_on=issued, invoice=made)
    refresh(made)
    return made


def payment(account: CreditAccount, amount: str, received_on: date,
            to: list[tuple[Invoice, str]] = (), reference: str = "") -> Payment:
    """A bank transfer, allocated as ``to`` says (the rest is an advance)."""
    made = Payment.objects.create(
        account=account, method=PaymentMethod.BANK_TRANSFER, source=PaymentSource.MANUAL,
        amount=Decimal(amount), currency=account.currency, received_on=received_on,
        reference=reference)
    LedgerEntry.objects.create(account=account, kind=EntryKind.PAYMENT,
                               amount=-Decimal(amount), occurred_on=received_on, payment=made)
    for target, part in to:
        PaymentAllocation.objects.create(payment=made, invoice=target, amount=Decimal(part))
        refresh(target)
    return made


def refund(paid: Payment, amount: str, on: date) -> LedgerEntry:
    return LedgerEntry.objects.create(account=paid.account, kind=EntryKind.REFUND,
                                      amount=Decimal(amount), occurred_on=on, payment=paid,
                                      reason="Возврат")


def refresh(target: Invoice) -> None:
    """Its status and paid total from its allocations, as the payments' service does."""
    refresh_status(target, with_order=False)


def seed_credit(network, uploaded_by) -> dict[str, CreditAccount]:
    """Every credit row kind down both chains: the manufacturer's accounts with both
    dealers, each dealer's with its sub-dealer; invoices overdue, due this week and paid,
    payments (one leaving an advance, one refunded in part), requisites, a bank statement
    with a matched and an unmatched row per seller, a statement comparison per account."""
    today = timezone.localdate()
    made = {}
    for key, limit in (("dealer_a", "500000.00"), ("dealer_b", "300000.00"),
                       ("sub_a", "50000.00"), ("sub_b", "20000.00")):
        acc = made[key] = account(network[key], limit, net_days=30)
        late = invoice(acc, "12200.00", today - timedelta(days=10),
                       issued_on=today - timedelta(days=40))
        soon = invoice(acc, "6100.00", today + timedelta(days=3),
                       issued_on=today - timedelta(days=27))
        paid = invoice(acc, "2440.00", today + timedelta(days=20),
                       issued_on=today - timedelta(days=10))
        payment(acc, "5000.00", today - timedelta(days=5), [(late, "5000.00")],
                reference=f"{key}-1")
        extra = payment(acc, "3000.00", today - timedelta(days=2), [(paid, "2440.00")],
                        reference=f"{key}-2")
        refund(extra, "100.00", today - timedelta(days=1))
        del soon
    for org in network.values():
        Requisites.objects.create(organization=org, legal_address="Москва",
                                  bank_name="Банк", bik="044525225",
                                  bank_account="40702810000000000001",
                                  correspondent_account="30101810400000000225")
    for seller_key, acc_key in (("factory", "dealer_a"), ("dealer_a", "sub_a"),
                                ("factory", "dealer_b"), ("dealer_b", "sub_b")):
        acc = made[acc_key]
        statement = BankStatementImport.objects.create(
            seller=network[seller_key], file_name="выписка.txt", format="ONE_C",
            uploaded_by=uploaded_by)
        paid = acc.payments.order_by("pk").first()
        BankStatementRow.objects.create(
            statement=statement, position=1, doc_number="1", doc_date=today,
            amount=paid.amount, payer_inn=acc.buyer.inn, fingerprint=f"{acc.pk}-1",
            state="MATCHED", account=acc, payment=paid)
        BankStatementRow.objects.create(
            statement=statement, position=2, doc_number="2", doc_date=today,
            amount=Decimal("777.00"), payer_inn="7700000000", fingerprint=f"{acc.pk}-2",
            state="UNMATCHED")
        StatementComparison.objects.create(
            account=acc, period_start=today - timedelta(days=30), period_end=today,
            file_name="акт.xlsx", file="credit/statements/act.xlsx", status="DONE",
            agrees=True, uploaded_by=uploaded_by)
    return made
