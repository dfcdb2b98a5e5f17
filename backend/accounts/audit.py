"""The audit trail of memberships, roles and organizations."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from backend.core.permissions import OrgPerm, Perm
from backend.core.viewer import Viewer

from .models import AuditEvent, Organization, User


def record(organization: Organization, actor: User | None, action: str, target,
           **changes: Any) -> AuditEvent:
    """Append one event: ``action`` (e.g. ``membership.role_changed``) on ``target``."""
    return AuditEvent.objects.create(
        organization=organization, actor=actor, action=action,
        target_type=type(target).__name__, target_id=getattr(target, "pk", None),
        changes={k: _plain(v) for k, v in changes.items()},
    )


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def visible_audit_events(viewer: Viewer) -> QuerySet[AuditEvent]:
    """Staff who see everything see all events; an organization's admins (VIEW_AUDIT) see
    their organization's and its sub-dealers' events."""
    if viewer.has_perm(Perm.VIEW_ALL):
        return AuditEvent.objects.all()
    org = viewer.organization
    if org is None or not viewer.can(OrgPerm.VIEW_AUDIT):
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(organization__path__startswith=org.path)
