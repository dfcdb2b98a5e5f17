"""Filtering products by the viewer's stock, which the catalog does not know.

The layers keep the catalog below the inventory, so the stock comes from the function
named in ``settings.CATALOG_VIEWER_STOCK`` (``inventory.network_stock.viewer_stock``):
given the viewer, it answers an object with ``in_stock()``, a condition on products: a
variant of the product is available in a warehouse the viewer sees. Anonymous visitors
see no stock: no product is in stock for them.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string


class ViewerStock(Protocol):
    def in_stock(self) -> Q: ...


class _NoStock:
    """No provider configured, or an anonymous visitor: nothing is in stock."""

    def in_stock(self) -> Q:
        return Q(pk__in=[])


@cache
def _provider(path: str):
    return import_string(path)


def viewer_stock(viewer) -> ViewerStock:
    path = getattr(settings, "CATALOG_VIEWER_STOCK", "")
    if not path or not viewer.is_authenticated:
        return _NoStock()
    return _provider(path)(viewer)
