"""The receivables monitor: per credit account the viewer is owed on (visibility's
``receivable_accounts``), the limit, the balance, the available credit, what falls due
this week, what is overdue and since how many days, the last payment; filtered, sorted by
any of them and paged in SQL (``receivable_sql.py``).

The sort key is computed for every account of the filter by one grouped pass over its
table (joined to the accounts), the page's rows are taken by ``ORDER BY key LIMIT`` in one
query, and only those rows get their figures, from ``services/figures.py`` (five queries
whatever the page: the same figures as ``CreditAccount``'s). ``count()`` is another query,
without figures, except under the overdue filter, where the page's query counts its rows
along (a window before the LIMIT) rather than pass over the invoices a second time. What is
paid on an invoice is read from the invoice (``paid_total``), not summed from allocations.

Open invoices are those UNPAID, PARTIALLY_PAID or OVERDUE (the payments service keeps the
status from the allocations: a PAID invoice has nothing open, a CANCELLED one counts for
nothing); what is overdue follows from the date (``due_on < today``), not from the daily
task's status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from backend.accounts.models import Organization
from backend.core.viewer import Viewer

from ..models import CreditAccount
from ..visibility import receivable_accounts
from .figures import figures_of
from .receivable_sql import HAS_OVERDUE, OVERDUE_KEYS, SORT_KEYS

SORT_FIELDS = tuple(SORT_KEYS)
DEFAULT_SORT = {"field": "OVERDUE", "direction": "DESC"}


def _accounts(viewer: Viewer, values: dict[str, Any]) -> QuerySet[CreditAccount]:
    """The viewer's receivable accounts narrowed by the filter's plain part."""
    rows = receivable_accounts(viewer)
    text = (values.get("search") or "").strip()
    if text:
        rows = rows.filter(Q(buyer__name__icontains=text) | Q(buyer__legal_name__icontains=text)
                           | Q(buyer__inn__startswith=text))
    if values.get("seller") is not None:
        rows = rows.filter(seller_id=values["seller"])
    return rows


@dataclass
class ReceivableRows:
    """The monitor's rows as a sliceable, countable list (what ``resolve_connection``
    needs): a slice runs one query, ``count()`` another."""

    accounts: QuerySet[CreditAccount]
    overdue_only: bool
    sort_field: str
    descending: bool
    today: date
    # the filtered accounts' count, when a page query counted them along (overdue only)
    counted: int | None = None

    def _ids(self) -> tuple[str | None, dict[str, Any]]:
        """The filtered accounts' ids as SQL with named parameters (it may appear several
        times), or None when the viewer sees every account unfiltered (staff)."""
        query = self.accounts.query
        if not query.where:
            return None, {}
        try:
            sql, positional = self.accounts.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # a condition no row can meet (a viewer with no side)
            return "SELECT NULL::bigint WHERE FALSE", {}
        named = {}
        for i, value in enumerate(positional):
            sql = sql.replace("%s", f"%(p{i})s", 1)
            named[f"p{i}"] = value
        return sql, named

    def _from(self, joins: str = "", has_overdue: str = HAS_OVERDUE
              ) -> tuple[str, dict[str, Any]]:
        """``FROM`` the accounts (``a``) and their clients (``o``), filtered."""
        ids, params = self._ids()
        params.update(today=self.today, week_end=self.today + timedelta(days=7))
        where = [f"a.id IN ({ids})"] if ids is not None else []
        if self.overdue_only:
            where.append(has_overdue)
        joins = re.sub(r"\{ids:(\w)\}", lambda m: (
            f" AND {m[1]}.account_id IN ({ids})" if ids is not None else ""), joins)
        sql = (f"FROM {CreditAccount._meta.db_table} a "
               f"JOIN {Organization._meta.db_table} o ON o.id = a.buyer_id{joins}"
               + (f" WHERE {' AND '.join(where)}" if where else ""))
        return sql, params

    def _base(self, columns: str = "") -> tuple[str, dict[str, Any]]:
        """The accounts with the sort key (``sort_key``), and its named parameters."""
        key_sql, grouped = SORT_KEYS[self.sort_field]
        joins = f" LEFT JOIN ({grouped}) k ON k.account_id = a.id" if grouped else ""
        # sorted by what is overdue, the key's own rows are the accounts with something
        # overdue: the filter needs no second pass over the invoices
        has_overdue = ("k.account_id IS NOT NULL" if self.sort_field in OVERDUE_KEYS
                       else HAS_OVERDUE)
        sql, params = self._from(joins, has_overdue)
        return (f"SELECT a.*, o.name AS client_name, o.inn AS client_inn, "
                f"{key_sql} AS sort_key{columns} {sql}", params)

    def __getitem__(self, bounds: slice) -> list[CreditAccount]:
        start, stop = bounds.start or 0, bounds.stop
        # Only the overdue filter makes counting cost a pass over the invoices: then the
        # page counts the rows it sorted (a window over all of them, before the LIMIT)
        # and ``count()`` needs no query of its own.
        counting = ", COUNT(*) OVER () AS counted" if self.overdue_only else ""
        base, params = self._base(counting)
        direction = "DESC" if self.descending else "ASC"
        sql = (f"{base} ORDER BY sort_key {direction} NULLS LAST, "
               f"a.id {direction} LIMIT {int(stop - start)} OFFSET {int(start)}")
        rows = list(CreditAccount.objects.raw(sql, params))
        if rows and counting:
            self.counted = rows[0].counted
        # The page's figures as the accounts' own (``CreditAccount.balance``...) are.
        found = figures_of(rows, today=self.today)
        for row in rows:
            row.figures = found[row.pk]
        return rows

    def count(self) -> int:
        if self.counted is not None:
            return self.counted
        if not self.overdue_only:
            return self.accounts.count()
        sql, params = self._from()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {sql}", params)
            return int(cursor.fetchone()[0])


def receivables(viewer: Viewer, values: dict[str, Any] | None,
                sort: dict[str, Any] | None, today: date | None = None) -> ReceivableRows:
    """The monitor's rows for ``viewer``: ``values`` the plain filter (seller an id),
    ``sort`` ``{field, direction}`` (default: the most overdue first)."""
    values = values or {}
    sort = sort or DEFAULT_SORT
    field = sort.get("field") or DEFAULT_SORT["field"]
    return ReceivableRows(_accounts(viewer, values), bool(values.get("overdue_only")), field,
                          sort.get("direction") == "DESC", today or timezone.localdate())
