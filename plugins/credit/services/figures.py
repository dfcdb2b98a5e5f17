"""An account's figures (balance, open invoices, overdue, open orders, advance, available,
the last payment), for one account or a page of accounts in the same five queries: the
ledger's sums, the open invoices with what allocations cover, the payments with an
unallocated remainder, the orders on account not invoiced yet, the last payments. The
sums become figures in the pure engine (``engine/figures.py``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from backend.orders.credit import CreditHold
from backend.orders.models import Order, OrderStatus
from plugins.order_workflow.models import ModerationState

from ..engine import Figures, InvoiceRow, OrderRow, PaymentRow, advance_of, figures
from ..models import (
    CreditAccount,
    EntryKind,
    Invoice,
    InvoiceStatus,
    LedgerEntry,
    Payment,
    PaymentAllocation,
)

ZERO = Decimal(0)
AMOUNT = DecimalField(max_digits=14, decimal_places=2)
# Orders accepted on account: placed (moderated or confirmed) or awaiting the buyer's own
# approver; a card-held order is paid by card, not on credit.
ON_ACCOUNT = (OrderStatus.PLACED, OrderStatus.AWAITING_APPROVAL)
CLOSED_MODERATION = (ModerationState.REJECTED, ModerationState.CANCELLED)


@dataclass(frozen=True)
class AccountFigures:
    figures: Figures
    last_payment_on: date | None = None
    last_payment_amount: Decimal | None = None


def _balances(ids: list[int]) -> dict[int, Decimal]:
    return dict(LedgerEntry.objects.filter(account_id__in=ids).values("account_id")
                .annotate(total=Sum("amount")).values_list("account_id", "total"))


def _open_invoices(ids: list[int]) -> dict[int, list[InvoiceRow]]:
    rows = (Invoice.objects.filter(account_id__in=ids)
            .exclude(status__in=(InvoiceStatus.PAID, InvoiceStatus.CANCELLED))
            .annotate(allocated=Coalesce(Sum("allocations__amount"), Value(ZERO),
                                         output_field=AMOUNT))
            .values_list("account_id", "total_gross", "allocated", "due_on"))
    found: dict[int, list[InvoiceRow]] = defaultdict(list)
    for account_id, total, allocated, due_on in rows:
        found[account_id].append(InvoiceRow(total, allocated, due_on))
    return found


def _advances(ids: list[int]) -> dict[int, Decimal]:
    allocated = Coalesce(Subquery(
        PaymentAllocation.objects.filter(payment_id=OuterRef("pk")).values("payment_id")
        .annotate(total=Sum("amount")).values("total")[:1], output_field=AMOUNT),
        Value(ZERO), output_field=AMOUNT)
    refunded = Coalesce(Subquery(
        LedgerEntry.objects.filter(payment_id=OuterRef("pk"), kind=EntryKind.REFUND)
        .values("payment_id").annotate(total=Sum("amount")).values("total")[:1],
        output_field=AMOUNT), Value(ZERO), output_field=AMOUNT)
    rows = (Payment.objects.filter(account_id__in=ids)
            .annotate(allocated=allocated, refunded=refunded)
            .filter(amount__gt=F("allocated") + F("refunded"))
            .values_list("account_id", "amount", "allocated", "refunded"))
    found: dict[int, list[PaymentRow]] = defaultdict(list)
    for account_id, amount, taken, back in rows:
        found[account_id].append(PaymentRow(amount, taken, back))
    return {account_id: advance_of(payments) for account_id, payments in found.items()}


def _open_orders(accounts: Sequence[CreditAccount],
                 leave_out: int | None) -> dict[int, list[OrderRow]]:
    invoiced = Coalesce(Subquery(
        Invoice.objects.filter(order_id=OuterRef("pk"))
        .exclude(status=InvoiceStatus.CANCELLED).values("order_id")
        .annotate(total=Sum("total_gross")).values("total")[:1], output_field=AMOUNT),
        Value(ZERO), output_field=AMOUNT)
    rows = (Order.objects
            .filter(buyer_id__in={a.buyer_id for a in accounts},
                    seller_id__in={a.seller_id for a in accounts}, status__in=ON_ACCOUNT)
            .exclude(credit_hold=CreditHold.CARD_REQUIRED)
            .exclude(moderation__state__in=CLOSED_MODERATION)
            .annotate(invoiced=invoiced)
            .filter(grand_total_gross__gt=F("invoiced")))
    if leave_out is not None:
        rows = rows.exclude(pk=leave_out)
    by_parties = {(a.buyer_id, a.seller_id, a.currency): a.pk for a in accounts}
    found: dict[int, list[OrderRow]] = defaultdict(list)
    for buyer_id, seller_id, currency, total, invoiced_total in rows.values_list(
            "buyer_id", "seller_id", "currency", "grand_total_gross", "invoiced"):
        account_id = by_parties.get((buyer_id, seller_id, currency))
        if account_id is not None:
            found[account_id].append(OrderRow(total, invoiced_total))
    return found


def _last_payments(ids: list[int]) -> dict[int, tuple[date, Decimal]]:
    rows = (Payment.objects.filter(account_id__in=ids)
            .order_by("account_id", "-received_on", "-pk").distinct("account_id")
            .values_list("account_id", "received_on", "amount"))
    return {account_id: (on, amount) for account_id, on, amount in rows}


def figures_of(accounts: Sequence[CreditAccount], *, today: date | None = None,
               leave_out_order: int | None = None,
               last_payments: bool = True) -> dict[int, AccountFigures]:
    """Each account's figures on ``today`` (the local date), by account id.
    ``leave_out_order``: an order whose exposure is asked again (its confirmation)."""
    if not accounts:
        return {}
    today = today or timezone.localdate()
    ids = [account.pk for account in accounts]
    balances, invoices = _balances(ids), _open_invoices(ids)
    advances, orders = _advances(ids), _open_orders(accounts, leave_out_order)
    last = _last_payments(ids) if last_payments else {}
    result = {}
    for account in accounts:
        on, amount = last.get(account.pk, (None, None))
        result[account.pk] = AccountFigures(
            figures(account.credit_limit, balances.get(account.pk) or ZERO,
                    invoices.get(account.pk, ()), orders.get(account.pk, ()),
                    advances.get(account.pk, ZERO), today),
            last_payment_on=on, last_payment_amount=amount)
    return result


def account_figures(account: CreditAccount, **options) -> AccountFigures:
    return figures_of([account], **options)[account.pk]
