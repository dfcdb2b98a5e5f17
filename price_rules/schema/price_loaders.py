"""Viewer-aware loaders of prices: each batch (a page) is priced from one context.

Keys are single columns (variant or product ids) batched as siblings of the page's rows,
so the price fields stay on the execution fast path. The value is the viewer's price book
for the batch (None without a buyer); resolvers ask it for a quantity.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from backend.catalog.models import Product, ProductVariant
from backend.core.graphql.loaders import DataLoader

from ..buyers import viewer_buyer
from .kept_prices import kept_price_book
from .viewer_prices import price_range


class PriceBookByVariantIdLoader(DataLoader):
    """The viewer's price book for each variant (the same book for a whole batch): its
    prices kept between requests where they may be (``kept_prices``)."""

    siblings = ((ProductVariant, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        buyer = viewer_buyer(self.context.viewer)
        if buyer is None:
            return [None] * len(keys)
        book = kept_price_book(self.context, buyer, keys)
        return [book] * len(keys)


class PriceRangeByProductIdLoader(DataLoader):
    """The range of the viewer's prices over each product's variants, each at its minimum
    order quantity (None without a buyer or without a price), from the prices the variants
    show (kept between requests where they may be)."""

    siblings = ((Product, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        buyer = viewer_buyer(self.context.viewer)
        if buyer is None:
            return [None] * len(keys)
        lines: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
        for variant_id, product_id, quantity in ProductVariant.objects.filter(
                product_id__any=keys).values_list("id", "product_id", "min_order_quantity"):
            lines[product_id].append((variant_id, quantity))
        if not lines:
            return [None] * len(keys)
        book = kept_price_book(self.context, buyer,
                               [variant for found in lines.values() for variant, _ in found])
        return [price_range(book.price(variant, quantity) for variant, quantity in lines[key])
                if key in lines else None for key in keys]
