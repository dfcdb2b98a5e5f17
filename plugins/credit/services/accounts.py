"""Setting a buyer's credit account (``creditAccountSet``) and adjusting its ledger
(``creditAdjust``): the seller's side only (``visibility.may_manage_account``). Both take the
account row's lock first, as every ledger write does, so one account's writes and credit
checks are serialized."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.accounts.models import Organization
from backend.core.errors import CoreErrorCode, DomainValidationError, ErrorCollector
from backend.core.money import validate_currency
from backend.core.permissions import OrgPerm, Perm
from backend.core.viewer import Viewer

from ..errors import CreditErrorCode as Code
from ..models import (
    CreditAccount,
    EntryKind,
    Invoice,
    InvoicePolicy,
    LedgerEntry,
    OverLimitPolicy,
    Payment,
    Terms,
)
from ..visibility import may_manage_account

MAX_AMOUNT = Decimal("1e12")  # the money columns' 14 digits, 2 of them decimal
MAX_NET_DAYS = 365
MAX_NOTE = 2000
MAX_REASON = 1000


@dataclass(frozen=True)
class AccountSettings:
    credit_limit: Decimal
    terms: str
    over_limit_policy: str
    net_days: int | None = None  # NET: 0 unless given; PREPAYMENT: always 0
    currency: str | None = None  # the account's, else the seller's
    invoice_policy: str | None = None  # the account's, else on confirmation
    note: str | None = None


def _seller_for(viewer: Viewer, buyer: Organization) -> Organization:
    """Who sets ``buyer``'s credit: staff with MANAGE_CREDIT for the manufacturer's
    dealers, a dealer's MANAGE_CREDIT members for its own sub-dealers."""
    seller = buyer.parent
    if viewer.is_staff:
        allowed = (viewer.has_perm(Perm.MANAGE_CREDIT) and seller is not None
                   and seller.parent_id is None)
    else:
        organization = viewer.organization
        allowed = (organization is not None and seller is not None
                   and seller.pk == organization.pk and viewer.can(OrgPerm.MANAGE_CREDIT))
    if not allowed or seller is None:
        raise DomainValidationError.single(
            CoreErrorCode.PERMISSION_DENIED,
            "Only the buyer's seller sets its credit: the manufacturer's staff with the "
            "credit permission for dealers, a dealer for its own sub-dealers.", "buyer")
    return seller


def _amount_error(errors: ErrorCollector, amount: Decimal, field: str) -> bool:
    if amount != amount.quantize(Decimal("0.01")) or abs(amount) >= MAX_AMOUNT:
        errors.add(CoreErrorCode.INVALID, "Give an amount with at most two decimals, below "
                                          "a trillion.", field)
        return True
    return False


def _validated(data: AccountSettings, account: CreditAccount | None,
               seller: Organization) -> dict:
    errors = ErrorCollector()
    if data.credit_limit < 0:
        errors.add(Code.LIMIT_NEGATIVE, "The credit limit cannot be negative.", "credit_limit")
    else:
        _amount_error(errors, data.credit_limit, "credit_limit")
    if data.terms not in Terms.values:
        errors.add(CoreErrorCode.INVALID, "Unknown payment terms.", "terms")
    if data.over_limit_policy not in OverLimitPolicy.values:
        errors.add(CoreErrorCode.INVALID, "Unknown over-limit policy.", "over_limit_policy")
    invoice_policy = data.invoice_policy or (
        account.invoice_policy if account else InvoicePolicy.ON_CONFIRMATION)
    if invoice_policy not in InvoicePolicy.values:
        errors.add(CoreErrorCode.INVALID, "Unknown invoice policy.", "invoice_policy")
    net_days = data.net_days if data.net_days is not None else (
        account.net_days if account else 0)
    if data.terms == Terms.PREPAYMENT:
        net_days = 0
    elif not 0 <= net_days <= MAX_NET_DAYS:
        errors.add(CoreErrorCode.INVALID, f"Net days are 0 to {MAX_NET_DAYS}.", "net_days")
    currency = data.currency or (account.currency if account else seller.currency or "RUB")
    try:
        currency = validate_currency(currency)
    except ValueError:
        errors.add(CoreErrorCode.INVALID, f"Unknown currency «{currency}».", "currency")
    else:
        if account is not None and currency != account.currency and _has_rows(account):
            errors.add(Code.CURRENCY_MISMATCH, (
                f"The account already has entries in {account.currency}; its currency "
                "cannot change."), "currency")
    note = (data.note if data.note is not None else account.note if account else "").strip()
    if len(note) > MAX_NOTE:
        errors.add(CoreErrorCode.INVALID, f"A note is at most {MAX_NOTE} characters.", "note")
    errors.raise_if_any()
    return {"credit_limit": data.credit_limit, "terms": data.terms, "net_days": net_days,
            "over_limit_policy": data.over_limit_policy, "invoice_policy": invoice_policy,
            "currency": currency, "note": note}


