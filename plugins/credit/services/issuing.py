"""Invoices issued by the order's life, inside the confirming or shipping transaction
(hooks ``order_confirmed``, ``order_dispatched``), or by the seller's hand
(``invoiceIssue``).

The buyer's credit account with the seller decides: none, no invoice (the order is not
sold on account); its ``invoice_policy`` ON_CONFIRMATION bills the whole order when it is
confirmed, PER_SHIPMENT each dispatch. Issuing is idempotent (one invoice per order, one
per dispatch: the account's lock serializes the check, the unique constraints back it).

An invoice enters the ledger as an INVOICE entry (+ its total with VAT) the day it is
issued, takes the account's open advances (``advances.take_advances``) and gets its
status. Due: PREPAYMENT on the day of issue, NET ``net_days`` later. Its number is taken
last (``numbers.next_serial``: the seller's counter row stays locked until commit).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from backend.orders.models import Order

from ..models import (
    CreditAccount,
    EntryKind,
    Invoice,
    InvoiceLine,
    InvoicePolicy,
    LedgerEntry,
    Terms,
)
from . import numbers
from .advances import take_advances
from .invoice_lines import ZERO, LineDraft, delivery_draft, dispatch_drafts, order_drafts
from .status import refresh_status


def locked_account(order: Order) -> CreditAccount | None:
    return (CreditAccount.objects.select_for_update()
            .filter(buyer_id=order.buyer_id, seller_id=order.seller_id).first())


def due_date(account: CreditAccount, issued_on: datetime.date) -> datetime.date:
    if account.terms == Terms.PREPAYMENT:
        return issued_on
    return issued_on + datetime.timedelta(days=account.net_days)


@transaction.atomic
def issue(account: CreditAccount, order: Order, drafts: list[LineDraft], *,
          dispatch_id: int | None = None, user: object = None,
          issued_on: datetime.date | None = None) -> Invoice | None:
    """Write the invoice of ``drafts`` (None when they bill nothing), dated ``issued_on``
    (today unless said: the demo dates its history). The account is locked by the
    caller."""
    total_net = sum((draft.total_net for draft in drafts), ZERO)
    total_gross = sum((draft.total_gross for draft in drafts), ZERO)
    if total_gross <= 0:
        return None
    issued_on = issued_on or timezone.localdate()
    invoice = Invoice.objects.create(
        account=account, seller_id=account.seller_id, buyer_id=account.buyer_id,
        order=order, dispatch_id=dispatch_id, year=issued_on.year,
        serial=numbers.next_serial(account.seller_id, issued_on.year),
        issued_on=issued_on, due_on=due_date(account, issued_on), currency=order.currency,
        vat_rate=order.vat_rate, total_net=total_net, total_vat=total_gross - total_net,
        total_gross=total_gross, created_by=user if getattr(user, "pk", None) else None)
    InvoiceLine.objects.bulk_create(
        InvoiceLine(invoice=invoice, position=position, order_line_id=draft.order_line_id,
                    sku=draft.sku, name=draft.name, unit=draft.unit,
                    quantity=draft.quantity, unit_price_net=draft.unit_price_net,
                    total_net=draft.total_net, total_vat=draft.total_vat,
                    total_gross=draft.total_gross)
        for position, draft in enumerate(drafts, start=1))
    LedgerEntry.objects.create(account=account, kind=EntryKind.INVOICE, amount=total_gross,
                               occurred_on=issued_on, invoice=invoice,
                               created_by=invoice.created_by)
    take_advances(invoice)
    refresh_status(invoice)
    return invoice


def _whole_order(account: CreditAccount, order: Order, user: object = None) -> Invoice | None:
    existing = Invoice.objects.filter(order=order, dispatch_id__isnull=True).first()
    if existing is not None:
        return existing
    drafts = order_drafts(order)
    delivery = delivery_draft(order)
    return issue(account, order, drafts + ([delivery] if delivery else []), user=user)


def on_confirmed(order: Order) -> Invoice | None:
    account = locked_account(order)
    if account is None or account.invoice_policy != InvoicePolicy.ON_CONFIRMATION:
        return None
    return _whole_order(account, order)


def on_dispatched(order: Order, dispatch: Model) -> Invoice | None:
    account = locked_account(order)
    if account is None or account.invoice_policy != InvoicePolicy.PER_SHIPMENT:
        return None
    existing = Invoice.objects.filter(dispatch_id=dispatch.pk).first()
    if existing is not None:
        return existing
    drafts = dispatch_drafts(dispatch.pk)
    # The delivery is billed once, with the order's first shipment.
    delivery = (None if Invoice.objects.filter(order=order).exists()
                else delivery_draft(order))
    return issue(account, order, drafts + ([delivery] if delivery else []),
                 dispatch_id=dispatch.pk)


def issue_by_hand(account: CreditAccount, order: Order, user: object) -> Invoice | None:
    """The seller bills a confirmed order not invoiced yet, whatever the policy (one
    missed, or an account opened after the confirmation). None: nothing to invoice (an
    invoice exists for it, or it bills nothing)."""
    if Invoice.objects.filter(order=order).exists():
        return None
    return _whole_order(account, order, user)
