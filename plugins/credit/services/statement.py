"""A reconciliation statement (акт сверки) of a credit account for a period, as the
seller's ledger shows it: the balance at the period's start, every ledger entry of the
period with its debit (the buyer owes more) or credit (it owes less), the turnover and the
balance at the end. Built from ``LedgerEntry`` rows only, in two queries; the documents
(``documents/statement_pdf.py``, ``statement_xlsx.py``) and the comparison with the
partner's own statement read it.

Refusals: PERIOD_INVALID (the period ends before it starts, or is longer than
``MAX_PERIOD_DAYS``), NO_ENTRIES (not one entry in the period: an empty statement says
nothing a person should sign).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError

from ..engine.comparison import Line
from ..errors import CreditErrorCode as Code
from ..models import CreditAccount, EntryKind, LedgerEntry, PaymentMethod

MAX_PERIOD_DAYS = 3 * 366
LANGUAGES = ("ru", "en")
ZERO = Decimal("0.00")

_KINDS = {
    "ru": {EntryKind.INVOICE: "Счёт № {number}", EntryKind.PAYMENT: "Оплата",
           EntryKind.CREDIT_NOTE: "Корректировочный документ",
           EntryKind.ADJUSTMENT: "Корректировка", EntryKind.REFUND: "Возврат оплаты"},
    "en": {EntryKind.INVOICE: "Invoice {number}", EntryKind.PAYMENT: "Payment",
           EntryKind.CREDIT_NOTE: "Credit note", EntryKind.ADJUSTMENT: "Adjustment",
           EntryKind.REFUND: "Payment refund"},
}
_PAYMENT_ORDER = {"ru": "п/п № {reference}", "en": "payment order No. {reference}"}
_CARD = {"ru": "картой", "en": "by card"}
# The invoices' numbers as services/numbers.py prints them («СЧ-26-00042»).
_INVOICE_PREFIX = {"ru": "СЧ", "en": "INV"}


@dataclass(frozen=True)
class StatementLine:
    day: date
    document: str
    debit: Decimal
    credit: Decimal

    @property
    def amount(self) -> Decimal:
        return self.debit - self.credit


@dataclass(frozen=True)
class Statement:
    account: CreditAccount
    seller: Organization
    buyer: Organization
    start: date
    end: date
    currency: str
    opening: Decimal  # + the buyer owes the seller, - the seller owes (an advance)
    lines: tuple[StatementLine, ...]
    language: str

    @property
    def debit_total(self) -> Decimal:
        return sum((line.debit for line in self.lines), ZERO)

    @property
    def credit_total(self) -> Decimal:
        return sum((line.credit for line in self.lines), ZERO)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.debit_total - self.credit_total

    def comparison_lines(self) -> list[Line]:
        return [Line(line.day, line.document, line.amount) for line in self.lines]


def check_period(start: date, end: date) -> None:
    if end < start:
        raise DomainValidationError.single(
            Code.PERIOD_INVALID, "The period ends before it starts.", "to")
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise DomainValidationError.single(
            Code.PERIOD_INVALID, f"A statement covers at most {MAX_PERIOD_DAYS} days; choose "
                                 "a shorter period.", "to", max_days=MAX_PERIOD_DAYS)


def build_statement(account: CreditAccount, start: date, end: date, *, language: str = "ru",
                    allow_empty: bool = False) -> Statement:
    """The statement of ``account`` (its seller and buyer loaded with it) from ``start`` to
    ``end`` inclusive; DomainValidationError PERIOD_INVALID or NO_ENTRIES (unless
    ``allow_empty``: a comparison may find the partner's lines missing in the ledger)."""
    check_period(start, end)
    language = language if language in LANGUAGES else "ru"
    entries = LedgerEntry.objects.filter(account=account)
    opening = entries.filter(occurred_on__lt=start).aggregate(total=Sum("amount"))["total"]
    rows = list(entries.filter(occurred_on__gte=start, occurred_on__lte=end)
                .select_related("invoice", "payment").order_by("occurred_on", "pk"))
    if not rows and not allow_empty:
        raise DomainValidationError.single(
            Code.NO_ENTRIES, f"The account has no entries from {start.isoformat()} to "
                             f"{end.isoformat()}: there is nothing to reconcile.", "from")
    lines = tuple(StatementLine(
        row.occurred_on, describe(row, language),
        debit=row.amount if row.amount > 0 else ZERO,
        credit=-row.amount if row.amount < 0 else ZERO) for row in rows)
    return Statement(account=account, seller=account.seller, buyer=account.buyer,
                     start=start, end=end, currency=account.currency,
                     opening=opening if opening is not None else ZERO, lines=lines,
                     language=language)


def describe(entry: LedgerEntry, language: str) -> str:
    """The entry's document as an accountant reads it in a statement."""
    kind = EntryKind(entry.kind)
    text = _KINDS[language][kind]
    if kind is EntryKind.INVOICE:
        invoice = entry.invoice
        number = (f"{_INVOICE_PREFIX[language]}-{invoice.year % 100:02d}-{invoice.serial:05d}"
                  if invoice is not None else "")
        text = text.format(number=number).strip()
    payment = entry.payment
    if payment is not None and kind in (EntryKind.PAYMENT, EntryKind.REFUND):
        if payment.method == PaymentMethod.CARD:
            text = f"{text} {_CARD[language]}"
        if payment.reference and payment.method == PaymentMethod.BANK_TRANSFER:
            text = f"{text}, {_PAYMENT_ORDER[language].format(reference=payment.reference)}"
        text = f"{text} {'от' if language == 'ru' else 'of'} {_day(payment.received_on, language)}"
    if entry.reason and kind in (EntryKind.ADJUSTMENT, EntryKind.CREDIT_NOTE,
                                 EntryKind.REFUND):
        text = f"{text}: {entry.reason}"
    return text


def _day(day: date, language: str) -> str:
    return day.strftime("%d.%m.%Y") if language == "ru" else day.isoformat()
