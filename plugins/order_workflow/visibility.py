"""Which workflow rows a viewer may see: the only place that decides.

Every workflow row is seen exactly when its order is seen
(``backend.orders.visibility.visible_orders``): moderations, proposals, the dialogue,
dispatches. Nested fields load them through these functions, so a nested field answers
what ``node(id:)`` answers; a loader passes its page's ``order_ids``, which only narrows
(the orders' condition is then checked on those orders alone).

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

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, QuerySet

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


def _with_visible_order(viewer: Viewer, rows: QuerySet[M], field: str = "order",
                        order_ids: Iterable[int] | None = None) -> QuerySet[M]:
    # A subquery over the orders, narrowed first to ``order_ids`` (ids, or a subquery of
    # them) when the caller knows them (a loader's page): PostgreSQL then checks the
    # orders' condition on those few orders by their keys instead of scanning every
    # order the viewer may see.
    if order_ids is not None and not isinstance(order_ids, QuerySet):
        order_ids = list(order_ids)
    if sees_all_orders(viewer):
        return rows if order_ids is None else rows.filter(**{f"{field}_id__in": order_ids})
    orders = visible_orders(viewer)
    if order_ids is not None:
        orders = orders.filter(pk__in=order_ids)
    return rows.filter(**{f"{field}_id__in": orders.values("pk")})


def visible_moderations(viewer: Viewer, order_ids: Iterable[int] | None = None
                        ) -> QuerySet[OrderModeration]:
    return _with_visible_order(viewer, OrderModeration.objects.all(), order_ids=order_ids)


def visible_proposals(viewer: Viewer, order_ids: Iterable[int] | None = None
                      ) -> QuerySet[LineProposal]:
    return _with_visible_order(viewer, LineProposal.objects.all(), order_ids=order_ids)


def visible_dialogue(viewer: Viewer, order_ids: Iterable[int] | None = None
                     ) -> QuerySet[DialogueEntry]:
    return _with_visible_order(viewer, DialogueEntry.objects.all(), order_ids=order_ids)


def visible_dispatches(viewer: Viewer, order_ids: Iterable[int] | None = None
                       ) -> QuerySet[Dispatch]:
    return _with_visible_order(viewer, Dispatch.objects.all(), order_ids=order_ids)


def visible_forward_links(viewer: Viewer) -> QuerySet[ForwardLink]:
    """Links whose BOTH orders the viewer sees: the dealer's side only (see above)."""
    rows = _with_visible_order(viewer, ForwardLink.objects.all(), "source_order")
    return _with_visible_order(viewer, rows, "forwarded_order")


def moderated_orders(viewer: Viewer) -> QuerySet[Order]:
    """Orders on moderation with a seller the viewer moderates (see above)."""
    if viewer.user is None:
        return Order.objects.none()
    # The sellers as a list of ids (one small query for the manufacturer), not a subquery
    # OR'ed with the organization: one ``seller_id IN (...)`` walks the queue's index.
    sellers: set[int] = set()
    if viewer.has_perm(Perm.MODERATE_ORDERS):
        sellers.update(Organization.objects.filter(parent__isnull=True)
                       .values_list("pk", flat=True))
    organization = viewer.organization
    if organization is not None and viewer.can(OrgPerm.MODERATE_ORDERS):
        sellers.add(organization.pk)
    rows = Order.objects.filter(moderation__seller_id__in=sorted(sellers))
    # An organization's sales are its direct buyers' orders, inside the subtree its
    # VIEW_ORDERS shows: the orders' condition (a scan of the buyers' orders) would add
    # nothing. A custom role moderating without VIEW_ORDERS still gets it.
    if sees_all_orders(viewer) or (viewer.can(OrgPerm.VIEW_ORDERS)
                                   and not viewer.has_perm(Perm.MODERATE_ORDERS)):
        return rows
    return rows.filter(pk__in=visible_orders(viewer).values("pk"))


def visible_line_units(viewer: Viewer) -> QuerySet[LineUnits]:
    """A line's units are seen with its order (``units``' loaders)."""
    return _with_visible_order(viewer, LineUnits.objects.all())


def visible_dispatch_lines(viewer: Viewer) -> QuerySet[DispatchLine]:
    """A dispatch's lines are seen with its order."""
    if sees_all_orders(viewer):
        return DispatchLine.objects.all()
    return DispatchLine.objects.filter(dispatch_id__in=visible_dispatches(viewer).values("pk"))
