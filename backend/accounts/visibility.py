"""Which organizations, memberships and users a viewer may see: the only place that decides.

- Staff with VIEW_ALL see every organization.
- Other staff (regional managers) see the subtrees of the organizations assigned to them.
- A member sees the active organization's subtree (itself and what is below it) and its
  direct supplier (parent), nothing above or beside it.
- Anonymous viewers see nothing.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.core.permissions import OrgPerm, Perm
from backend.core.viewer import Viewer

from .models import CustomRole, Invitation, Membership, Organization, User


def _sees_everything(viewer: Viewer) -> bool:
    return viewer.has_perm(Perm.VIEW_ALL)


def _assigned(viewer: Viewer, prefix: str = "") -> Q:
    """Rows in the subtrees assigned to a regional manager (nothing for others)."""
    condition = Q(pk__in=[])
    if viewer.is_staff:
        for path in viewer.assigned_paths:
            condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def visible_organizations(viewer: Viewer) -> QuerySet[Organization]:
    if _sees_everything(viewer):
        return Organization.objects.all()
    condition = _assigned(viewer)
    org = viewer.organization
    if org is not None:
        condition |= Q(path__startswith=org.path)
        if org.parent_id:
            condition |= Q(pk=org.parent_id)
    return Organization.objects.filter(condition)


def visible_memberships(viewer: Viewer) -> QuerySet[Membership]:
    """Members of the viewer's own organization and below; staff see all."""
    if _sees_everything(viewer):
        return Membership.objects.all()
    if viewer.user is None:
        return Membership.objects.none()
    condition = Q(user=viewer.user) | _assigned(viewer, "organization__")
    if viewer.organization is not None:
        condition |= Q(organization__path__startswith=viewer.organization.path)
    return Membership.objects.filter(condition)


def visible_users(viewer: Viewer) -> QuerySet[User]:
    if _sees_everything(viewer):
        return User.objects.all()
    if viewer.user is None:
        return User.objects.none()
    return User.objects.filter(
        Q(pk=viewer.user.pk)
        | Q(memberships__in=visible_memberships(viewer).values("pk"))
    ).distinct()


def visible_invitations(viewer: Viewer) -> QuerySet[Invitation]:
    """Invitations of the active organization, for those who manage its members; those of
    its sub-dealers too, for those who manage sub-dealers (to follow a first admin's
    invitation)."""
    if _sees_everything(viewer):
        return Invitation.objects.all()
    org = viewer.organization
    if org is None:
        return Invitation.objects.none()
    condition = Q(pk__in=[])
    if viewer.can(OrgPerm.MANAGE_MEMBERS):
        condition |= Q(organization=org)
    if viewer.can(OrgPerm.MANAGE_SUB_DEALERS):
        condition |= Q(organization__path__startswith=org.path)
    return Invitation.objects.filter(condition)


def visible_custom_roles(viewer: Viewer) -> QuerySet[CustomRole]:
    """The active organization's custom roles."""
    if _sees_everything(viewer):
        return CustomRole.objects.all()
    org = viewer.organization
    if org is None:
        return CustomRole.objects.none()
    return CustomRole.objects.filter(organization=org)
