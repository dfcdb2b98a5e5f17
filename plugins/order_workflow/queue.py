"""The moderation queue's filter and sort: they narrow ``visibility.moderated_orders``,
never widen it. By default the open orders (SUBMITTED, ON_MODERATION, AWAITING_BUYER),
oldest first (AGE ascending: the longest waiting on top).

A filter the viewer could not have meant is refused (INVALID): a period or total range
the wrong way round. Every sort ends with the order's id, so offset cursors page without
repeats or gaps.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer
from backend.orders.filters import search_condition
from backend.orders.models import Order

from .errors import WorkflowErrorCode as Code
from .models import OPEN_STATES
from .visibility import moderated_orders

SORT_FIELDS = {
    "AGE": ("moderation__submitted_at",),
    "TOTAL": ("grand_total_gross",),
    "BUYER": ("buyer__name",),
}
DEFAULT_SORT = {"field": "AGE", "direction": "ASC"}


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _check_range(values: dict[str, Any], low: str, high: str, field: str) -> None:
    if values.get(low) is not None and values.get(high) is not None \
            and values[low] > values[high]:
        raise DomainValidationError.single(Code.INVALID, "The range ends before it starts.",
                                           f"filter.{field}")


def queue_condition(viewer: Viewer, values: dict[str, Any]) -> Q:
    """``values`` (plain, ids decoded) as one condition on orders."""
    _check_range(values, "submitted_from", "submitted_to", "submittedFrom")
    _check_range(values, "total_min", "total_max", "totalMin")
    condition = Q(moderation__state__in=list(values.get("states") or OPEN_STATES))
    text = (values.get("search") or "").strip()
    if text:
        condition &= (search_condition(text) | Q(buyer__name__icontains=text)
                      | Q(buyer__inn__startswith=text))
    if values.get("buyer") is not None:
        condition &= Q(buyer_id=values["buyer"])
    if values.get("total_min") is not None:
        condition &= Q(grand_total_gross__gte=values["total_min"])
    if values.get("total_max") is not None:
        condition &= Q(grand_total_gross__lte=values["total_max"])
    if values.get("submitted_from") is not None:
        condition &= Q(moderation__submitted_at__gte=_day_start(values["submitted_from"]))
    if values.get("submitted_to") is not None:
        condition &= Q(moderation__submitted_at__lt=_day_start(
            values["submitted_to"] + timedelta(days=1)))
    if values.get("over_credit") is not None:
        condition &= Q(moderation__over_credit=values["over_credit"])
    if values.get("mine"):
        condition &= Q(moderation__moderator_id=getattr(viewer.user, "pk", None))
    return condition


def moderation_queue(viewer: Viewer, values: dict[str, Any] | None,
                     sort: dict[str, Any] | None) -> QuerySet[Order]:
    sort = sort or DEFAULT_SORT
    descending = sort.get("direction") == "DESC"
    columns = (*SORT_FIELDS[sort.get("field") or "AGE"], "pk")
    return moderated_orders(viewer).filter(queue_condition(viewer, values or {})).order_by(
        *(F(c).desc() if descending else F(c).asc() for c in columns))
