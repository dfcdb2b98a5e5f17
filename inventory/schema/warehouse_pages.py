"""A warehouse's stock and incoming supply as connections nested in a list of warehouses:
the pages of every warehouse of the list in one query (a window numbers each warehouse's
rows), and their counts, when asked, in one more. Read warehouse by warehouse, a list of
50 warehouses would cost 50 queries.

Loaders are per field arguments (page size, cursor, filter) and connection type: the same
selection of the same list asks the same arguments of every warehouse.
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
from backend.core.graphql.values import plain_values

from ..models import Warehouse
from ..visibility import visible_incoming_supply, visible_stock_items
from .filters import filter_incoming_supply, filter_stock_items


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


class _PagesLoader(DataLoader):
    """Pages of rows of each warehouse (by primary key) for one set of arguments."""

    siblings = ((Warehouse, "pk"),)
    remembers_rows = False  # the pages' rows are remembered below, not the connections
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

    def rows(self, viewer, filter):
        raise NotImplementedError

    def batch_load(self, keys):
        arguments = self.arguments
        start, end, _ = page_bounds({"first": arguments.get("first"),
                                     "after": arguments.get("after")}, lambda: 0)
        filter = plain_values(dict(arguments.get("filter") or {}))
        rows = self.rows(self.context.viewer, filter).filter(warehouse_id__in=keys)
        numbered = rows.annotate(position=Window(
            RowNumber(), partition_by=[F("warehouse_id")],
            order_by=[F(name[1:]).desc() if name.startswith("-") else F(name)
                      for name in self.order]))
        found = list(numbered.filter(position__gt=start, position__lte=end + 1)
                     .order_by("warehouse_id", "position")) if end > start else []
        remember_rows(self.context, found)
        pages = defaultdict(list)
        for row in found:
            pages[row.warehouse_id].append(row)
        counts: dict[int, int] = {}

        def counter(warehouse_id: int):
            def count() -> int:
                if not counts:
                    counts.update(rows.order_by().values_list("warehouse_id").annotate(
                        n=Count("pk")).values_list("warehouse_id", "n"))
                    counts.setdefault(-1, 0)
                return counts.get(warehouse_id, 0)
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


class StockPagesLoader(_PagesLoader):
    order = ("variant__sku", "pk")

    def rows(self, viewer, filter):
        return filter_stock_items(visible_stock_items(viewer), filter)


class IncomingPagesLoader(_PagesLoader):
    order = ("expected_date", "pk")

    def rows(self, viewer, filter):
        return filter_incoming_supply(visible_incoming_supply(viewer), filter)
