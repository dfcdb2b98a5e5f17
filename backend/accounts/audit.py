"""The audit trail of memberships, roles and organizations."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat, Lower, Replace
from django.utils import timezone

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


def filter_audit_events(queryset: QuerySet[AuditEvent],
                        filter: dict[str, Any]) -> QuerySet[AuditEvent]:
    """``queryset`` narrowed by person (part of the actor's name: what every viewer of an
    event sees, never the e-mail), action (``membership.updated``, or ``membership`` for
    all of its actions) and period (``since``..``until``, whole days of the portal's time
    zone)."""
    if person := (filter.get("person") or "").strip():
        queryset = queryset.alias(actor_name=Replace(
            Lower(Concat("actor__first_name", Value(" "), "actor__last_name")),
            Value("ё"), Value("е")))
        for word in person.lower().replace("ё", "е").split()[:5]:
            queryset = queryset.filter(actor_name__contains=word)
    if action := (filter.get("action") or "").strip():
        queryset = queryset.filter(Q(action=action) | Q(action__startswith=f"{action}.")
                                   if "." not in action else Q(action=action))
    zone = timezone.get_current_timezone()
    if since := filter.get("since"):
        queryset = queryset.filter(
            created_at__gte=datetime.combine(since, time.min, tzinfo=zone))
    if until := filter.get("until"):
        queryset = queryset.filter(
            created_at__lt=datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone))
    return queryset
