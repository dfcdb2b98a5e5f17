"""The order list's filter and sort, shared by the list and its export: each narrows what
``visibility.visible_orders`` lets the viewer see, never widens it.

A filter the viewer could not have meant is refused with INVALID_FILTER rather than
answered with nothing: a period or a total range the wrong way round, an organization
the viewer may not see (whether it exists or not: ids leak nothing).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from backend.accounts.visibility import visible_organizations
from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer

from .errors import OrdersErrorCode
from .models import Order
from .numbers import number_condition
from .visibility import visible_orders

SORT_FIELDS = {
    "PLACED_AT": ("placed_at",),
    "NUMBER": ("year", "serial"),
    "TOTAL": ("grand_total_gross",),
    "BUYER": ("buyer__name",),
}
DEFAULT_SORT = {"field": "PLACED_AT", "direction": "DESC"}


def _invalid(message: str, field: str) -> DomainValidationError:
    return DomainValidationError.single(OrdersErrorCode.INVALID_FILTER, message, field)


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def search_condition(text: str) -> Q:
    """An order's number («26-00042», «42»), the seller's number or the buyer's reference."""
    condition = Q(seller_number__iexact=text) | Q(buyer_reference__icontains=text)
    by_number = number_condition(text)
    return condition if by_number is None else condition | by_number


def _organization_condition(viewer: Viewer, organization_id: int,
                            include_subtree: bool) -> Q:
    organization = visible_organizations(viewer).filter(pk=organization_id).only(
        "pk", "path").first()
    if organization is None:
        raise _invalid("No organization the viewer may see has this ID.",
                       "filter.organization")
    if include_subtree:
        return Q(buyer__path__startswith=organization.path)
    return Q(buyer_id=organization.pk)


def _range(filter: dict[str, Any], low: str, high: str, field: str, message: str) -> None:
    if (filter.get(low) is not None and filter.get(high) is not None
            and filter[low] > filter[high]):
        raise _invalid(message, f"filter.{field}")


def filter_orders(viewer: Viewer, queryset: QuerySet[Order],
                  filter: dict[str, Any]) -> QuerySet[Order]:
    """``queryset`` narrowed by ``filter`` (plain values: ids already decoded to
    ``placed_by`` and ``organization`` primary keys)."""
    _range(filter, "placed_from", "placed_to", "placedFrom",
           "The period ends before it starts.")
    _range(filter, "total_min", "total_max", "totalMin",
           "The lowest total is above the highest.")
    text = (filter.get("search") or "").strip()
    if text:
        queryset = queryset.filter(search_condition(text))
    if filter.get("placed_from") is not None:
        queryset = queryset.filter(placed_at__gte=_day_start(filter["placed_from"]))
    if filter.get("placed_to") is not None:
        queryset = queryset.filter(
            placed_at__lt=_day_start(filter["placed_to"] + timedelta(days=1)))
    if filter.get("placed_by") is not None:
        queryset = queryset.filter(placed_by_id=filter["placed_by"])
    if filter.get("organization") is not None:
        queryset = queryset.filter(_organization_condition(
            viewer, filter["organization"], filter.get("include_subtree", True) is not False))
    if filter.get("order_type"):
        queryset = queryset.filter(order_type=filter["order_type"])
    if filter.get("total_min") is not None:
        queryset = queryset.filter(grand_total_gross__gte=Decimal(filter["total_min"]))
    if filter.get("total_max") is not None:
        queryset = queryset.filter(grand_total_gross__lte=Decimal(filter["total_max"]))
    if filter.get("status"):
        queryset = queryset.filter(status__in=list(filter["status"]))
    if filter.get("payment_status"):
        queryset = queryset.filter(payment_status__in=list(filter["payment_status"]))
    return queryset


def sort_orders(queryset: QuerySet[Order], sort: dict[str, Any] | None) -> QuerySet[Order]:
    """By the chosen field, then the primary key the same way round: a stable order, so
    that offset cursors page without repeats or gaps."""
    sort = sort or DEFAULT_SORT
    descending = sort.get("direction") == "DESC"
    columns = (*SORT_FIELDS[sort.get("field") or "PLACED_AT"], "pk")
    return queryset.order_by(*(F(c).desc() if descending else F(c).asc() for c in columns))


def listed_orders(viewer: Viewer, filter: dict[str, Any] | None,
                  sort: dict[str, Any] | None) -> QuerySet[Order]:
    """The viewer's orders, filtered and sorted: what the list pages and the export writes."""
    return sort_orders(filter_orders(viewer, visible_orders(viewer), filter or {}), sort)
