"""Which orders a viewer may see: the only place that decides.

- Staff with VIEW_ALL or MODERATE_ORDERS see every order; a regional manager (other staff)
  the orders of the organizations assigned to them and everything below those.
- A member of an organization with VIEW_ORDERS sees the orders of its organization's
  subtree: its own, and a dealer its sub-dealers' (read-only: acting on an order is
  decided by each mutation's permission check, never by visibility). The orders a
  sub-dealer places with its dealer carry the dealer's sale prices, never the dealer's
  own purchase prices, so nothing here leads up the chain.
- Anyone sees the orders they placed themselves (a member whose custom role lacks
  VIEW_ORDERS, a manager who ordered for a client).
- Anonymous viewers see nothing.

Lines, shipments and events are visible with their order; nested fields load them through
these functions, so what a nested field returns is what ``node(id:)`` returns.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.accounts.models import Organization
from backend.core.permissions import OrgPerm, Perm
from backend.core.viewer import Viewer

from .models import Order, OrderEvent, OrderLine, OrderStatus, Shipment, ShipmentLine


def sees_all_orders(viewer: Viewer) -> bool:
    return viewer.has_perm(Perm.VIEW_ALL) or viewer.has_perm(Perm.MODERATE_ORDERS)


def _order_condition(viewer: Viewer, prefix: str = "") -> Q | None:
    """The orders' condition (None: all of them), ``prefix`` leading to the order."""
    if sees_all_orders(viewer):
        return None
    condition = Q(pk__in=[])
    if viewer.user is None:
        return condition
    condition |= Q(**{f"{prefix}placed_by": viewer.user.pk})
    if viewer.is_staff:
        for path in viewer.assigned_paths:
            condition |= _bought_in_subtree(prefix, path)
    organization = viewer.organization
    if organization is not None and viewer.can(OrgPerm.VIEW_ORDERS):
        condition |= _bought_in_subtree(prefix, organization.path)
    return condition


def _bought_in_subtree(prefix: str, path: str) -> Q:
    # The subtree's organizations as a subquery, not a join: PostgreSQL hashes the few
    # ids once and can walk the orders' own indexes (latest first) past the others.
    subtree = Organization.objects.filter(path__startswith=path).values("pk")
    return Q(**{f"{prefix}buyer_id__in": subtree})


def visible_orders(viewer: Viewer) -> QuerySet[Order]:
    condition = _order_condition(viewer)
    return Order.objects.all() if condition is None else Order.objects.filter(condition)


def visible_order_lines(viewer: Viewer) -> QuerySet[OrderLine]:
    condition = _order_condition(viewer, "order__")
    rows = OrderLine.objects.all()
    return rows if condition is None else rows.filter(condition)


def visible_shipments(viewer: Viewer) -> QuerySet[Shipment]:
    condition = _order_condition(viewer, "order__")
    rows = Shipment.objects.all()
    return rows if condition is None else rows.filter(condition)


def visible_shipment_lines(viewer: Viewer) -> QuerySet[ShipmentLine]:
    condition = _order_condition(viewer, "shipment__order__")
    rows = ShipmentLine.objects.all()
    return rows if condition is None else rows.filter(condition)


def visible_order_events(viewer: Viewer) -> QuerySet[OrderEvent]:
    condition = _order_condition(viewer, "order__")
    rows = OrderEvent.objects.all()
    return rows if condition is None else rows.filter(condition)


def approvable_orders(viewer: Viewer) -> QuerySet[Order]:
    """The approvals queue: orders of the active organization waiting for its approver
    (the viewer, when its role there holds APPROVE_ORDERS), but not the viewer's own: an
    order waits because its placer's limit is too low, so another approver answers."""
    organization = viewer.organization
    if organization is None or viewer.user is None or not viewer.can(OrgPerm.APPROVE_ORDERS):
        return Order.objects.none()
    return Order.objects.filter(buyer_id=organization.pk,
                                status=OrderStatus.AWAITING_APPROVAL).exclude(
        placed_by_id=viewer.user.pk)
