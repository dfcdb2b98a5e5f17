"""A connection nested in every row of a list (a warehouse's stock, an account's ledger
entries): the pages of all the list's rows in one query, a window numbering each parent's
rows, and their counts, when asked, in one more. Read parent by parent, a list of 50 would
cost 50 queries.

A loader is made per field arguments (page size, cursor, filter) and connection type: the
same selection of the same list asks the same arguments of every parent. A subclass names
the parent's model (``siblings``), the rows' column holding the parent (``parent``), the
order of a page (``order``: field names, ``-`` for descending) and the visible, filtered
rows (``rows()``, reading ``self.arguments`` and ``self.context.viewer``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from graphene import relay
from graphql_relay import offset_to_cursor
from graphql_sync_dataloaders import SyncDataLoader

from .connection import page_bounds
from .loaders import DataLoader, remember_rows


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


class NestedPagesLoader(DataLoader):
    """Pages of each parent's rows (by the parent's primary key) for one set of
    arguments."""

    remembers_rows = False  # the pages' rows are remembered below, not the connections
    parent: str = ""
    order: tuple[str, ...] = ()

    def __new__(cls, context, arguments: dict[str, Any], connection_type):
        loaders = context.__dict__.get("_dataloaders")
        if loaders is None:
            loaders = context.__dict__["_dataloaders"] = {}
        key = (cls.__name__, _frozen(arguments))
        loader = loaders.get(key)
        if loader is None:
            loader = loaders[key] = SyncDataLoader.__new__(cls)
            loader._initialised = False
            loader.arguments = arguments
            loader.connection_type = connection_type
        return loader

    def __init__(self, context, arguments: dict[str, Any], connection_type) -> None:
        super().__init__(context)

    def page_of(self, parent):
        """The parent's page, now: graphene's connection field takes no pending value, so
        a parent found by id (not one of a list's rows) is remembered first and loads as
        its own batch."""
        if parent.pk not in self._values:
            remember_rows(self.context, [parent])
        return self.load(parent.pk)

    def rows(self) -> QuerySet:
        raise NotImplementedError

    def batch_load(self, keys):
        arguments, parent = self.arguments, self.parent
        start, end, _ = page_bounds({"first": arguments.get("first"),
                                     "after": arguments.get("after")}, lambda: 0)
        rows = self.rows().filter(**{f"{parent}__in": keys})
        numbered = rows.annotate(position=Window(
            RowNumber(), partition_by=[F(parent)],
            order_by=[F(name[1:]).desc() if name.startswith("-") else F(name)
                      for name in self.order]))
        found = list(numbered.filter(position__gt=start, position__lte=end + 1)
                     .order_by(parent, "position")) if end > start else []
        remember_rows(self.context, found)
        pages = defaultdict(list)
        for row in found:
            pages[getattr(row, parent)].append(row)
        counts: dict[int, int] = {}

        def counter(parent_id: int):
            def count() -> int:
                if not counts:
                    counts.update(rows.order_by().values_list(parent).annotate(
                        n=Count("pk")).values_list(parent, "n"))
                    counts.setdefault(-1, 0)
                return counts.get(parent_id, 0)
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
