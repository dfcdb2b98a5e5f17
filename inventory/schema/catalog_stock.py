"""The viewer's stock on the catalog's types (the catalog does not know inventory).

``ProductVariant.stock`` (per warehouse the viewer sees, with its incoming supply),
``ProductVariant.availability`` and ``Product.availability`` (totals). A page's variants
are siblings: one batch reads their stock and supply in two queries (``StockView``), and
every answer is a plain slotted object built once per variant and request, so the fields
stay on the execution fast path. Resolvers never raise: nothing to show is an empty list
or "no stock".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import graphene
from django.db import connection
from graphql import OperationType

from backend.catalog.models import Product, ProductVariant
from backend.catalog.schema.types import ProductObjectType, ProductVariantType
from backend.core.graphql.builders import answers_kept
from backend.core.graphql.extend import add_fields
from backend.core.graphql.field_groups import read_together
from backend.core.graphql.loaders import DataLoader

from .. import bands
from ..models import Warehouse
from .stock_loaders import StockView
from .types import AvailabilityType, WarehouseStockType


@dataclass(slots=True)
class IncomingQuantity:
    quantity: bands.StockQuantity
    expected_date: date


# Never changed once built. Those without incoming supply are shared between requests
# (``_shared_answer``: a warehouse row as read and a quantity as shown), so the execution keeps
# each one's answer: a page's few thousand are looked up, not built.
@answers_kept
@dataclass(slots=True)
class WarehouseStock:
    warehouse: Warehouse
    available: bands.StockQuantity
    incoming: list[IncomingQuantity]
    built_answers: dict | None = field(default=None, repr=False, compare=False)


_NO_INCOMING: list[IncomingQuantity] = []  # shared: never appended to
_KEPT: dict[tuple, WarehouseStock] = {}
_KEPT_MOST = 50_000


def _shared_answer(warehouse: Warehouse, available: bands.StockQuantity) -> WarehouseStock:
    """The shared answer object of ``warehouse`` (a shared row: ``StockView``) holding
    ``available``; the key's row identity is safe, the kept object holds the row."""
    key = (id(warehouse), available.band, available.exact)
    known = _KEPT.get(key)
    if known is None or known.warehouse is not warehouse:
        if len(_KEPT) >= _KEPT_MOST:
            _KEPT.clear()
        known = _KEPT[key] = WarehouseStock(warehouse, available, _NO_INCOMING)
    return known


@answers_kept
@dataclass(slots=True)
class Availability:
    in_stock: bool
    available: bands.StockQuantity
    next_incoming_date: date | None
    built_answers: dict | None = field(default=None, repr=False, compare=False)


NO_AVAILABILITY = Availability(False, bands.NO_STOCK, None)


@answers_kept
class StockList(list):
    """A variant's stock per warehouse as a page shows it (never changed once built, so
    the execution keeps its built answer: kept between requests, ``kept_stock``)."""

    __slots__ = ("built_answers",)

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self.built_answers: dict | None = None


_EMPTY = StockList()  # shared: never appended to


def _warehouse_stock(view: StockView, variant_id: int) -> StockList:
    warehouses, shown = view.warehouses, view.shown
    stock = view.stock[variant_id]  # in the order the warehouses are listed
    supply = view.supply[variant_id]
    if not stock and not supply:
        return _EMPTY
    if not supply:
        return StockList([_shared_answer(warehouses[w], shown(w, quantity))
                      for w, quantity in stock])
    incoming: dict[int, list[IncomingQuantity]] = {}
    for warehouse_id, quantity, expected in supply:
        incoming.setdefault(warehouse_id, []).append(
            IncomingQuantity(shown(warehouse_id, quantity), expected))
    available = dict(stock)
    return StockList([WarehouseStock(warehouses[w], shown(w, available.get(w, bands.ZERO)),
                                     incoming.get(w, []))
                      for w in sorted(available.keys() | incoming.keys(),
                                      key=view.ranks.__getitem__)])


def _availability(view: StockView, variant_ids: list[int]) -> Availability:
    displays = view.displays
    parts = [(quantity, displays.get(warehouse_id, ""))
             for variant_id in variant_ids for warehouse_id, quantity in view.stock[variant_id]]
    dates = [expected for variant_id in variant_ids
             for _, _, expected in view.supply[variant_id]]
    if not parts and not dates:
        return NO_AVAILABILITY
    available = bands.total(parts)
    return Availability(available.in_stock, available, min(dates) if dates else None)


@answers_kept
class VariantStock(list):
    """A variant's ``[stock per warehouse, availability, its stock rows, its supply
    rows]`` (a list, never changed once built; kept between requests, ``kept_stock``):
    the execution keeps the answers it built of the first two on it (``field_groups``:
    a catalog page reads a variant's two stock fields together)."""

    __slots__ = ("built_answers",)

    def __init__(self, stock: StockList, availability: Availability, rows, supply) -> None:
        super().__init__((stock, availability, rows, supply))
        self.built_answers: dict | None = None


