"""The catalog's sort and price filter for one viewer (``settings.CATALOG_VIEWER_PRICES``):
the viewer's stored keys (``stored_keys``) when they can be read, else the keys computed
in the statement (``sort_keys``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, F, Func, Q, QuerySet, TextField
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import Cast
from django.utils import timezone

from backend.accounts.models import Organization
from backend.catalog.models import Product

from . import stored_keys
from .buyers import viewer_buyer
from .sort_keys import product_keys_sql


class StoredKey(Expression):
    """A product's stored key (``stored_keys``): one lookup of the keys' primary key per
    product (about 20,000 in 30-40 ms on the bench data). The keys table has no other
    index that begins with (buyer, version, day): right after a fill the statistics know
    nothing of the new version, and the planner took such an index (by price) for these
    lookups, reading every key of the buyer for each product (36 s instead of 0.04)."""

    output_field = DecimalField(max_digits=14, decimal_places=2)

    def __init__(self, buyer_id: int, version: int, on_date: date, product: Any = None):
        super().__init__()
        self.key = (buyer_id, version, on_date)
        self.product = F("pk") if product is None else product

    def get_source_expressions(self):
        return [self.product]

    def set_source_expressions(self, exprs):
        (self.product,) = exprs

    def as_sql(self, compiler, connection):
        product, params = compiler.compile(self.product)
        return (f"(SELECT k.gross FROM {stored_keys.KEYS} k WHERE k.buyer_id = %s "
                f"AND k.version = %s AND k.day = %s AND k.product_id = {product})",
                [*self.key, *params])


class ViewerPriceKeys:
    """``backend.catalog.prices``' provider for one viewer (``CATALOG_VIEWER_PRICES``):
    the stored keys (``stored_keys``) when they can be, else computed in the statement."""

    def __init__(self, buyer: Organization | None):
        self.buyer = buyer
        self.on_date = timezone.localdate()

    def _stored(self) -> stored_keys.KeySet | None:
        assert self.buyer is not None
        return stored_keys.stored_set(self.buyer, self.on_date)

    def _keys_sql(self, products: QuerySet[Product]) -> tuple[str, list[Any]]:
        """SQL of ``(product_id, price)``: the stored keys, else computed here."""
        assert self.buyer is not None
        stored = self._stored()
        if stored is None:
            return product_keys_sql(self.buyer, products, self.on_date)
        return stored_keys.keys_sql(stored.owner_id, stored.version, self.on_date)

    def sort_key(self, products: QuerySet[Product]):
        """Each product's key, NULL without a price."""
        if self.buyer is None:
            return RawSQL("NULL::numeric", ())
        stored = self._stored()
        if stored is not None:
            return StoredKey(stored.owner_id, stored.version, self.on_date)
        # One map of every product's price computed once per statement (an uncorrelated
        # subquery), then looked up per row.
        sql, params = product_keys_sql(self.buyer, products, self.on_date)
        prices = RawSQL(f"(SELECT jsonb_object_agg(k.product_id::text, k.price) FROM ({sql}) k)",
                        params)
        return Func(prices, Cast(F("pk"), TextField()), arg_joiner=" ->> ",
                    template="((%(expressions)s)::numeric)")

    def within(self, products: QuerySet[Product], minimum: Decimal | None,
               maximum: Decimal | None) -> Q:
        if self.buyer is None:
            return Q(pk__in=[])
        bounds, bound_params = ["true"], []
        if minimum is not None:
            bounds.append("k.price >= %s")
            bound_params.append(minimum)
        if maximum is not None:
            bounds.append("k.price <= %s")
            bound_params.append(maximum)
        sql, params = self._keys_sql(products)
        return Q(pk__in=RawSQL(f"SELECT k.product_id FROM ({sql}) k WHERE "
                               f"{' AND '.join(bounds)}", [*params, *bound_params]))


def viewer_price_keys(viewer) -> ViewerPriceKeys:
    """The provider named by ``settings.CATALOG_VIEWER_PRICES``."""
    return ViewerPriceKeys(viewer_buyer(viewer))
