"""The credit plugin's demo data (``manage.py demo`` runs ``load_demo`` after the
workflow's, which confirmed three orders): what every dealer and sub-dealer owes its
seller, and why.

- An account for every dealer (with the factory) and every sub-dealer (with its dealer),
  each with its own limit, terms and policy: Столичный дом красок MODERATE (over-limit
  orders go to moderation flagged), Невский Дом CARD (pay by card now, moderation when
  cards are off), Гатчина-Ремонт REFUSE with a limit of 10,000 ₽ that its placed order
  already exceeds, so its next order is refused; УралСтройКомплект on prepayment.
- Requisites (bank details) for the factory and the dealers, the sellers of the invoices.
- Invoices for the workflow's confirmed orders: Столичный дом красок's (partly shipped)
  issued 80 days ago on 30 days' terms, 40 % paid through the factory's bank statement:
  overdue; Подмосковный строитель's paid in two parts; ДомТорг Зеленоград's 30 % paid,
  due in five days.
- An advance: Невский Дом paid 50,000 ₽ before any invoice.
- The factory's bank statement: the matched payment, and a row nobody could match (an
  unknown payer) waiting for a person.
- admin@demo.local holds MANAGE_CREDIT.

Invoices and payments go through the invoices' and payments' services (``issue``,
``record_payment``), dated in the past. Loaded once: when a demo account exists, a second
load does nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from backend.accounts.models import Membership, Organization, User
from backend.core.permissions import Perm
from backend.orders.models import Order

from .models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    Invoice,
    Payment,
    PaymentMethod,
    PaymentSource,
    Requisites,
    RowState,
    StatementFormat,
    Terms,
)
from .models import InvoicePolicy as IP
from .models import OverLimitPolicy as OL
from .services.invoice_lines import delivery_draft, order_drafts
from .services.issuing import issue
from .services.numbers import format_number
from .services.payments import record_payment

STAFF = "admin@demo.local"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class AccountSpec:
    member: str  # a demo login of the buyer (its only organization)
    limit: str
    terms: str
    net_days: int
    policy: str
    invoice_policy: str = IP.ON_CONFIRMATION
    note: str = ""


ACCOUNTS = (
    AccountSpec("dealer1.admin@demo.local", "3000000", Terms.NET, 30, OL.MODERATE,
                note="Ключевой дилер: лимит пересмотрен в октябре."),
    AccountSpec("dealer2.buyer@demo.local", "800000", Terms.NET, 14, OL.CARD, IP.PER_SHIPMENT),
    AccountSpec("dealer3.buyer@demo.local", "0", Terms.PREPAYMENT, 0, OL.MODERATE,
                note="Работает по предоплате."),
    AccountSpec("subdealer1.buyer@demo.local", "1000000", Terms.NET, 14, OL.MODERATE),
    AccountSpec("subdealer2.buyer@demo.local", "300000", Terms.NET, 45, OL.MODERATE),
    AccountSpec("subdealer3.buyer@demo.local", "250000", Terms.NET, 21, OL.MODERATE),
    AccountSpec("subdealer4.buyer@demo.local", "10000", Terms.NET, 7, OL.REFUSE,
                note="Малый лимит: заказы сверх него отклоняются."),
    AccountSpec("subdealer5.buyer@demo.local", "200000", Terms.NET, 30, OL.CARD),
    AccountSpec("subdealer6.buyer@demo.local", "150000", Terms.NET, 30, OL.MODERATE,
                IP.PER_SHIPMENT),
)

# Bank details of the sellers: the factory and the dealers (by a member's login).
REQUISITES = (
    (STAFF, "150040, г. Ярославль, пр-т Октября, д. 87", "ПАО Сбербанк", "044525225",
     "40702810838000012345", "30101810400000000225", "Соколов А. Н.", "Ершова М. П."),
    ("dealer1.admin@demo.local", "107076, г. Москва, ул. Краснобогатырская, д. 44, стр. 1",
     "АО «Альфа-Банк»", "044525593", "40702810701300012877", "30101810200000000593",
     "Воронин С. И.", "Морозова Е. А."),
    ("dealer2.buyer@demo.local", "192019, г. Санкт-Петербург, ул. Седова, д. 11, лит. А",
     "ПАО «Банк «Санкт-Петербург»", "044030790", "40702810190330004521",
     "30101810900000000790", "Павлов И. К.", "Сидорова Н. В."),
    ("dealer3.buyer@demo.local", "620014, г. Екатеринбург, ул. Малышева, д. 51, оф. 1204",
     "ПАО «СКБ-Банк»", "046577756", "40702810762000031174", "30101810800000000756",
     "Смирнов А. Г.", "Лаптева О. Ю."),
)


def load_demo() -> int:
    """Accounts, requisites, invoices, payments and a bank statement; the number of rows
    created (0 when loaded before or without the demo network)."""
    buyers = {spec.member: _organization(spec.member) for spec in ACCOUNTS}
    if None in buyers.values() or CreditAccount.objects.filter(
            buyer__in=list(buyers.values())).exists():
        return 0
    staff = User.objects.get(email=STAFF)
    if Perm.MANAGE_CREDIT.value not in staff.staff_permissions:
        staff.staff_permissions = [*staff.staff_permissions, Perm.MANAGE_CREDIT.value]
        staff.save(update_fields=["staff_permissions"])
    today = timezone.localdate()
    created = 0
    accounts = {}
    for spec in ACCOUNTS:
        buyer = buyers[spec.member]
        accounts[spec.member] = CreditAccount.objects.create(
            buyer=buyer, seller=buyer.parent, credit_limit=Decimal(spec.limit),
            terms=spec.terms, net_days=spec.net_days, over_limit_policy=spec.policy,
            invoice_policy=spec.invoice_policy, note=spec.note, updated_by=staff)
        created += 1
    for login, *details in REQUISITES:
        Requisites.objects.create(organization=_organization(login), **dict(zip(
            ("legal_address", "bank_name", "bik", "bank_account", "correspondent_account",
             "director", "chief_accountant"), details, strict=True)))
        created += 1
    created += _ledgers(accounts, staff, today)
    return created


def _organization(login: str) -> Organization | None:
    membership = Membership.objects.filter(user__email=login).select_related(
        "organization").order_by("pk").first()
    return membership.organization if membership is not None else None


def _order(key: str) -> Order | None:
    return Order.objects.filter(idempotency_key=f"demo-{key}",
                                placed_by__email__endswith="@demo.local").first()


def _ledgers(accounts: dict[str, CreditAccount], staff: User, today: date) -> int:
    created = 0
    dealer1 = accounts["dealer1.admin@demo.local"]
    shipped = _order("d1-1")
    if shipped is not None:
        late = _issue(dealer1, shipped, today - timedelta(days=80))
        paid = _pay(dealer1, _part(late, "0.4"), today - timedelta(days=60), late,
                    source=PaymentSource.BANK_STATEMENT, reference="1187")
        created += 2 + _bank_statement(dealer1, paid, staff, today - timedelta(days=60))
    sub1 = accounts["subdealer1.buyer@demo.local"]
    ready = _order("s1-1")
    if ready is not None:
        settled = _issue(sub1, ready, today - timedelta(days=75))
        first = _part(settled, "0.5")
        _pay(sub1, first, today - timedelta(days=70), settled, reference="П-311")
        _pay(sub1, settled.total_gross - first, today - timedelta(days=62), settled,
             reference="П-342")
        created += 3
    sub2 = accounts["subdealer2.buyer@demo.local"]
    forwarded = _order("s2-1")
    if forwarded is not None:
        soon = _issue(sub2, forwarded, today - timedelta(days=40))
        _pay(sub2, _part(soon, "0.3"), today - timedelta(days=20), soon, reference="218")
        created += 2
    # Paid before any invoice: an advance, taken by the next invoice issued.
    _pay(accounts["dealer2.buyer@demo.local"], Decimal("50000.00"), today - timedelta(days=3),
         None, reference="4410")
    return created + 1


def _part(invoice: Invoice, share: str) -> Decimal:
    return (invoice.total_gross * Decimal(share)).quantize(CENT)


def _issue(account: CreditAccount, order: Order, issued_on: date) -> Invoice:
    """The order's invoice as the invoices' service issues it on confirmation (its lines,
    the delivery, its ledger entry, advances taken, its status), dated ``issued_on``."""
    delivery = delivery_draft(order)
    invoice = issue(account, order, order_drafts(order) + ([delivery] if delivery else []),
                    issued_on=issued_on)
    if invoice is None:  # a confirmed order bills something: the demo's orders changed
        raise RuntimeError(f"The demo order {order.pk} bills nothing.")
    return invoice


def _pay(account: CreditAccount, amount: Decimal, received_on: date, invoice: Invoice | None,
         source: str = PaymentSource.MANUAL, reference: str = "") -> Payment:
    """A bank transfer as the payments' service records it: its ledger entry, allocated to
    ``invoice`` (the rest is an advance), the invoice's and its order's status."""
    number = format_number(invoice.year, invoice.serial, "ru") if invoice else ""
    return record_payment(
        account, amount, account.currency, received_on, PaymentMethod.BANK_TRANSFER, source,
        reference, invoice=invoice, order=invoice.order if invoice else None,
        payer_inn=account.buyer.inn,
        purpose=f"Оплата по счёту {number}" if invoice else "Аванс по договору")


def _bank_statement(account: CreditAccount, paid: Payment, staff: User, on: date) -> int:
    """The factory's statement: the payment matched, and a row nobody could match."""
    statement = BankStatementImport.objects.create(
        seller=account.seller, file_name="kl_to_1c_0601.txt", format=StatementFormat.ONE_C,
        uploaded_by=staff)
    rows = (
        dict(doc_number=paid.reference, amount=paid.amount, payer_inn=account.buyer.inn,
             payer_name=account.buyer.legal_name, purpose=paid.purpose,
             state=RowState.MATCHED, account=account, invoice=paid.invoice, payment=paid,
             matched_by=staff),
        dict(doc_number="733", amount=Decimal("18600.00"), payer_inn="7701234564",
             payer_name="ООО «Неизвестный плательщик»",
             purpose="Оплата по счёту 15 от 12.10, в т.ч. НДС 22 %", state=RowState.UNMATCHED),
    )
    for position, row in enumerate(rows, start=1):
        fingerprint = hashlib.sha256(
            f"{account.seller_id}|{on}|{row['doc_number']}|{row['amount']}|"
            f"{row['payer_inn']}".encode()).hexdigest()
        BankStatementRow.objects.create(statement=statement, position=position, doc_date=on,
                                        fingerprint=fingerprint, **row)
    return 1 + len(rows)
