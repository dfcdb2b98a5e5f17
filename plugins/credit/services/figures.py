"""An account's figures (balance, open invoices, overdue, open orders, advance, available,
the last payment), for one account or a page of accounts in ONE query: per account the
ledger's sum, the unallocated remainders of its payments, its open invoices with what
allocations cover and the orders on account not invoiced yet (as rows), its last payment.
The rows become figures in the pure engine (``engine/figures.py``).

The statement is SQL written here rather than the ORM's, prepared on the server once per
connection (``backend.core.prepared``): the credit check runs it inside every placement,
and building and compiling five annotated querysets, then planning them, cost several
times what PostgreSQL takes to answer (bench/credit_check.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from django.utils import timezone

from backend.core.prepared import fetch_all
from backend.orders.credit import CreditHold
from backend.orders.models import Order, OrderStatus
from plugins.order_workflow.models import ModerationState, OrderModeration

from ..engine import Figures, InvoiceRow, OrderRow, figures
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
# Orders accepted on account: placed (moderated or confirmed) or awaiting the buyer's own
# approver; a card-held order is paid by card, not on credit.
ON_ACCOUNT = (OrderStatus.PLACED, OrderStatus.AWAITING_APPROVAL)
CLOSED_MODERATION = (ModerationState.REJECTED, ModerationState.CANCELLED)
CLOSED_INVOICE = (InvoiceStatus.PAID, InvoiceStatus.CANCELLED)


@dataclass(frozen=True)
class AccountFigures:
    figures: Figures
    last_payment_on: date | None = None
    last_payment_amount: Decimal | None = None


def _quoted(values) -> str:
    return ", ".join(f"'{value}'" for value in values)


@cache
def _statement() -> str:
    """The figures' statement over ``%(ids)s`` (account ids), ``%(leave_out)s`` (an order
    id or null). Money crosses JSON as text, never as a float. Allocations and refunds are
    summed per payment (and per invoice) once, joined, rather than asked per row: a
    correlated sum per payment made the planner scan the allocations once per payment."""
    account, entry = CreditAccount._meta.db_table, LedgerEntry._meta.db_table
    payment, allocation = Payment._meta.db_table, PaymentAllocation._meta.db_table
    invoice, order = Invoice._meta.db_table, Order._meta.db_table
    moderation = OrderModeration._meta.db_table
    return f"""
    SELECT a.id,
      (SELECT SUM(e.amount) FROM {entry} e WHERE e.account_id = a.id),
      (SELECT SUM(GREATEST(p.amount - COALESCE(x.total, 0) - COALESCE(r.total, 0), 0))
       FROM {payment} p
       LEFT JOIN (SELECT x.payment_id, SUM(x.amount) AS total
                  FROM {allocation} x JOIN {payment} q ON q.id = x.payment_id
                  WHERE q.account_id = a.id GROUP BY x.payment_id) x ON x.payment_id = p.id
       LEFT JOIN (SELECT r.payment_id, SUM(r.amount) AS total FROM {entry} r
                  WHERE r.account_id = a.id AND r.kind = '{EntryKind.REFUND}'
                  GROUP BY r.payment_id) r ON r.payment_id = p.id
       WHERE p.account_id = a.id),
      (SELECT json_agg(json_build_array(i.total_gross::text, COALESCE(x.total, 0)::text,
                                        i.due_on))
       FROM {invoice} i
       LEFT JOIN (SELECT x.invoice_id, SUM(x.amount) AS total
                  FROM {allocation} x JOIN {invoice} j ON j.id = x.invoice_id
                  WHERE j.account_id = a.id AND j.status NOT IN ({_quoted(CLOSED_INVOICE)})
                  GROUP BY x.invoice_id) x ON x.invoice_id = i.id
       WHERE i.account_id = a.id AND i.status NOT IN ({_quoted(CLOSED_INVOICE)})),
      (SELECT json_agg(json_build_array(o.grand_total_gross::text,
                                        COALESCE(v.total, 0)::text))
       FROM {order} o
       LEFT JOIN (SELECT v.order_id, SUM(v.total_gross) AS total FROM {invoice} v
                  WHERE v.account_id = a.id AND v.order_id IS NOT NULL
                    AND v.status <> '{InvoiceStatus.CANCELLED}'
                  GROUP BY v.order_id) v ON v.order_id = o.id
       WHERE o.buyer_id = a.buyer_id AND o.seller_id = a.seller_id
         AND o.currency = a.currency AND o.status IN ({_quoted(ON_ACCOUNT)})
         AND o.credit_hold <> '{CreditHold.CARD_REQUIRED}'
         AND o.id IS DISTINCT FROM %(leave_out)s::bigint
         AND o.grand_total_gross > COALESCE(v.total, 0)
         AND NOT EXISTS (SELECT 1 FROM {moderation} m WHERE m.order_id = o.id
                         AND m.state IN ({_quoted(CLOSED_MODERATION)}))),
      last.received_on, last.amount
    FROM {account} a
    LEFT JOIN LATERAL (SELECT p.received_on, p.amount FROM {payment} p
                       WHERE p.account_id = a.id
                       ORDER BY p.received_on DESC, p.id DESC LIMIT 1) last ON TRUE
    WHERE a.id = ANY(%(ids)s::bigint[])
    """


def _rows(value: str | list | None) -> list:
    if value is None:
        return []
    return json.loads(value) if isinstance(value, str) else value


def figures_of(accounts: Sequence[CreditAccount], *, today: date | None = None,
               leave_out_order: int | None = None) -> dict[int, AccountFigures]:
    """Each account's figures on ``today`` (the local date), by account id.
    ``leave_out_order``: an order whose exposure is asked again (its confirmation)."""
    if not accounts:
        return {}
    today = today or timezone.localdate()
    found = {row[0]: row[1:] for row in fetch_all(_statement(), {
        "ids": [account.pk for account in accounts], "leave_out": leave_out_order})}
    result = {}
    for account in accounts:
        if account.pk not in found:
            continue
        balance, advance, invoices, orders, paid_on, paid = found[account.pk]
        result[account.pk] = AccountFigures(
            figures(account.credit_limit, balance or ZERO,
                    [InvoiceRow(Decimal(total), Decimal(allocated), date.fromisoformat(due))
                     for total, allocated, due in _rows(invoices)],
                    [OrderRow(Decimal(total), Decimal(invoiced))
                     for total, invoiced in _rows(orders)],
                    advance or ZERO, today),
            last_payment_on=paid_on, last_payment_amount=paid)
    return result


def account_figures(account: CreditAccount, **options) -> AccountFigures:
    return figures_of([account], **options)[account.pk]
