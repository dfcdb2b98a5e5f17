"""Who has a part in an order's moderation: its seller's moderators and who answers for
its buyer. Read by the services (permission checks), the schema (``canModerate``,
``canAnswer``) and whoever notifies them (through ``moderator_ids`` / ``answerer_ids``).

- The seller's moderators: for an order placed with the manufacturer (the root
  organization, no parent), staff with the staff permission MODERATE_ORDERS; for a
  sub-dealer's order to its dealer, the dealer's members, acting for it, whose role holds
  OrgPerm.MODERATE_ORDERS.
- Who answers for the buyer: its members, acting for it, whose role holds PLACE_ORDERS or
  APPROVE_ORDERS. Staff never answer for a buyer, even when they placed the order for it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.accounts.models import Membership, Organization, User
from backend.core.permissions import BUILTIN_ROLE_PERMS, OrgPerm, Perm
from backend.core.viewer import Viewer

ANSWERING_PERMS = (OrgPerm.PLACE_ORDERS, OrgPerm.APPROVE_ORDERS)


def may_moderate(viewer: Viewer, seller_id: int, seller_is_root: bool) -> bool:
    """Whether ``viewer`` moderates orders of seller ``seller_id`` (``seller_is_root``:
    the seller is the manufacturer)."""
    if viewer.user is None:
        return False
    if seller_is_root:
        return viewer.has_perm(Perm.MODERATE_ORDERS)
    organization = viewer.organization
    return (organization is not None and organization.pk == seller_id
            and viewer.can(OrgPerm.MODERATE_ORDERS))


def may_answer(viewer: Viewer, buyer_id: int) -> bool:
    """Whether ``viewer`` answers for buyer ``buyer_id`` (proposals, comments, cancel)."""
    organization = viewer.organization
    return (viewer.user is not None and organization is not None
            and organization.pk == buyer_id
            and any(viewer.can(perm) for perm in ANSWERING_PERMS))


def _holding(*perms: OrgPerm) -> Q:
    """Active memberships (of active users) whose role gives one of ``perms``."""
    roles = [role for role, granted in BUILTIN_ROLE_PERMS.items()
             if any(perm in granted for perm in perms)]
    condition = Q(custom_role__isnull=True, role__in=roles)
    for perm in perms:
        condition |= Q(custom_role__permissions__contains=[perm.value])
    return Q(is_active=True, user__is_active=True) & condition


def moderators(seller: Organization) -> QuerySet[User]:
    """The seller's moderators (see the module's docstring), by e-mail."""
    if seller.parent_id is None:
        return User.objects.filter(is_active=True, is_staff=True,
                                   staff_permissions__contains=[Perm.MODERATE_ORDERS.value]
                                   ).order_by("email")
    members = Membership.objects.filter(_holding(OrgPerm.MODERATE_ORDERS),
                                        organization_id=seller.pk)
    return User.objects.filter(pk__in=members.values("user_id")).order_by("email")


def answerers(buyer_id: int) -> QuerySet[User]:
    """Who answers for buyer ``buyer_id``, by e-mail."""
    members = Membership.objects.filter(_holding(*ANSWERING_PERMS), organization_id=buyer_id)
    return User.objects.filter(pk__in=members.values("user_id")).order_by("email")
