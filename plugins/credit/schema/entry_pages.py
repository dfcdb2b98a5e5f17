"""An account's ledger entries as a connection nested in a list of accounts (or in
organizations' ``creditAccount``): the pages of every account of the list in one query (a
window numbers each account's entries, newest first), and their counts, when asked, in
one more, as the warehouses' nested stock pages do. Loaders are per field arguments: the
same selection asks the same of every account.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from graphene import relay
from graphql_relay import offset_to_cursor
from graphql_sync_dataloaders import SyncDataLoader

from backend.core.graphql.connection import page_bounds
from backend.core.graphql.loaders import DataLoader, remember_rows

from ..models import CreditAccount
from ..visibility import visible_entries


class EntryPagesLoader(DataLoader):
    """Pages of each account's entries (by account id) for one set of arguments."""

    siblings = ((CreditAccount, "pk"),)
    remembers_rows = False  # the pages' rows are remembered below, not the connections

    def __new__(cls, context, arguments: dict[str, Any], connection_type):
        loaders = context.__dict__.get("_dataloaders")
        if loaders is None:
            loaders = context.__dict__["_dataloaders"] = {}
        key = (cls.__name__, tuple(sorted((k, str(v)) for k, v in arguments.items())))
        loader = loaders.get(key)
        if loader is None:
            loader = loaders[key] = SyncDataLoader.__new__(cls)
            loader._initialised = False
            loader.arguments = arguments
            loader.connection_type = connection_type
        return loader

    def __init__(self, context, arguments: dict[str, Any], connection_type) -> None:
        super().__init__(context)

    def page_of(self, account: CreditAccount):
        """The account's page, now (a connection field takes no pending value): an account
        found by id, not one of a list's rows, is remembered first and loads alone."""
        if account.pk not in self._values:
            remember_rows(self.context, [account])
        return self.load(account.pk)

    def batch_load(self, keys):
        arguments = self.arguments
        start, end, _ = page_bounds({"first": arguments.get("first"),
                                     "after": arguments.get("after")}, lambda: 0)
        rows = visible_entries(self.context.viewer).filter(account_id__in=keys)
        if arguments.get("from_") is not None:
            rows = rows.filter(occurred_on__gte=arguments["from_"])
        if arguments.get("to") is not None:
            rows = rows.filter(occurred_on__lte=arguments["to"])
        numbered = rows.annotate(position=Window(
            RowNumber(), partition_by=[F("account_id")],
            order_by=[F("occurred_on").desc(), F("pk").desc()]))
        found = list(numbered.filter(position__gt=start, position__lte=end + 1)
                     .order_by("account_id", "position")) if end > start else []
        remember_rows(self.context, found)
        pages = defaultdict(list)
        for row in found:
            pages[row.account_id].append(row)
        counts: dict[int, int] = {}

        def counter(account_id: int):
            def count() -> int:
                if not counts:
                    counts.update(rows.order_by().values_list("account_id").annotate(
                        n=Count("pk")).values_list("account_id", "n"))
                    counts.setdefault(-1, 0)
                return counts.get(account_id, 0)
            return count

        return [self._connection(pages.get(key, []), start, end, counter(key)) for key in keys]

    def _connection(self, rows, start: int, end: int, count):
        connection_type = self.connection_type
        has_next = len(rows) > end - start
        rows = rows[: max(end - start, 0)]
        edges = [connection_type.Edge(node=row, cursor=offset_to_cursor(start + i))
                 for i, row in enumerate(rows)]
        connection = connection_type(edges=edges, page_info=relay.PageInfo(
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
            has_previous_page=start > 0, has_next_page=has_next))
        connection.length_source = count
        return connection