def _has_rows(account: CreditAccount) -> bool:
    return (LedgerEntry.objects.filter(account=account).exists()
            or Invoice.objects.filter(account=account).exists()
            or Payment.objects.filter(account=account).exists())


def _locked(buyer_id: int, seller_id: int) -> CreditAccount | None:
    return (CreditAccount.objects.select_for_update()
            .filter(buyer_id=buyer_id, seller_id=seller_id).first())


def set_account(viewer: Viewer, buyer: Organization, data: AccountSettings) -> CreditAccount:
    """Create or change ``buyer``'s account with its seller (the viewer's side)."""
    seller = _seller_for(viewer, buyer)
    account = _locked(buyer.pk, seller.pk)
    values = _validated(data, account, seller)
    if account is None:
        try:
            with transaction.atomic():
                return CreditAccount.objects.create(buyer=buyer, seller=seller,
                                                    updated_by=viewer.user, **values)
        except IntegrityError:  # created meanwhile by another request: change that one
            account = _locked(buyer.pk, seller.pk)
            if account is None:
                raise
    for name, value in values.items():
        setattr(account, name, value)
    account.updated_by = viewer.user
    account.save(update_fields=[*values, "updated_by", "updated_at"])
    return account


def adjust(viewer: Viewer, account: CreditAccount, amount: Decimal, currency: str,
           reason: str, *, credit_note: bool = False,
           occurred_on: date | None = None) -> LedgerEntry:
    """An ADJUSTMENT entry (``amount`` signed: + the buyer owes more, - less) or a
    CREDIT_NOTE (``amount`` > 0, entered as owed less), with the reason for it."""
    locked = CreditAccount.objects.select_for_update().get(pk=account.pk)
    if not may_manage_account(viewer, locked):
        raise DomainValidationError.single(
            CoreErrorCode.PERMISSION_DENIED,
            "Only the account's seller adjusts it.", "account")
    errors = ErrorCollector()
    reason = (reason or "").strip()
    if not reason:
        errors.add(Code.REASON_REQUIRED, "Say why the ledger is adjusted.", "reason")
    elif len(reason) > MAX_REASON:
        errors.add(CoreErrorCode.INVALID, f"A reason is at most {MAX_REASON} characters.",
                   "reason")
    if amount == 0 or (credit_note and amount < 0):
        errors.add(Code.AMOUNT_NOT_POSITIVE, (
            "A credit note's amount must be positive." if credit_note
            else "An adjustment cannot be zero."), "amount")
    else:
        _amount_error(errors, amount, "amount")
    if currency.strip().upper() != locked.currency:
        errors.add(Code.CURRENCY_MISMATCH,
                   f"The account is in {locked.currency}, not {currency}.", "currency")
    today = timezone.localdate()
    if occurred_on is not None and occurred_on > today:
        errors.add(CoreErrorCode.INVALID, "An adjustment cannot be dated in the future.",
                   "occurred_on")
    errors.raise_if_any()
    return LedgerEntry.objects.create(
        account=locked, kind=EntryKind.CREDIT_NOTE if credit_note else EntryKind.ADJUSTMENT,
        amount=-amount if credit_note else amount, occurred_on=occurred_on or today,
        reason=reason, created_by=viewer.user)
