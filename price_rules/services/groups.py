"""Price groups ("Gold dealers"): named sets of organizations below their owner."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from backend.accounts.models import Organization
from backend.core.errors import ErrorCollector
from backend.core.text import normalize_name

from ..models import PriceGroup, PriceGroupMember
from .common import Code, is_below, refuse_unless_owner

MAX_NAME_LENGTH = 120


@dataclass(kw_only=True)
class PriceGroupData:
    """``name`` None keeps the name; members are added and removed by organization."""

    name: str | None = None
    add_members: list[Organization] = field(default_factory=list)
    remove_members: list[Organization] = field(default_factory=list)


def _errors(actor: Organization, group: PriceGroup, data: PriceGroupData) -> ErrorCollector:
    errors = ErrorCollector()
    if (group.pk is None and not data.name) or (data.name is not None
                                                and not data.name.strip()):
        errors.add(Code.REQUIRED, "Enter a name.", "name")
    errors.check_name(data.name, "name", MAX_NAME_LENGTH)
    if data.name and data.name.strip() and not errors.errors:
        taken = PriceGroup.objects.filter(owner=actor, name=normalize_name(data.name))
        if taken.exclude(pk=group.pk).exists():
            errors.add(Code.UNIQUE, "You already have a price group with this name.", "name")
    outside = [o for o in data.add_members if not is_below(o, actor)]
    if outside:
        errors.add(Code.MEMBER_OUTSIDE_SUBTREE,
                   "Only organizations below yours can be in your price group: "
                   f"{', '.join(o.name for o in outside)}.", "add_members",
                   organization_ids=[o.id for o in outside])
    return errors


@transaction.atomic
def save_price_group(actor: Organization, group: PriceGroup | None,
                     data: PriceGroupData) -> PriceGroup:
    """Create (``group`` None) or change a group of ``actor``: rename, add and remove
    members, all or nothing."""
    group = group or PriceGroup(owner=actor)
    if group.pk is not None:
        refuse_unless_owner(actor, group, group.owner_id, "price group")
    errors = _errors(actor, group, data)
    errors.raise_if_any()
    if data.name is not None:
        group.name = normalize_name(data.name)
    group.save()
    removed = {o.id for o in data.remove_members}
    PriceGroupMember.objects.filter(group=group, organization_id__in=removed).delete()
    PriceGroupMember.objects.bulk_create(
        [PriceGroupMember(group=group, organization=o) for o in data.add_members
         if o.id not in removed], ignore_conflicts=True)
    return group


@transaction.atomic
def delete_price_group(actor: Organization, group: PriceGroup) -> None:
    refuse_unless_owner(actor, group, group.owner_id, "price group")
    group.delete()

