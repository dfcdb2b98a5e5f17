"""Which workflow rows a viewer may see: the only place that decides.

Every workflow row is seen exactly when its order is seen
(``backend.orders.visibility.visible_orders``): moderations, proposals, the dialogue,
dispatches. Nested fields load them through these functions, so a nested field answers
what ``node(id:)`` answers.

The exception is forwarding. A ``ForwardLink`` joins a sub-dealer's line to the line of
its dealer's order to the manufacturer, which carries the dealer's PURCHASE prices. So a
link is seen only by who sees BOTH orders: the dealer (its own order and its sub-dealers'),
the manufacturer's staff whose own visibility already shows the sub-dealer's order. A
sub-dealer sees its own order but never its dealer's, so never the link; a manufacturer's
regional manager assigned to the dealer's region but not the sub-dealer's learns nothing
of the sub-dealer's order through it.

The moderation queue (``moderated_orders``) is the orders, among those the viewer sees,
whose seller the viewer moderates (``people.py``): the manufacturer's for staff with
MODERATE_ORDERS, the active organization's for its members with OrgPerm.MODERATE_ORDERS.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from backend.accounts.models import Organization
from backend.core.permissions import OrgPerm, Perm
from backend.core.viewer import Viewer
from backend.orders.models import Order
from backend.orders.visibility import sees_all_orders, visible_orders

from .models import (
    DialogueEntry,
    Dispatch,
    DispatchLine,
    ForwardLink,
    LineProposal,
    LineUnits,
    OrderModeration,
)

M = TypeVar("M", bound=Model)


def _with_visible_order(viewer: Viewer, rows: QuerySet[M], field: str = "order") -> QuerySet[M]:
    # A subquery, not a join: PostgreSQL resolves it as a semi-join over the orders'
    # own visibility condition, so the condition is written once, in backend.orders.
    if sees_all_orders(viewer):
        return rows
    return rows.filter(**{f"{field}_id__in": visible_orders(viewer).values("pk")})


def visible_moderations(viewer: Viewer) -> QuerySet[OrderModeration]:
    return _with_visible_order(viewer, OrderModeration.objects.all())


def visible_proposals(viewer: Viewer) -> QuerySet[LineProposal]:
    return _with_visible_order(viewer, LineProposal.objects.all())


def visible_dialogue(viewer: Viewer) -> QuerySet[DialogueEntry]:
    return _with_visible_order(viewer, DialogueEntry.objects.all())


def visible_dispatches(viewer: Viewer) -> QuerySet[Dispatch]:
    return _with_visible_order(viewer, Dispatch.objects.all())


def visible_forward_links(viewer: Viewer) -> QuerySet[ForwardLink]:
    """Links whose BOTH orders the viewer sees: the dealer's side only (see above)."""
    rows = _with_visible_order(viewer, ForwardLink.objects.all(), "source_order")
    return _with_visible_order(viewer, rows, "forwarded_order")


def moderated_orders(viewer: Viewer) -> QuerySet[Order]:
    """Orders on moderation with a seller the viewer moderates (see above)."""
    if viewer.user is None:
        return Order.objects.none()
    condition = Q(pk__in=[])
    if viewer.has_perm(Perm.MODERATE_ORDERS):
        roots = Organization.objects.filter(parent__isnull=True).values("pk")
        condition |= Q(moderation__seller_id__in=roots)
    organization = viewer.organization
    if organization is not None and viewer.can(OrgPerm.MODERATE_ORDERS):
        condition |= Q(moderation__seller_id=organization.pk)
    return visible_orders(viewer).filter(condition)


def visible_line_units(viewer: Viewer) -> QuerySet[LineUnits]:
    """A line's units are seen with its order (``units``' loaders)."""
    return _with_visible_order(viewer, LineUnits.objects.all())


def visible_dispatch_lines(viewer: Viewer) -> QuerySet[DispatchLine]:
    """A dispatch's lines are seen with its order."""
    if sees_all_orders(viewer):
        return DispatchLine.objects.all()
    return DispatchLine.objects.filter(dispatch_id__in=visible_dispatches(viewer).values("pk"))
