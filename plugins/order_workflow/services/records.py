"""The workflow's rows of an order that reached its seller: its moderation (SUBMITTED) and
one ``LineUnits`` per line with every unit pending. Two inserts, inside the caller's
transaction (placement, or the approval that lets the order go)."""

from __future__ import annotations

from django.utils import timezone

from backend.orders.credit import CreditHold
from backend.orders.models import Order, OrderLine

from ..models import LineUnits, ModerationState, OrderModeration


def open_records(order: Order) -> None:
    OrderModeration.objects.create(order=order, seller_id=order.seller_id,
                                   state=ModerationState.SUBMITTED,
                                   over_credit=order.credit_hold == CreditHold.OVER_LIMIT,
                                   submitted_at=timezone.now())
    LineUnits.objects.bulk_create(
        LineUnits(line_id=pk, order_id=order.pk, pending=quantity)
        for pk, quantity in OrderLine.objects.filter(order=order)
        .values_list("pk", "quantity"))
