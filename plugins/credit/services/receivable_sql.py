"""The monitor's figures as SQL expressions correlated to an account row aliased ``a``
(its ``id``, ``buyer_id``, ``seller_id``, ``credit_limit``), with the named parameters
``today`` and ``week_end`` (today + 7 days). Each follows the contract's definition
(plugins/credit/README.md, «Receivables monitor»). The tables' names come from the
models, so a renamed table cannot leave a stale name here."""

from __future__ import annotations

from backend.orders.models import Order
from plugins.order_workflow.models import OrderModeration

from ..models import CreditAccount, Invoice, LedgerEntry, Payment, PaymentAllocation

ACCOUNTS = CreditAccount._meta.db_table
INVOICES = Invoice._meta.db_table
ALLOCATIONS = PaymentAllocation._meta.db_table
PAYMENTS = Payment._meta.db_table
ENTRIES = LedgerEntry._meta.db_table
ORDERS = Order._meta.db_table
MODERATIONS = OrderModeration._meta.db_table

OPEN = "('UNPAID', 'PARTIALLY_PAID', 'OVERDUE')"

# What is still unpaid of invoice ``i``.
_REMAINDER = (f"(i.total_gross - COALESCE((SELECT SUM(al.amount) FROM {ALLOCATIONS} al "
              f"WHERE al.invoice_id = i.id), 0))")


def _open_sum(condition: str = "") -> str:
    """The unpaid remainder of the account's open invoices matching ``condition``."""
    extra = f" AND {condition}" if condition else ""
    return (f"(SELECT COALESCE(SUM({_REMAINDER}), 0) FROM {INVOICES} i "
            f"WHERE i.account_id = a.id AND i.status IN {OPEN}{extra})")


_OVERDUE_CONDITION = "i.due_on < %(today)s"
_OLDEST_OVERDUE = (f"(SELECT MIN(i.due_on) FROM {INVOICES} i WHERE i.account_id = a.id "
                   f"AND i.status IN {OPEN} AND {_OVERDUE_CONDITION})")
_LAST_PAYMENT = (f"(SELECT p.received_on FROM {PAYMENTS} p WHERE p.account_id = a.id "
                 f"ORDER BY p.received_on DESC, p.id DESC LIMIT 1)")

FIGURES = {
    "balance": (f"(SELECT COALESCE(SUM(e.amount), 0) FROM {ENTRIES} e "
                f"WHERE e.account_id = a.id)"),
    "invoiced_open": _open_sum(),
    "overdue": _open_sum(_OVERDUE_CONDITION),
    "overdue_days": f"(%(today)s - {_OLDEST_OVERDUE})",
    "due_this_week": _open_sum("i.due_on >= %(today)s AND i.due_on < %(week_end)s"),
    "last_payment_on": _LAST_PAYMENT,
    "last_payment_amount": (f"(SELECT p.amount FROM {PAYMENTS} p WHERE p.account_id = a.id "
                            f"ORDER BY p.received_on DESC, p.id DESC LIMIT 1)"),
    # What no invoice took of each payment, less what was refunded of it, never below 0.
    "advance": (f"(SELECT COALESCE(SUM(GREATEST(0, p.amount"
                f" - COALESCE((SELECT SUM(al.amount) FROM {ALLOCATIONS} al"
                f" WHERE al.payment_id = p.id), 0)"
                f" - COALESCE((SELECT SUM(e.amount) FROM {ENTRIES} e"
                f" WHERE e.payment_id = p.id AND e.kind = 'REFUND'), 0))), 0)"
                f" FROM {PAYMENTS} p WHERE p.account_id = a.id)"),
    # Orders accepted on account and not invoiced yet: placed (or awaiting the buyer's
    # approval), not held for a card payment, not rejected or cancelled by the seller.
    "open_orders": (f"(SELECT COALESCE(SUM(GREATEST(0, o.grand_total_gross"
                    f" - COALESCE((SELECT SUM(iv.total_gross) FROM {INVOICES} iv"
                    f" WHERE iv.order_id = o.id AND iv.status <> 'CANCELLED'), 0))), 0)"
                    f" FROM {ORDERS} o LEFT JOIN {MODERATIONS} m ON m.order_id = o.id"
                    f" WHERE o.buyer_id = a.buyer_id AND o.seller_id = a.seller_id"
                    f" AND o.status IN ('PLACED', 'AWAITING_APPROVAL')"
                    f" AND o.credit_hold <> 'CARD_REQUIRED'"
                    f" AND (m.state IS NULL OR m.state NOT IN ('REJECTED', 'CANCELLED')))"),
}

# The sort keys over every account of the filter: grouped over the whole tables (one
# hashed pass each, where a subquery per account would probe an index 10,000 times),
# joined to the accounts as ``k`` (``account_id``, ``value``); ``{ids:<alias>}`` stands
# for `` AND <alias>.account_id IN (<the filtered accounts' ids>)``, or nothing when the
# viewer sees every account unfiltered. CLIENT and LIMIT are the account's own columns.
_PAID_BY_INVOICE = (f"(SELECT invoice_id, SUM(amount) AS paid FROM {ALLOCATIONS} "
                    f"GROUP BY invoice_id)")


def _grouped_open(condition: str) -> str:
    return (f"SELECT i.account_id, SUM(i.total_gross - COALESCE(al.paid, 0)) AS value "
            f"FROM {INVOICES} i LEFT JOIN {_PAID_BY_INVOICE} al ON al.invoice_id = i.id "
            f"WHERE i.status IN {OPEN}{{ids:i}} AND {condition} "
            f"GROUP BY i.account_id")


# Some invoice is overdue (an open invoice has something unpaid by its status): the
# ``overdueOnly`` filter, a semi-join on the open invoices' partial index, no sums.
HAS_OVERDUE = (f"EXISTS (SELECT 1 FROM {INVOICES} i WHERE i.account_id = a.id "
               f"AND i.status IN {OPEN} AND {_OVERDUE_CONDITION})")

# field: (the key's expression, the grouped subquery joined as ``k`` or None)
SORT_KEYS = {
    "CLIENT": ("LOWER(o.name)", None),
    "LIMIT": ("a.credit_limit", None),
    "BALANCE": ("COALESCE(k.value, 0)",
                f"SELECT e.account_id, SUM(e.amount) AS value FROM {ENTRIES} e "
                f"WHERE TRUE{{ids:e}} GROUP BY e.account_id"),
    "DUE_THIS_WEEK": ("COALESCE(k.value, 0)",
                      _grouped_open("i.due_on >= %(today)s AND i.due_on < %(week_end)s")),
    "OVERDUE": ("COALESCE(k.value, 0)", _grouped_open(_OVERDUE_CONDITION)),
    "OVERDUE_DAYS": ("k.value",
                     f"SELECT i.account_id, %(today)s - MIN(i.due_on) AS value "
                     f"FROM {INVOICES} i WHERE i.status IN {OPEN} "
                     f"{{ids:i}} AND {_OVERDUE_CONDITION} "
                     f"GROUP BY i.account_id"),
    "LAST_PAYMENT": ("k.value",
                     f"SELECT p.account_id, MAX(p.received_on) AS value FROM {PAYMENTS} p "
                     f"WHERE TRUE{{ids:p}} GROUP BY p.account_id"),
}

# Every figure of the page's rows (computed for those rows only).
PAGE_FIGURES = dict(FIGURES)
