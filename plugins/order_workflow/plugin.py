"""The order workflow's plugin: an order that reaches its seller gets its moderation record
and its lines' unit statuses (all pending) in the same transaction (``order_submitted``)."""

from __future__ import annotations

from backend.core.plugins import BasePlugin
from backend.orders.models import Order

from .services.records import open_records


class Plugin(BasePlugin):
    PLUGIN_ID = "order_workflow"
    PLUGIN_NAME = "Order workflow"

    def order_submitted(self, order: Order, *, previous_value: None) -> None:
        open_records(order)
        return previous_value
