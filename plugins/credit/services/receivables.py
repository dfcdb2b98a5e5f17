"""The receivables monitor: per credit account the viewer is owed on (visibility's
``receivable_accounts``), the limit, the balance, the available credit, what falls due
this week, what is overdue and since how many days, the last payment; filtered, sorted by
any of them and paged in SQL.

The figures are SQL expressions correlated to the account (``figures.sql``), the
contract's definitions (plugins/credit/README.md): computed for every account only for the
sort key (and ``overdue`` when ``overdueOnly``), and for the page's rows for the rest, so a
page costs one query whatever the number of accounts, and sorting by a figure over 10,000
accounts stays within the bench's budget (bench/receivables.py).

Open invoices are those UNPAID, PARTIALLY_PAID or OVERDUE (the payments service keeps the
status from the allocations; a PAID invoice has nothing open, a CANCELLED one counts for
nothing); what is overdue follows from the date (``due_on < today``), not from the
daily task's status.
"""

from __future__ import annotations

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
from .receivable_sql import FIGURES, PAGE_FIGURES, SORT_KEYS

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

    def _base(self) -> tuple[str, list[Any]]:
        """The accounts' ids with the sort key (and the overdue part when filtered)."""
        try:
            ids_sql, ids_params = self.accounts.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # a condition no row can meet (a viewer with no side)
            ids_sql, ids_params = "SELECT NULL::bigint WHERE FALSE", ()
        key_sql = SORT_KEYS[self.sort_field]
        where = f"a.id IN ({ids_sql})"
        if self.overdue_only:
            where += f" AND {FIGURES['overdue']} > 0"
        sql = (f"SELECT a.*, o.name AS client_name, {key_sql} AS sort_key "
               f"FROM {CreditAccount._meta.db_table} a "
               f"JOIN {Organization._meta.db_table} o ON o.id = a.buyer_id WHERE {where}")
        return sql, [*ids_params]

    def _params(self, sql: str, params: list[Any]) -> tuple[str, dict[str, Any]]:
        """Positional parameters of the visibility part, named ones of the figures."""
        named = {f"p{i}": value for i, value in enumerate(params)}
        for i in range(len(params)):
            sql = sql.replace("%s", f"%(p{i})s", 1)
        named.update(today=self.today, week_end=self.today + timedelta(days=7))
        return sql, named

    def __getitem__(self, bounds: slice) -> list[CreditAccount]:
        start, stop = bounds.start or 0, bounds.stop
        base, params = self._base()
        direction = "DESC" if self.descending else "ASC"
        page_figures = ", ".join(f"{sql} AS {name}" for name, sql in PAGE_FIGURES.items())
        sql = (f"SELECT a.*, {page_figures} FROM ({base} "
               f"ORDER BY sort_key {direction} NULLS LAST, a.id {direction} "
               f"LIMIT {int(stop - start)} OFFSET {int(start)}) a "
               f"ORDER BY a.sort_key {direction} NULLS LAST, a.id {direction}")
        sql, named = self._params(sql, params)
        return list(CreditAccount.objects.raw(sql, named))

    def count(self) -> int:
        if not self.overdue_only:
            return self.accounts.count()
        base, params = self._base()
        sql, named = self._params(f"SELECT COUNT(*) FROM ({base}) counted", params)
        with connection.cursor() as cursor:
            cursor.execute(sql, named)
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
