"""Invoices issued by the order's life (``order_confirmed``, ``order_dispatched``).
Placeholder until invoicing lands: issues nothing."""

from __future__ import annotations

from django.db.models import Model

from backend.orders.models import Order


def on_confirmed(order: Order) -> None:
    return None


def on_dispatched(order: Order, dispatch: Model) -> None:
    return None
