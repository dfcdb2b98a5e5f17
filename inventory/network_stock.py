"""The catalog's "in stock in my network" filter for one viewer
(``settings.CATALOG_VIEWER_STOCK``, called by ``backend.catalog.stock``): products with a
variant available (on hand above allocated) in a warehouse the viewer sees, by
``visibility.visible_warehouses``, whatever its display (a banded warehouse's stock is
still stock the viewer may know of)."""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q

from backend.core.viewer import Viewer

from .models import StockItem
from .visibility import sees_all_stock, visible_warehouses


class NetworkStock:
    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer

    def in_stock(self) -> Q:
        rows = StockItem.objects.filter(variant__product_id=OuterRef("pk"),
                                        on_hand__gt=F("allocated"))
        if not sees_all_stock(self.viewer):
            warehouse_ids = list(visible_warehouses(self.viewer).values_list("pk", flat=True))
            if not warehouse_ids:
                return Q(pk__in=[])
            rows = rows.filter(warehouse_id__in=warehouse_ids)
        return Q(Exists(rows))


def viewer_stock(viewer: Viewer) -> NetworkStock:
    """The provider named by ``settings.CATALOG_VIEWER_STOCK``."""
    return NetworkStock(viewer)
