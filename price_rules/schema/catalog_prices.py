"""The viewer's prices on the catalog's types (the catalog does not know price rules)."""

from __future__ import annotations

import graphene
from graphql import GraphQLError, OperationType
from graphql_sync_dataloaders import SyncFuture

from backend.catalog.models import Product, ProductVariant
from backend.catalog.schema.types import ProductObjectType, ProductVariantType
from backend.core.graphql.extend import add_fields
from backend.core.graphql.field_groups import read_together

from ..buyers import viewer_buyer
from .kept_prices import kept_walks
from .price_loaders import PriceBookByVariantIdLoader, PriceRangeByProductIdLoader
from .price_types import PriceRangeType, PriceTierType, VariantPriceType


def _price(book, variant: ProductVariant, quantity):
    if book is None:
        return None
    return book.price(variant.pk, variant.min_order_quantity if quantity is None else quantity)


def _tiers(book, variant: ProductVariant):
    return [] if book is None else book.tiers(variant.pk, variant.min_order_quantity)


# A page asks both fields of every variant: the book at hand (the page's rows are siblings)
# is asked directly, without the closure and calls of ``load_then`` (and ``id``, a plain
# attribute, rather than the ``pk`` property). The first of the two asked at the minimum
# order leaves the variant's walk (its price and tiers, from the book the loader gives
# every field of this variant in this request) on the row, for this request only (the
# request is kept with it and compared by identity): the other reads it there instead of
# asking the loader and the book again.
_SHOWN = "_viewer_prices_shown"


def _shown(root: ProductVariant, info):
    """The variant's (price, tiers) at its minimum order for this request: left on the row
    by the other field, else kept (read directly in a query), else from the book (None
    without a buyer, a future while the book is pending)."""
    context = info.context
    known = root.__dict__.get(_SHOWN)
    if known is not None and known[0] is context:
        return known[1]
    direct = context.__dict__.get(_DIRECT)
    if direct is None:
        direct = _direct(info)
    if direct:
        walks = direct[1][0].get((direct[0], root.id))
        walk = None if walks is None else walks.get(root.min_order_quantity)
        if walk is not None:
            root.__dict__[_SHOWN] = (context, walk)
            return walk
    loader = PriceBookByVariantIdLoader(info.context)
    book = loader.load(root.id)
    if book is None or type(book) is SyncFuture:
        return book
    walk = book.walk(root.id, root.min_order_quantity)
    root.__dict__[_SHOWN] = (info.context, walk)
    return walk


# A query's kept walks, read directly by each variant's first price field: (buyer id, (the
# walks, the buyer's first walks)) or False. A kept variant then costs two dict lookups, no
# loader; one not kept (or read but dropped meanwhile) goes through the loader as before.
_DIRECT = "_kept_prices_direct"


def _direct(info):
    context = info.context
    direct: tuple | bool = False
    if info.operation.operation is OperationType.QUERY:
        buyer = viewer_buyer(context.viewer)
        walks = None if buyer is None else kept_walks(context, buyer)
        if walks is not None:
            direct = (buyer.pk, walks)
    context.__dict__[_DIRECT] = direct
    return direct


def resolve_price(root: ProductVariant, info, quantity=None):
    if quantity is None:
        walk = _shown(root, info)
        if type(walk) is not SyncFuture:
            return None if walk is None else walk[0]
        return PriceBookByVariantIdLoader(info.context).load_then(
            root.id, lambda book: _price(book, root, quantity))
    if quantity <= 0:
        raise GraphQLError("`quantity` must be above zero.",
                           extensions={"code": "INVALID", "field": "quantity"})
    loader = PriceBookByVariantIdLoader(info.context)
    book = loader.load(root.id)
    if book is None:
        return None
    if type(book) is SyncFuture:
        return loader.load_then(root.id, lambda book: _price(book, root, quantity))
    return book.price(root.id, quantity)


def resolve_price_tiers(root: ProductVariant, info):
    walk = _shown(root, info)
    if walk is None:
        return []
    if type(walk) is SyncFuture:
        return PriceBookByVariantIdLoader(info.context).load_then(
            root.id, lambda book: _tiers(book, root))
    return walk[1]


def _read_walks(info):
    """The fast path's read of a variant's ``price`` and ``priceTiers`` together
    (``field_groups``): its kept walk at its minimum order, for a query whose kept walks
    may be read; a variant not kept (and every other execution) goes through the
    resolvers above."""
    direct = info.context.__dict__.get(_DIRECT)
    if direct is None:
        direct = _direct(info)
    if not direct:
        return None
    buyer_id, (walks, firsts) = direct
    get = walks.get
    first = None if firsts is None else firsts.get

    def read(root: ProductVariant):
        # the variant's first walk kept (at its minimum order, unless that changed since):
        # one lookup, where the walks by (buyer, variant) and quantity take two
        quantity = root.min_order_quantity
        if first is not None:
            walk = first(root.id)
            if walk is not None and walk.quantity == quantity:
                return walk
        found = get((buyer_id, root.id))
        return None if found is None else found.get(quantity)

    return read


read_together(resolve_price, resolve_price_tiers, prepare=_read_walks)


def resolve_price_range(root: Product, info):
    return PriceRangeByProductIdLoader(info.context).load(root.pk)


add_fields(
    ProductVariantType,
    price=graphene.Field(
        VariantPriceType, resolver=resolve_price,
        quantity=graphene.Decimal(description="Default: the variant's minimum order quantity."),
        description="The viewer's unit price at `quantity`. Null for anonymous visitors or "
                    "when no price is offered."),
    price_tiers=graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(PriceTierType))),
        resolver=resolve_price_tiers,
        description="Every tier of the viewer's price for this variant, ascending "
                    "minQuantity; empty when there is no price."),
)
add_fields(
    ProductObjectType,
    price_range=graphene.Field(
        PriceRangeType, resolver=resolve_price_range,
        description="The range of the viewer's prices over the product's variants; null for "
                    "anonymous visitors or when no variant has a price."),
)
