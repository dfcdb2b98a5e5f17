"""The orders a viewer may forward now: of those it sees (``orders.visibility``), its
organization's sub-dealers' orders (seller: the organization), CONFIRMED, none of whose
units moved beyond pending or cancelled, not forwarded yet; nothing without
``OrgPerm.MODERATE_ORDERS``. The same rule ``forwarding.forward_orders`` checks order by
order to name what it refuses."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from backend.core.permissions import OrgPerm
from backend.core.viewer import Viewer
from backend.orders.models import Order
from backend.orders.visibility import visible_orders

from ..models import UNIT_COLUMNS, ForwardLink, LineUnits, ModerationState, UnitStatus

# Units here mean the dealer already fulfils the order itself.
MOVED = [column for status, column in UNIT_COLUMNS.items()
         if status not in (UnitStatus.PENDING, UnitStatus.CANCELLED)]


def forwardable_orders(viewer: Viewer) -> QuerySet[Order]:
    organization = viewer.organization
    if (viewer.user is None or organization is None or organization.parent_id is None
            or not viewer.can(OrgPerm.MODERATE_ORDERS)):
        return Order.objects.none()
    moved = Q()
    for column in MOVED:
        moved |= Q(**{f"{column}__gt": 0})
    return (visible_orders(viewer)
            .filter(seller_id=organization.pk,
                    moderation__state=ModerationState.CONFIRMED)
            .exclude(Exists(ForwardLink.objects.filter(source_order_id=OuterRef("pk"))))
            .exclude(Exists(LineUnits.objects.filter(moved, order_id=OuterRef("pk")))))
