"""Which carts, saved carts and order files a viewer may see: the only place that decides.

- Carts and order files are their user's alone (whoever the buyer: a manager's cart for a
  client is the manager's).
- A saved cart is seen by its owner, and when shared by every member of its organization
  who may place orders (the active organization's PLACE_ORDERS).
- Anonymous viewers see nothing.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.core.permissions import OrgPerm
from backend.core.viewer import Viewer

from .models import Cart, CartLine, OrderFile, SavedCart, SavedCartLine


def visible_carts(viewer: Viewer) -> QuerySet[Cart]:
    if viewer.user is None:
        return Cart.objects.none()
    return Cart.objects.filter(user_id=viewer.user.pk)


def visible_cart_lines(viewer: Viewer) -> QuerySet[CartLine]:
    if viewer.user is None:
        return CartLine.objects.none()
    return CartLine.objects.filter(cart__user_id=viewer.user.pk)


def _saved_condition(viewer: Viewer, prefix: str = "") -> Q:
    if viewer.user is None:
        return Q(pk__in=[])
    condition = Q(**{f"{prefix}owner_id": viewer.user.pk})
    organization = viewer.organization
    if organization is not None and viewer.can(OrgPerm.PLACE_ORDERS):
        condition |= Q(**{f"{prefix}organization_id": organization.pk,
                          f"{prefix}shared": True})
    return condition


def visible_saved_carts(viewer: Viewer) -> QuerySet[SavedCart]:
    return SavedCart.objects.filter(_saved_condition(viewer))


def visible_saved_cart_lines(viewer: Viewer) -> QuerySet[SavedCartLine]:
    return SavedCartLine.objects.filter(_saved_condition(viewer, "saved_cart__"))


def visible_order_files(viewer: Viewer) -> QuerySet[OrderFile]:
    if viewer.user is None:
        return OrderFile.objects.none()
    return OrderFile.objects.filter(user_id=viewer.user.pk)
