"""The viewer's stock on the catalog's types (the catalog does not know inventory).

``ProductVariant.stock`` (per warehouse the viewer sees, with its incoming supply),
``ProductVariant.availability`` and ``Product.availability`` (totals). A page's variants
are siblings: one batch reads their stock and supply in two queries (``StockView``), and
every answer is a plain slotted object built once per variant and request, so the fields
stay on the execution fast path. Resolvers never raise: nothing to show is an empty list
or "no stock".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import graphene

from backend.catalog.models import Product, ProductVariant
from backend.catalog.schema.types import ProductObjectType, ProductVariantType
from backend.core.graphql.extend import add_fields
from backend.core.graphql.loaders import DataLoader

from .. import bands
from ..models import Warehouse
from .stock_loaders import StockView
from .types import AvailabilityType, WarehouseStockType


@dataclass(slots=True)
class IncomingQuantity:
    quantity: bands.StockQuantity
    expected_date: date


@dataclass(slots=True)
class WarehouseStock:
    warehouse: Warehouse
    available: bands.StockQuantity
    incoming: list[IncomingQuantity]


@dataclass(slots=True)
class Availability:
    in_stock: bool
    available: bands.StockQuantity
    next_incoming_date: date | None


NO_AVAILABILITY = Availability(False, bands.NO_STOCK, None)


def _warehouse_stock(view: StockView, variant_id: int) -> list[WarehouseStock]:
    incoming: dict[int, list[IncomingQuantity]] = {}
    for warehouse_id, quantity, expected in view.supply[variant_id]:
        incoming.setdefault(warehouse_id, []).append(
            IncomingQuantity(view.shown(warehouse_id, quantity), expected))
    available = dict(view.stock[variant_id])
    warehouses = view.warehouses
    found = []
    for warehouse_id in sorted(available.keys() | incoming.keys(), key=view.rank):
        warehouse = warehouses.get(warehouse_id)
        if warehouse is not None:
            found.append(WarehouseStock(
                warehouse, view.shown(warehouse_id, available.get(warehouse_id, bands.ZERO)),
                incoming.get(warehouse_id, [])))
    return found


def _availability(view: StockView, variant_ids: list[int]) -> Availability:
    displays = view.displays
    parts = [(quantity, displays.get(warehouse_id, ""))
             for variant_id in variant_ids for warehouse_id, quantity in view.stock[variant_id]]
    dates = [expected for variant_id in variant_ids
             for _, _, expected in view.supply[variant_id]]
    available = bands.total(parts)
    return Availability(available.in_stock, available, min(dates) if dates else None)


class StockByVariantIdLoader(DataLoader):
    """Each variant's stock per warehouse the viewer sees (a page in one batch)."""

    siblings = ((ProductVariant, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        view = StockView(self.context)
        if not view.displays:
            return [[] for _ in keys]
        view.load_variants(keys)
        return [_warehouse_stock(view, key) for key in keys]


class AvailabilityByVariantIdLoader(DataLoader):
    siblings = ((ProductVariant, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        view = StockView(self.context)
        if not view.displays:
            return [NO_AVAILABILITY] * len(keys)
        view.load_variants(keys)
        return [_availability(view, [key]) for key in keys]


class AvailabilityByProductIdLoader(DataLoader):
    """Over each product's variants (those of a visible product are visible)."""

    siblings = ((Product, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        view = StockView(self.context)
        if not view.displays:
            return [NO_AVAILABILITY] * len(keys)
        variants: dict[int, list[int]] = {key: [] for key in keys}
        for variant_id, product_id in ProductVariant.objects.filter(
                product_id__in=keys).values_list("id", "product_id"):
            variants[product_id].append(variant_id)
        view.load_variants([v for found in variants.values() for v in found])
        return [_availability(view, variants[key]) for key in keys]


def resolve_stock(root: ProductVariant, info):
    return StockByVariantIdLoader(info.context).load(root.id)


def resolve_variant_availability(root: ProductVariant, info):
    return AvailabilityByVariantIdLoader(info.context).load(root.id)


def resolve_product_availability(root: Product, info):
    return AvailabilityByProductIdLoader(info.context).load(root.pk)


add_fields(
    ProductVariantType,
    stock=graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(WarehouseStockType))),
        resolver=resolve_stock,
        description="The variant's stock in every warehouse the viewer sees that holds some "
                    "or expects some: the viewer's own first, then its seller's by "
                    "priority, then the others. Empty for anonymous visitors."),
    availability=graphene.Field(
        graphene.NonNull(AvailabilityType), resolver=resolve_variant_availability,
        description="The variant's stock over the warehouses the viewer sees (banded if "
                    "any of them shows bands)."),
)
add_fields(
    ProductObjectType,
    availability=graphene.Field(
        graphene.NonNull(AvailabilityType), resolver=resolve_product_availability,
        description="The product's stock over its variants and the warehouses the viewer "
                    "sees."),
)
