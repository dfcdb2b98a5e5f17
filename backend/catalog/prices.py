"""Sorting and filtering products by the viewer's price, which the catalog does not know.

The layers keep the catalog below the price rules, so the price comes from the function
named in ``settings.CATALOG_VIEWER_PRICES`` (``price_rules.catalog_sort.viewer_price_keys``):
given the viewer, it answers an object with ``sort_key(products)``, an SQL expression of
each product's price (NULL when it has none), and ``within(products, minimum, maximum)``, a
condition on products. Anonymous visitors never see prices, so they may not sort or filter
by them: ``PRICE_REQUIRES_SIGN_IN`` tells the client rather than quietly ignoring it.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any, Protocol

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.module_loading import import_string

from backend.core.errors import DomainValidationError

from .errors import CatalogErrorCode
from .models import Product


class ViewerPrices(Protocol):
    def sort_key(self, products: QuerySet[Product]) -> Any: ...

    def within(self, products: QuerySet[Product], minimum: Decimal | None,
               maximum: Decimal | None) -> Q: ...


class _NoPrices:
    """No provider configured: no product has a price."""

    def sort_key(self, products):
        from django.db.models.expressions import RawSQL

        return RawSQL("NULL::numeric", ())

    def within(self, products, minimum, maximum):
        return Q(pk__in=[])


@cache
def _provider(path: str):
    return import_string(path)


def viewer_prices(viewer, field: str) -> ViewerPrices:
    """The viewer's prices for sorting or filtering; refused for anonymous visitors."""
    if not viewer.is_authenticated:
        raise DomainValidationError.single(
            CatalogErrorCode.PRICE_REQUIRES_SIGN_IN,
            "Sign in to sort or filter products by price.", field)
    path = getattr(settings, "CATALOG_VIEWER_PRICES", "")
    return _provider(path)(viewer) if path else _NoPrices()
