"""For which organization a viewer orders: its own, or a client's.

- For itself: the active organization, with PLACE_ORDERS there.
- For a client ("order on behalf"): an active organization that buys from someone (it has
  a parent), and
  - staff with MODERATE_ORDERS: any such organization;
  - a regional manager (other staff): one in the subtrees assigned to them;
  - a member with MANAGE_SUB_DEALERS of the active organization (a dealer's admin): one
    strictly below it.
  The order then records who placed it, as which organization, and for whom.

Every cart, file and placement asks ``order_buyer``; the clients picker lists
``client_organizations``. One answer for all of them.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.accounts.models import Organization, OrganizationStatus
from backend.core.errors import DomainValidationError
from backend.core.permissions import OrgPerm, Perm
from backend.core.viewer import Viewer

from ..errors import CheckoutErrorCode as Code


def _client_condition(viewer: Viewer) -> Q | None:
    """Which organizations the viewer may order for besides its own (None: none)."""
    if viewer.has_perm(Perm.MODERATE_ORDERS):
        return Q()
    condition = None
    if viewer.is_staff:
        for path in viewer.assigned_paths:
            condition = (condition or Q(pk__in=[])) | Q(path__startswith=path)
    active = viewer.organization
    if active is not None and viewer.can(OrgPerm.MANAGE_SUB_DEALERS):
        below = Q(path__startswith=active.path) & ~Q(pk=active.pk)
        condition = below if condition is None else condition | below
    return condition


def client_organizations(viewer: Viewer) -> QuerySet[Organization]:
    """Active organizations with a seller that the viewer may order for, its own active
    organization excluded."""
    condition = _client_condition(viewer)
    if condition is None:
        return Organization.objects.none()
    rows = Organization.objects.filter(condition, status=OrganizationStatus.ACTIVE,
                                       parent__isnull=False)
    if viewer.organization is not None:
        rows = rows.exclude(pk=viewer.organization.pk)
    return rows


def order_buyer(viewer: Viewer, buyer_id: int | None, field: str = "buyer") -> Organization:
    """The organization ``viewer`` orders for: ``buyer_id``, or the active organization.
    PERMISSION_DENIED without the right to order, NOT_A_CLIENT for an organization the
    viewer may not order for (the same answer whether it exists or not)."""
    if viewer.user is None:
        raise DomainValidationError.single(Code.AUTHENTICATION_REQUIRED, "Sign in to order.")
    active = viewer.organization
    if buyer_id is None or (active is not None and int(buyer_id) == int(active.pk)):
        if active is None or not viewer.can(OrgPerm.PLACE_ORDERS):
            raise DomainValidationError.single(
                Code.PERMISSION_DENIED, "Your role does not allow placing orders.", field)
        return Organization.objects.get(pk=active.pk)
    client = client_organizations(viewer).filter(pk=buyer_id).first()
    if client is None:
        raise DomainValidationError.single(
            Code.NOT_A_CLIENT, "You cannot order for this organization.", field)
    return client


def is_on_behalf(viewer: Viewer, buyer: Organization) -> bool:
    active = viewer.organization
    return active is None or int(active.pk) != int(buyer.pk)