def _variant_answers(view: StockView, keys) -> dict[int, VariantStock]:
    """Each variant's (stock answers, availability): kept ones read, the others built
    from one statement and kept (``kept_stock``)."""
    kept = view.kept
    answers: dict[int, VariantStock] = {}
    missing = keys
    if kept is not None:
        known = kept.variants
        answers = {key: known[key] for key in keys if key in known}
        missing = [key for key in keys if key not in answers]
    if missing:
        view.load_variants(missing)
        built = {key: VariantStock(_warehouse_stock(view, key), _availability(view, [key]),
                                   view.stock[key], view.supply[key]) for key in missing}
        view.keep(built, {})
        answers.update(built)
    return answers


class StockByVariantIdLoader(DataLoader):
    """Each variant's stock per warehouse the viewer sees (a page in one batch)."""

    siblings = ((ProductVariant, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        view = StockView(self.context)
        if not view.displays:
            return [_EMPTY] * len(keys)
        answers = _variant_answers(view, keys)
        _prime(AvailabilityByVariantIdLoader(self.context), keys,
               lambda key: answers[key][1])
        return [answers[key][0] for key in keys]


class AvailabilityByVariantIdLoader(DataLoader):
    siblings = ((ProductVariant, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        view = StockView(self.context)
        if not view.displays:
            return [NO_AVAILABILITY] * len(keys)
        answers = _variant_answers(view, keys)
        _prime(StockByVariantIdLoader(self.context), keys, lambda key: answers[key][0])
        return [answers[key][1] for key in keys]


def _prime(loader, keys, value_of) -> None:
    """Answer ``loader`` for ``keys`` from the stock just read. A variant's stock and its
    availability come from the same rows; without this, the one asked for later (a
    deeper field resolved first) would batch every variant remembered meanwhile, rows of
    other lists among them, and read their stock in a second statement."""
    for key in keys:
        loader.prime(key, value_of(key))


_VARIANTS_SQL = (f"SELECT id, product_id FROM {ProductVariant._meta.db_table} "
                 "WHERE product_id = ANY(%s)")


class AvailabilityByProductIdLoader(DataLoader):
    """Over each product's variants (those of a visible product are visible)."""

    siblings = ((Product, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        view = StockView(self.context)
        if not view.displays:
            return [NO_AVAILABILITY] * len(keys)
        kept = view.kept
        found = {} if kept is None else {key: kept.products[key] for key in keys
                                         if key in kept.products}
        missing = [key for key in keys if key not in found]
        if missing:
            variants: dict[int, list[int]] = {key: [] for key in missing}
            with connection.cursor() as cursor:
                cursor.execute(_VARIANTS_SQL, [missing])
                for variant_id, product_id in cursor.fetchall():
                    variants[product_id].append(variant_id)
            answers = _variant_answers(view, [v for found_ids in variants.values()
                                              for v in found_ids])
            for variant_id, answer in answers.items():
                view.stock[variant_id], view.supply[variant_id] = answer[2], answer[3]
            built = {key: _availability(view, variants[key]) for key in missing}
            view.keep({}, built)
            found.update(built)
        return [found[key] for key in keys]


def _kept(info) -> tuple[bool, dict | None, dict | None]:
    """(whether the viewer sees any warehouse, the view's kept variant answers, its kept
    product answers) for this request, read once: a kept answer is returned by the
    resolver itself, with no loader, batch or promise. Queries only: a mutation may
    change stock after a field read it, so its fields go through the loaders."""
    context = info.context
    known = getattr(context, "_kept_stock", None)
    if known is None:
        view = StockView(context)
        if info.operation.operation is not OperationType.QUERY:
            return bool(view.displays), None, None
        view.shares_reads = True
        kept = view.kept if view.displays else None
        known = (bool(view.displays), None if kept is None else kept.variants,
                 None if kept is None else kept.products)
        context._kept_stock = known
    return known


def resolve_stock(root: ProductVariant, info):
    sees, variants, _products = _kept(info)
    if not sees:
        return _EMPTY
    if variants is not None and (answer := variants.get(root.id)) is not None:
        return answer[0]
    return StockByVariantIdLoader(info.context).load(root.id)


def resolve_variant_availability(root: ProductVariant, info):
    sees, variants, _products = _kept(info)
    if not sees:
        return NO_AVAILABILITY
    if variants is not None and (answer := variants.get(root.id)) is not None:
        return answer[1]
    return AvailabilityByVariantIdLoader(info.context).load(root.id)


_UNSEEN = (_EMPTY, NO_AVAILABILITY)


def _read_kept_stock(info):
    """The fast path's read of a variant's ``stock`` and ``availability`` together
    (``field_groups``): its kept answer (stock, availability, ...) in a query; a variant
    not kept (and every other execution) goes through the resolvers above."""
    sees, variants, _products = _kept(info)
    if not sees:
        return _unseen
    if variants is None:
        return None
    get = variants.get

    def read(root: ProductVariant):
        return get(root.id)

    return read


def _unseen(root: ProductVariant):
    return _UNSEEN


read_together(resolve_stock, resolve_variant_availability, prepare=_read_kept_stock)


def resolve_product_availability(root: Product, info):
    sees, _variants, products = _kept(info)
    if not sees:
        return NO_AVAILABILITY
    if products is not None and (answer := products.get(root.pk)) is not None:
        return answer
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
