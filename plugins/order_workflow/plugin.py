"""The order workflow's plugin: an order that reaches its seller gets its moderation record
and its lines' unit statuses (all pending) in the same transaction (``order_submitted``),
and is confirmed at once when one of its seller's auto-confirm rules says so;
``orderReject`` of an order its seller moderates is the seller's rejection
(``order_reject``)."""

from __future__ import annotations

from backend.core.plugins import BasePlugin
from backend.core.viewer import Viewer
from backend.orders.models import Order

from .models import OrderModeration
from .services import moderation
from .services.auto_confirm import confirm_if_ruled
from .services.records import open_records


class Plugin(BasePlugin):
    PLUGIN_ID = "order_workflow"
    PLUGIN_NAME = "Order workflow"

    def order_submitted(self, order: Order, *, previous_value: None) -> None:
        open_records(order)
        confirm_if_ruled(order)
        return previous_value

    def order_reject(self, viewer: Viewer, order: Order, comment: str, *,
                     previous_value: Order | None) -> Order | None:
        if previous_value is not None or not OrderModeration.objects.filter(
                order_id=order.pk).exists():
            return previous_value
        return moderation.reject(viewer, order.pk, comment)
