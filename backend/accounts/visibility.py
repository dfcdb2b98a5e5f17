"""Which organizations, memberships and users a viewer may see: the only place that decides.

- Staff with VIEW_ALL see every organization.
- Other staff (regional managers) see the subtrees of the organizations assigned to them.
- A member sees the active organization's subtree (itself and what is below it), its
  direct supplier (parent) and the organizations it belongs to (to switch to), nothing
  else above or beside it.
- People: a member sees itself and the members of its subtree; staff also see their
  colleagues (other staff). Anyone else who acts on what the viewer sees (the supplier's
  admin who created a sub-dealer, the manufacturer's staff who changed a dealer) appears
  only as a ``PersonSummary``: a name, never an e-mail, a phone or permissions.
- Anonymous viewers see nothing.

Nested fields load rows through the same functions (``ByIdLoader``), so what a nested
field returns is what ``node(id:)`` returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
    if viewer.user is not None:
        condition |= Q(pk__in=Membership.objects.filter(
            user=viewer.user, is_active=True).values("organization_id"))
    return Organization.objects.filter(condition)


def visible_memberships(viewer: Viewer) -> QuerySet[Membership]:
    """Members of the viewer's own organization and below, and the viewer's own active
    memberships elsewhere; staff who see everything see all."""
    if _sees_everything(viewer):
        return Membership.objects.all()
    if viewer.user is None:
        return Membership.objects.none()
    condition = Q(user=viewer.user, is_active=True) | _assigned(viewer, "organization__")
    if viewer.organization is not None:
        condition |= Q(organization__path__startswith=viewer.organization.path)
    return Membership.objects.filter(condition)


def visible_users(viewer: Viewer) -> QuerySet[User]:
    """The viewer, the members of the memberships it may see, and for staff the other
    staff."""
    if _sees_everything(viewer):
        return User.objects.all()
    if viewer.user is None:
        return User.objects.none()
    condition = Q(pk=viewer.user.pk) | Q(pk__in=visible_memberships(viewer).values("user_id"))
    if viewer.is_staff:
        condition |= Q(is_staff=True)
    return User.objects.filter(condition)


@dataclass(frozen=True)
class PersonSummary:
    """What any viewer who may see a person's action (an audit event) learns about the
    person: the name. Nothing that reaches them (e-mail, phone) and nothing about their
    rights (staff status, permissions)."""

    full_name: str


def person_summaries(user_ids: Iterable[int]) -> dict[int, PersonSummary]:
    """``{user id: PersonSummary}`` for the users among ``user_ids``."""
    rows = User.objects.filter(pk__any=list(user_ids)).values_list(
        "pk", "first_name", "last_name")
    return {pk: PersonSummary(f"{first} {last}".strip()) for pk, first, last in rows}


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
