"""What one request's viewer knows of stock: the displays of the warehouses it sees, the
warehouses it manages, and the available and incoming quantities of the variants asked,
each read once per request and shared by every field that shows a quantity.

Which warehouses the viewer sees and how is ``visibility.py``'s answer
(``warehouse_displays``, ``manageable_warehouses``); this module only keeps it for the
request and reads the quantities of those warehouses. Anonymous visitors see no stock
and cost no query.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection

from backend.core.graphql.loaders import DataLoader, remember_rows
from backend.core.tree_paths import ancestor_ids

from .. import bands
from ..models import IncomingSupply, StockItem, Warehouse
from ..visibility import manageable_warehouses, sees_all_stock, warehouse_displays
from .kept_stock import KEPT, KeptView, ViewKey, keeping, read_generation, view_key

# Warehouse rows shared between requests while every column reads the same: the catalog's
# per-warehouse answers hold them and are kept between requests (``catalog_stock``). A
# shared row is never written to (nothing viewer-specific on it).
_SHARED_ROWS: dict[tuple, Warehouse] = {}
_SHARED_ROWS_KEPT = 2_000


def _shared(row: Warehouse) -> Warehouse:
    key = tuple(getattr(row, f.attname) for f in Warehouse._meta.concrete_fields)
    known = _SHARED_ROWS.get(key)
    if known is None:
        if len(_SHARED_ROWS) >= _SHARED_ROWS_KEPT:
            _SHARED_ROWS.clear()
        known = _SHARED_ROWS[key] = row
    return known


class StockView(DataLoader):
    """The request's view of stock, kept with its loaders (released with them)."""

    def __init__(self, context) -> None:
        if not getattr(self, "_initialised", False):
            self._displays: dict[int, str] | None = None
            self._managed: set[int] | None = None
            self._sees_all: bool | None = None
            self._warehouses: dict[int, Warehouse] | None = None
            self._ranks: dict[int, tuple] | None = None
            self.stock: dict[int, list[tuple[int, Decimal]]] = {}
            self.supply: dict[int, list[tuple[int, Decimal, date]]] = {}
            self._kept: KeptView | None = None
            self._kept_key: ViewKey | None = None
            self._prepared = False
            # set by a query's catalog fields: its versions are read with the other apps'
            self.shares_reads = False
        super().__init__(context)

    def batch_load(self, keys):
        raise NotImplementedError("holds the request's view of stock; loads nothing")

    def release(self) -> None:
        super().release()
        self._displays = self._managed = self._warehouses = self._ranks = None
        self.stock, self.supply = {}, {}
        self._kept = self._kept_key = None
        self._prepared = False

    @property
    def displays(self) -> dict[int, str]:
        """``{warehouse id: EXACT or BANDS}`` of every warehouse the viewer sees."""
        if not self._prepared:
            self._prepare()
        if self._displays is None:
            viewer = self.context.viewer
            # Plain strings: what the enum fields answer on every path of the execution.
            self._displays = ({pk: str(display.value) for pk, display
                               in warehouse_displays(viewer).items()}
                              if viewer.is_authenticated else {})
        return self._displays

    @property
    def sees_all(self) -> bool:
        if self._sees_all is None:
            self._sees_all = sees_all_stock(self.context.viewer)
        return self._sees_all

    @property
    def managed(self) -> set[int]:
        """The warehouses whose stock the viewer may change (and read in full)."""
        if self._managed is None:
            viewer = self.context.viewer
            self._managed = (set(manageable_warehouses(viewer).values_list("pk", flat=True))
                             if viewer.is_authenticated else set())
        return self._managed

    def knows_all_of(self, warehouse_id: int) -> bool:
        """On hand, allocated, reservations, references: for those who manage the
        warehouse or see all stock."""
        return self.sees_all or warehouse_id in self.managed

    def shown(self, warehouse_id: int, quantity: Decimal) -> bands.StockQuantity:
        return bands.shown(quantity, self.displays.get(warehouse_id))

    @property
    def warehouses(self) -> dict[int, Warehouse]:
        """The rows of the warehouses the viewer sees (the catalog shows them)."""
        if self._warehouses is None:
            ids = list(self.displays)
            rows = [_shared(row) for row in Warehouse.objects.filter(pk__any=ids)] if ids else []
            # As siblings: a warehouse's nested fields load for all of them at once.
            remember_rows(self.context, rows)
            self._warehouses = {w.pk: w for w in rows}
        return self._warehouses

    @property
    def ranks(self) -> dict[int, tuple]:
        """The order a variant's warehouses are listed in: the viewer's own first, then
        its seller's, then the others, each by priority and code."""
        if self._ranks is None:
            organization = self.context.viewer.organization
            own = organization.pk if organization is not None else None
            chain = ancestor_ids(organization.path) if organization is not None else []
            seller = chain[-1] if chain else None
            self._ranks = {
                pk: (0 if w.owner_id == own else 1 if w.owner_id == seller else 2,
                     w.priority, w.code, pk)
                for pk, w in self.warehouses.items()}
        return self._ranks

    @property
    def kept(self) -> KeptView | None:
        """The view's answers kept between requests, this request's generation (None:
        nothing read or kept: see ``kept_stock``)."""
        if not self._prepared:
            self._prepare()
        return self._kept

    def keep(self, variants: dict[int, tuple], products: dict[int, Any]) -> None:
        if self._kept is not None and self._kept_key is not None:
            KEPT.add(self._kept_key, self._kept, variants, products)

    def _prepare(self) -> None:
        """The versions read first (one statement), then the view: the kept one while
        scope 0 is unchanged, else read again and kept under the versions of its
        warehouses."""
        self._prepared = True
        viewer = self.context.viewer
        if not keeping() or not viewer.is_authenticated:
            return
        key = view_key(viewer)
        kept = KEPT.view(key)
        shared = self.context if self.shares_reads else None
        generation = read_generation(kept.warehouses if kept is not None else (), shared)
        if generation is None:
            return  # this transaction changed stock itself
        if kept is not None and kept.generation[0] == generation[0]:
            self._displays, self._warehouses = kept.displays, kept.warehouses
            self._ranks = kept.ranks
            remember_rows(self.context, list(kept.warehouses.values()))
            if kept.generation != generation:
                kept = KeptView(generation, kept.displays, kept.warehouses, kept.ranks)
        else:
            displays, warehouses, ranks = self.displays, self.warehouses, self.ranks
            fresh = read_generation(warehouses, shared)
            if fresh is None or fresh[0] != generation[0]:
                return  # the view changed while it was read: keep nothing this time
            kept = KeptView(fresh, displays, warehouses, ranks)
        self._kept_key = key
        self._kept = KEPT.start(key, kept)

    def load_variants(self, variant_ids) -> None:
        """Read the available stock and unreserved incoming supply of ``variant_ids`` in
        the warehouses the viewer sees (one statement for any number of variants), each
        variant's rows in the order its warehouses are listed (``ranks``)."""
        wanted = [v for v in variant_ids if v not in self.stock]
        if not wanted:
            return
        stock: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
        supply: dict[int, list[tuple[int, Decimal, date]]] = defaultdict(list)
        ranks = self.ranks
        if ranks:
            with connection.cursor() as cursor:
                cursor.execute(_STOCK_AND_SUPPLY_SQL, [wanted, list(ranks)] * 2)
                rows = cursor.fetchall()
            stock_rows = [row for row in rows if row[3] is None]
            stock_rows.sort(key=lambda row: ranks[row[1]])
            for variant_id, warehouse_id, available, *_ in stock_rows:
                stock[variant_id].append((warehouse_id, available))
            for variant_id, warehouse_id, quantity, expected, *_ in rows:
                if expected is not None:
                    supply[variant_id].append((warehouse_id, quantity, expected))
        for variant_id in wanted:
            self.stock[variant_id] = stock.get(variant_id, [])
            self.supply[variant_id] = supply.get(variant_id, [])


# A catalog page's stock and supply in one statement with array parameters (the page's
# variants, the viewer's warehouses), not compiled by the ORM on every page: the stock
# rows (no date), then the supply, earliest first.
_STOCK_AND_SUPPLY_SQL = f"""
    SELECT variant_id, warehouse_id, on_hand - allocated, NULL::date, 0 AS part, id
    FROM {StockItem._meta.db_table}
    WHERE variant_id = ANY(%s) AND warehouse_id = ANY(%s) AND on_hand > allocated
    UNION ALL
    SELECT variant_id, warehouse_id, quantity - reserved, expected_date, 1, id
    FROM {IncomingSupply._meta.db_table}
    WHERE variant_id = ANY(%s) AND warehouse_id = ANY(%s) AND quantity > reserved
    ORDER BY part, 4, id"""

