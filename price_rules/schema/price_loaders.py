"""Viewer-aware loaders of prices: each batch (a page) is priced from one context.

Keys are single columns (variant or product ids) batched as siblings of the page's rows,
so the price fields stay on the execution fast path. The value is the viewer's price book
for the batch (None without a buyer); resolvers ask it for a quantity.
"""

from __future__ import annotations

from collections import defaultdict

from backend.catalog.models import Product, ProductVariant
from backend.core.graphql.loaders import DataLoader

from .. import engine
from ..buyers import viewer_buyer
from .kept_prices import kept_price_book
from .viewer_prices import PriceBook, price_book


class PriceBookByVariantIdLoader(DataLoader):
    """The viewer's price book for each variant (the same book for a whole batch): its
    prices kept between requests where they may be (``kept_prices``)."""

    siblings = ((ProductVariant, "pk"),)

    def batch_load(self, keys):
        buyer = viewer_buyer(self.context.viewer)
        if buyer is None:
            return [None] * len(keys)
        book = kept_price_book(self.context, buyer, keys)
        return [book] * len(keys)


class PriceRangeByProductIdLoader(DataLoader):
    """The range of the viewer's prices over each product's variants, each at its minimum
    order quantity (None without a buyer or without a price)."""

    siblings = ((Product, "pk"),)

    def batch_load(self, keys):
        if viewer_buyer(self.context.viewer) is None:
            return [None] * len(keys)
        lines: dict[int, list[engine.Line]] = defaultdict(list)
        for variant_id, product_id, quantity in ProductVariant.objects.filter(
                product_id__any=keys).values_list("id", "product_id", "min_order_quantity"):
            lines[product_id].append(engine.Line(variant_id, quantity))
        book: PriceBook | None = price_book(
            self.context, [line.variant_id for found in lines.values() for line in found])
        if book is None:
            return [None] * len(keys)
        book.resolve_lines([line for found in lines.values() for line in found])
        return [book.price_range(lines[key]) if lines.get(key) else None for key in keys]
