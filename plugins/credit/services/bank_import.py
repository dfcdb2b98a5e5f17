"""Importing a seller's bank statement, and a person's decisions on the rows left over.

``import_statement``: the file read and EVERY line checked first (``bankimport``): any
line that cannot be read answers ROW_INVALID, one error per line naming it, and nothing
is written. Then, in one transaction under a lock per seller (a PostgreSQL advisory lock:
two imports of the same statement at once run one after the other, so the second finds
the first's rows), each line is:

- DUPLICATE: a row with the same fingerprint (seller, date, number, amount, payer's INN)
  was imported before, or earlier in this file; nothing recorded;
- MATCHED: ``engine.matching`` found the account (and maybe the invoice): the payment is
  recorded (``record_payment``, source BANK_STATEMENT, its reference from the document);
- UNMATCHED: kept for a person: ``match_row`` (an account, maybe an invoice) or
  ``ignore_row`` (with a reason, in the seller's audit trail).

Lock order: the seller's import lock, then accounts (``record_payment``); a row's match
locks the row, then the account. No writer takes them the other way round.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from typing import IO

from django.db import connection, transaction
from django.db.models import Sum

from backend.accounts import audit
from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorDetail
from backend.core.viewer import Viewer

from ..bankimport import read_statement
from ..bankimport.lines import StatementLine
from ..engine import matching
from ..errors import CreditErrorCode as Code
from ..models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    Invoice,
    PaymentMethod,
    PaymentSource,
    RowState,
)
from ..visibility import may_import_statements, visible_accounts, visible_bank_rows
from .payments import OPEN_STATUSES, REASON_MAX, check_named_invoice, record_payment

CURRENCY = "RUB"  # the statements of a Russian bank account
LOCK_CLASS = 0x42414E4B  # «BANK»: the advisory lock's first key, the seller's id the second
FILENAME_CHARS = 255
MAX_ROW_ERRORS = 200  # an answer names at most these many bad rows (then: how many more)


def statement_seller(viewer: Viewer, seller: Organization | None) -> Organization:
    """Whose statement the viewer imports: the one named, else the active organization
    (the manufacturer for staff); PERMISSION_DENIED unless the viewer may."""
    if seller is None:
        seller = (Organization.objects.filter(parent__isnull=True).order_by("pk").first()
                  if viewer.is_staff else viewer.organization)
    if seller is None or not may_import_statements(viewer, seller):
        raise DomainValidationError.single(
            Code.PERMISSION_DENIED, "You may not import this organization's bank statements.",
            "seller")
    return seller


def fingerprint(seller_id: int, line: StatementLine) -> str:
    key = f"{seller_id}|{line.date.isoformat()}|{line.number}|{line.amount}|{line.payer_inn}"
    return hashlib.sha256(key.encode()).hexdigest()


def import_statement(viewer: Viewer, seller: Organization, upload: IO[bytes], *,
                     filename: str, size: int) -> BankStatementImport:
    statement = read_statement(upload, filename, size, seller.inn)
    if statement.problems:
        errors = [ErrorDetail(Code.ROW_INVALID, problem.message, "file",
                              {"place": problem.place})
                  for problem in statement.problems[:MAX_ROW_ERRORS]]
        if len(statement.problems) > MAX_ROW_ERRORS:
            more = len(statement.problems) - MAX_ROW_ERRORS
            errors.append(ErrorDetail(Code.ROW_INVALID, f"And {more} more rows that cannot "
                                      "be read.", "file", {"more": more}))
        raise DomainValidationError(errors)
    if not statement.lines:
        raise DomainValidationError.single(
            Code.INVALID, f"The file has no payment received by {seller.name} (INN "
            f"{seller.inn}): is it this organization's statement?", "file")
    with transaction.atomic():
        _lock_seller(seller.pk)
        return _write(viewer, seller, statement.format, filename, statement.lines)


def _lock_seller(seller_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_CLASS, seller_id])


def _write(viewer: Viewer, seller: Organization, kind: str, filename: str,
           lines: Sequence[StatementLine]) -> BankStatementImport:
    imported = BankStatementImport.objects.create(
        seller=seller, file_name=(filename or "statement")[-FILENAME_CHARS:], format=kind,
        uploaded_by=viewer.user)
    prints = [fingerprint(seller.pk, line) for line in lines]
    seen = set(BankStatementRow.objects.filter(
        statement__seller=seller, fingerprint__in=prints).values_list("fingerprint", flat=True))
    accounts = {a.pk: a for a in CreditAccount.objects.filter(
        seller=seller, currency=CURRENCY).select_related("buyer")}
    account_refs = [matching.AccountRef(a.pk, a.buyer.inn) for a in accounts.values()]
    invoices = {i.pk: i for i in Invoice.objects.filter(
        account_id__in=accounts, status__in=OPEN_STATUSES).annotate(
        allocated=Sum("allocations__amount"))}
    invoice_refs = [matching.InvoiceRef(i.pk, i.account_id, i.year, i.serial,
                                        i.total_gross - (i.allocated or Decimal(0)))
                    for i in invoices.values()]
    rows = []
    for position, (line, print_) in enumerate(zip(lines, prints, strict=True), start=1):
        row = BankStatementRow(
            statement=imported, position=position, doc_number=line.number,
            doc_date=line.date, amount=line.amount, currency=CURRENCY,
            payer_inn=line.payer_inn[:12], payer_name=line.payer_name, purpose=line.purpose,
            fingerprint=print_, state=RowState.UNMATCHED)
        if print_ in seen:
            row.state = RowState.DUPLICATE
        else:
            seen.add(print_)
            found = matching.match(matching.Incoming(line.payer_inn, line.amount, line.purpose),
                                   account_refs, invoice_refs)
            if found.account_id is not None:
                row.account = accounts[found.account_id]
                row.invoice = invoices.get(found.invoice_id) if found.invoice_id else None
                row.payment = _record(viewer, row)
                row.state = RowState.MATCHED
        rows.append(row)
    BankStatementRow.objects.bulk_create(rows)
    return imported


def _record(viewer: Viewer, row: BankStatementRow):  # -> Payment
    assert row.account is not None
    reference = f"№{row.doc_number} {row.doc_date:%d.%m.%Y} {row.fingerprint[:8]}".replace(
        "№ ", "")
    return record_payment(
        row.account, row.amount, row.currency, row.doc_date, PaymentMethod.BANK_TRANSFER,
        PaymentSource.BANK_STATEMENT, reference, invoice=row.invoice, user=viewer.user,
        payer_inn=row.payer_inn, purpose=row.purpose)


def _locked_row(viewer: Viewer, row_id: int) -> BankStatementRow:
    row = (visible_bank_rows(viewer).select_for_update(of=("self",))
           .select_related("statement__seller").filter(pk=row_id).first())
    if row is None:
        raise DomainValidationError.single(Code.NOT_FOUND, "No such bank statement row.",
                                           "row")
    if not may_import_statements(viewer, row.statement.seller):
        raise DomainValidationError.single(
            Code.PERMISSION_DENIED, "You may not match this organization's bank rows.", "row")
    if row.state != RowState.UNMATCHED:
        raise DomainValidationError.single(
            Code.ALREADY_MATCHED, f"The row is {RowState(row.state).label} already.", "row")
    return row


@transaction.atomic
def match_row(viewer: Viewer, row_id: int, account_id: int,
              invoice_id: int | None = None) -> BankStatementRow:
    """A person's match: the row's payment recorded on the account (to the invoice first)."""
    row = _locked_row(viewer, row_id)
    account = visible_accounts(viewer).filter(pk=account_id,
                                              seller_id=row.statement.seller_id).first()
    if account is None:
        raise DomainValidationError.single(
            Code.NOT_FOUND, "No such credit account of this seller.", "account")
    if account.currency != row.currency:
        raise DomainValidationError.single(
            Code.CURRENCY_MISMATCH, f"The account is kept in {account.currency}, the bank "
            f"row is in {row.currency}.", "account")
    invoice = None
    if invoice_id is not None:
        invoice = Invoice.objects.filter(pk=invoice_id).first()
        if invoice is None or invoice.account_id != account.pk:
            raise DomainValidationError.single(
                Code.INVOICE_NOT_OPEN, "The invoice is not this account's.", "invoice")
        check_named_invoice(account, invoice)
    row.account, row.invoice, row.matched_by = account, invoice, viewer.user
    row.payment = _record(viewer, row)
    row.state = RowState.MATCHED
    row.save(update_fields=["account", "invoice", "matched_by", "payment", "state"])
    return row


@transaction.atomic
def ignore_row(viewer: Viewer, row_id: int, reason: str) -> BankStatementRow:
    """Not a payment to match (a loan, a return from a supplier...): set aside, the reason
    kept in the seller's audit trail."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainValidationError.single(Code.REASON_REQUIRED,
                                           "Say why the row is set aside.", "reason")
    if len(reason) > REASON_MAX:
        raise DomainValidationError.single(
            Code.INVALID, f"The reason has at most {REASON_MAX} characters.", "reason")
    row = _locked_row(viewer, row_id)
    row.state, row.matched_by = RowState.IGNORED, viewer.user
    row.save(update_fields=["state", "matched_by"])
    audit.record(row.statement.seller, viewer.user, "bank_row.ignored", row, reason=reason,
                 amount=row.amount, payer_inn=row.payer_inn, doc_number=row.doc_number)
    return row
