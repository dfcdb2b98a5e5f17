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

from django.db.models import F

from backend.core.graphql.loaders import DataLoader
from backend.core.tree_paths import ancestor_ids

from .. import bands
from ..models import IncomingSupply, QuantityDisplay, StockItem, Warehouse
from ..visibility import manageable_warehouses, sees_all_stock, warehouse_displays


class StockView(DataLoader):
    """The request's view of stock, kept with its loaders (released with them)."""

    def __init__(self, context) -> None:
        if not getattr(self, "_initialised", False):
            self._displays: dict[int, QuantityDisplay] | None = None
            self._managed: set[int] | None = None
            self._sees_all: bool | None = None
            self._warehouses: dict[int, Warehouse] | None = None
            self._ranks: dict[int, tuple] | None = None
            self.stock: dict[int, list[tuple[int, Decimal]]] = {}
            self.supply: dict[int, list[tuple[int, Decimal, date]]] = {}
        super().__init__(context)

    def batch_load(self, keys):
        raise NotImplementedError("holds the request's view of stock; loads nothing")

    def release(self) -> None:
        super().release()
        self._displays = self._managed = self._warehouses = self._ranks = None
        self.stock, self.supply = {}, {}

    @property
    def displays(self) -> dict[int, QuantityDisplay]:
        """``{warehouse id: EXACT or BANDS}`` of every warehouse the viewer sees."""
        if self._displays is None:
            viewer = self.context.viewer
            self._displays = warehouse_displays(viewer) if viewer.is_authenticated else {}
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
            self._warehouses = ({w.pk: w for w in Warehouse.objects.filter(pk__in=ids)}
                                if ids else {})
        return self._warehouses

    def rank(self, warehouse_id: int) -> tuple:
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
        return self._ranks.get(warehouse_id, (3, 0, "", warehouse_id))

    def load_variants(self, variant_ids) -> None:
        """Read the available stock and unreserved incoming supply of ``variant_ids`` in
        the warehouses the viewer sees (two queries for any number of variants)."""
        wanted = [v for v in variant_ids if v not in self.stock]
        if not wanted:
            return
        stock: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
        supply: dict[int, list[tuple[int, Decimal, date]]] = defaultdict(list)
        warehouse_ids = list(self.displays)
        if warehouse_ids:
            for variant_id, warehouse_id, available in (
                    StockItem.objects.filter(variant_id__in=wanted,
                                             warehouse_id__in=warehouse_ids,
                                             on_hand__gt=F("allocated"))
                    .values_list("variant_id", "warehouse_id",
                                 F("on_hand") - F("allocated"))):
                stock[variant_id].append((warehouse_id, available))
            for variant_id, warehouse_id, quantity, expected in (
                    IncomingSupply.objects.filter(variant_id__in=wanted,
                                                  warehouse_id__in=warehouse_ids,
                                                  quantity__gt=F("reserved"))
                    .order_by("expected_date", "pk")
                    .values_list("variant_id", "warehouse_id",
                                 F("quantity") - F("reserved"), "expected_date")):
                supply[variant_id].append((warehouse_id, quantity, expected))
        for variant_id in wanted:
            self.stock[variant_id] = stock.get(variant_id, [])
            self.supply[variant_id] = supply.get(variant_id, [])


def stock_view(context) -> StockView:
    return StockView(context)
