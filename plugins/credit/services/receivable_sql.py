"""The monitor's sort keys and filter in SQL, over the accounts aliased ``a`` and their
clients ``o``, with the named parameters ``today`` and ``week_end`` (today + 7 days).
Each key is the figure of ``services/figures.py`` (``engine/figures.py``) it sorts by,
computed for every account at once: open invoices are those neither PAID nor CANCELLED,
what is still unpaid on them is their total less their allocations. The tables' names
come from the models, so a renamed table cannot leave a stale name here."""

from __future__ import annotations

from ..models import Invoice, LedgerEntry, Payment

INVOICES = Invoice._meta.db_table
PAYMENTS = Payment._meta.db_table
ENTRIES = LedgerEntry._meta.db_table

OPEN = "('UNPAID', 'PARTIALLY_PAID', 'OVERDUE')"
_OVERDUE_CONDITION = "i.due_on < %(today)s"

# Some invoice is overdue (an open invoice has something unpaid by its status): the
# ``overdueOnly`` filter, a semi-join on the open invoices' partial index, no sums.
HAS_OVERDUE = (f"EXISTS (SELECT 1 FROM {INVOICES} i WHERE i.account_id = a.id "
               f"AND i.status IN {OPEN} AND {_OVERDUE_CONDITION})")

# The sort keys over every account of the filter: grouped over the whole tables (one
# hashed pass each, where a subquery per account would probe an index 10,000 times),
# joined to the accounts as ``k`` (``account_id``, ``value``); ``{ids:<alias>}`` stands
# for `` AND <alias>.account_id IN (<the filtered accounts' ids>)``, or nothing when the
# viewer sees every account unfiltered. CLIENT and LIMIT are the account's own columns.
# What is paid on an invoice is its ``paid_total`` (its allocations' sum, kept by
# services/status.py): summing every allocation for every sort took half the page's time.


def _grouped_open(condition: str) -> str:
    """What is unpaid on the open invoices meeting ``condition``, per account."""
    return (f"SELECT i.account_id, SUM(i.total_gross - i.paid_total) AS value "
            f"FROM {INVOICES} i "
            f"WHERE i.status IN {OPEN}{{ids:i}} AND {condition} "
            f"GROUP BY i.account_id")


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

# The keys grouped over the overdue open invoices only: an account has a row in them
# exactly when it has something overdue (HAS_OVERDUE).
OVERDUE_KEYS = ("OVERDUE", "OVERDUE_DAYS")
