"""A warehouse's stock and incoming supply as connections nested in a list of warehouses:
the pages of every warehouse of the list in one query, and their counts, when asked, in
one more (``backend/core/graphql/nested_pages.py``). Read warehouse by warehouse, a list of
50 warehouses would cost 50 queries.
"""

from __future__ import annotations

from backend.core.graphql.nested_pages import NestedPagesLoader
from backend.core.graphql.values import plain_values

from ..models import Warehouse
from ..visibility import visible_incoming_supply, visible_stock_items
from .filters import filter_incoming_supply, filter_stock_items


class _WarehousePagesLoader(NestedPagesLoader):
    siblings = ((Warehouse, "pk"),)
    parent = "warehouse_id"

    def filter(self) -> dict:
        return plain_values(dict(self.arguments.get("filter") or {}))


class StockPagesLoader(_WarehousePagesLoader):
    order = ("variant__sku", "pk")

    def rows(self):
        return filter_stock_items(visible_stock_items(self.context.viewer), self.filter())


class IncomingPagesLoader(_WarehousePagesLoader):
    order = ("expected_date", "pk")

    def rows(self):
        return filter_incoming_supply(visible_incoming_supply(self.context.viewer),
                                      self.filter())
