"""Who besides its placer has a part in an order: the buyer's approvers (who may let an
order above a buyer's spending limit go to the seller) and the seller's side that takes a
placed order. Read by the approval service, the notifications and ``Order.approvers``.

An approver is an active user with an active membership of the buyer whose role (built-in,
or the custom role replacing it) holds APPROVE_ORDERS, other than the order's placer: an
order waits because its placer's limit is too low, so the placer never answers for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from backend.accounts.models import Membership, Organization, OrganizationKind, User
from backend.core.permissions import BUILTIN_ROLE_PERMS, OrgPerm, Perm


def _holding(perm: OrgPerm) -> Q:
    """Memberships whose role gives ``perm`` (active ones, of active users)."""
    roles = [role for role, perms in BUILTIN_ROLE_PERMS.items() if perm in perms]
    return (Q(is_active=True, user__is_active=True)
            & (Q(custom_role__isnull=True, role__in=roles)
               | Q(custom_role__permissions__contains=[perm.value])))


def approver_ids(organization_ids: Iterable[int]) -> dict[int, list[int]]:
    """The user ids of each organization's approvers, by e-mail (one query)."""
    found: dict[int, list[int]] = defaultdict(list)
    rows = (Membership.objects.filter(_holding(OrgPerm.APPROVE_ORDERS),
                                      organization_id__in=list(organization_ids))
            .order_by("organization_id", "user__email")
            .values_list("organization_id", "user_id"))
    for organization_id, user_id in rows:
        found[organization_id].append(user_id)
    return found


def order_approvers(organization_id: int, placed_by_id: int) -> QuerySet[User]:
    """Who may approve an order of ``organization_id`` placed by ``placed_by_id``."""
    members = Membership.objects.filter(_holding(OrgPerm.APPROVE_ORDERS),
                                        organization_id=organization_id)
    return (User.objects.filter(pk__in=members.values("user_id"))
            .exclude(pk=placed_by_id).order_by("email"))


def order_takers(seller: Organization) -> QuerySet[User]:
    """Who takes an order placed with ``seller``: for the manufacturer, its staff with
    MODERATE_ORDERS; for a dealer (its sub-dealers' orders), the dealer's admins (those
    who manage its sub-dealers)."""
    if seller.kind == OrganizationKind.MANUFACTURER:
        return User.objects.filter(is_active=True, is_staff=True,
                                   staff_permissions__contains=[Perm.MODERATE_ORDERS.value]
                                   ).order_by("email")
    members = Membership.objects.filter(_holding(OrgPerm.MANAGE_SUB_DEALERS),
                                        organization_id=seller.pk)
    return User.objects.filter(pk__in=members.values("user_id")).order_by("email")
