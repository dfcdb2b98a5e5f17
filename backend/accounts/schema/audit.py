"""The audit trail's changes and targets with names in place of ids, for people to read.

An event stores what changed as JSON; some values are ids (a member's custom role). Here
they become names through by-id loaders, so one page costs one query per kind of
reference, and a reference the viewer may not see (a sub-dealer's custom role) stays
hidden: ``hidden`` says a value exists, never what it is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene

from backend.core.graphql.loaders import DataLoader, visible_rows_by_pk

from ..models import AuditEvent, CustomRole, Organization
from ..visibility import visible_memberships

# Changed fields whose values are ids of custom roles.
REFERENCES = frozenset({"custom_role"})


class AuditValueType(graphene.ObjectType):
    text = graphene.String(required=True, description=(
        "The value as written (a code such as a role stays a code), or the name of the row "
        "an id refers to. Empty when hidden."))
    hidden = graphene.Boolean(required=True, description=(
        "An id of a row the viewer may not see (or that no longer exists)."))

    class Meta:
        name = "AuditValue"


class AuditChangeType(graphene.ObjectType):
    field = graphene.String(required=True, description="e.g. role, custom_role, name.")
    before = graphene.List(graphene.NonNull(AuditValueType), description=(
        "The values before; null when the event records one state, not a change."))
    after = graphene.List(graphene.NonNull(AuditValueType), required=True, description=(
        "The values after (or the recorded state); empty for none."))

    class Meta:
        name = "AuditChange"


@dataclass(frozen=True)
class EventNames:
    """What one event's ids are called, among the rows the viewer may see."""

    target: str | None
    custom_roles: dict[int, str]


class NamesByEventIdLoader(DataLoader):
    """``EventNames`` of each event of the page at once: the events' references are read
    again (one query), then each kind of row is named through its visibility (one query
    per kind), whatever the number of events."""

    siblings = ((AuditEvent, "pk"),)

    def batch_load(self, keys):
        viewer = self.context.viewer
        events = {pk: (target_type, target_id, changes) for pk, target_type, target_id, changes
                  in AuditEvent.objects.filter(pk__any=keys).values_list(
                      "pk", "target_type", "target_id", "changes")}
        wanted: dict[str, set[int]] = {"Membership": set(), "CustomRole": set(),
                                       "Organization": set()}
        for target_type, target_id, changes in events.values():
            if target_type in wanted and target_id is not None:
                wanted[target_type].add(target_id)
            wanted["CustomRole"].update(_role_ids(changes))
        members = {pk: (f"{first} {last}".strip() or email) for pk, first, last, email in
                   visible_memberships(viewer).filter(pk__any=list(wanted["Membership"]))
                   .values_list("pk", "user__first_name", "user__last_name", "user__email")}
        names = {
            "Membership": members,
            "CustomRole": {pk: role.name for pk, role in visible_rows_by_pk(
                CustomRole, viewer, list(wanted["CustomRole"])).items()},
            "Organization": {pk: org.name for pk, org in visible_rows_by_pk(
                Organization, viewer, list(wanted["Organization"])).items()},
        }
        result = []
        for key in keys:
            target_type, target_id, changes = events.get(key, ("", None, {}))
            result.append(EventNames(
                target=names.get(target_type, {}).get(target_id),
                custom_roles={pk: names["CustomRole"][pk] for pk in _role_ids(changes)
                              if pk in names["CustomRole"]}))
        return result


def _role_ids(changes: Any) -> set[int]:
    if not isinstance(changes, dict):
        return set()
    return {v for field, before, after in _pairs(changes) if field in REFERENCES
            for v in (before or []) + after if isinstance(v, int)}


def _pairs(changes: dict[str, Any]) -> list[tuple[str, list | None, list]]:
    """``(field, before, after)`` of each stored change; a list of two values is a change
    (except a list of permissions, which is one state)."""
    result = []
    for field, value in changes.items():
        if isinstance(value, list) and len(value) == 2 and "permission" not in field:
            result.append((field, _values(value[0]), _values(value[1])))
        else:
            result.append((field, None, _values(value)))
    return result


def _values(value: Any) -> list:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]


def change_list(changes: Any, names: EventNames) -> list[AuditChangeType]:
    def value(field: str, raw: Any) -> AuditValueType:
        if field not in REFERENCES:
            return AuditValueType(text=str(raw), hidden=False)
        name = names.custom_roles.get(raw)
        return AuditValueType(text=name or "", hidden=name is None)

    return [AuditChangeType(
        field=field, before=None if before is None else [value(field, v) for v in before],
        after=[value(field, v) for v in after])
        for field, before, after in _pairs(changes if isinstance(changes, dict) else {})]


def resolve_change_list(root: AuditEvent, info):
    return NamesByEventIdLoader(info.context).load_then(
        root.pk, lambda names: change_list(root.changes, names or EventNames(None, {})))


def resolve_target_name(root: AuditEvent, info):
    """The changed row's name, when the viewer may see the row."""
    return NamesByEventIdLoader(info.context).load_then(
        root.pk, lambda names: names.target if names else None)
