"""Who a list applies to: one organization below its owner, one of the owner's price
groups, a region, or every buyer of the owner (the owner's default). Exactly one."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorCollector

from ..models import PriceGroup, PriceList, PriceListAssignment
from .common import Code, is_below, refuse_unless_owner


@dataclass(kw_only=True)
class AssignmentData:
    organization: Organization | None = None
    price_group: PriceGroup | None = None
    region: str = ""
    owner_default: bool = False


def _errors(actor: Organization, data: AssignmentData) -> ErrorCollector:
    errors = ErrorCollector()
    region = data.region.strip()
    chosen = [data.organization is not None, data.price_group is not None, bool(region),
              data.owner_default]
    if sum(chosen) != 1:
        errors.add(Code.ASSIGNMENT_TARGET, "Assign the list to exactly one of: an "
                   "organization, a price group, a region, or as your default.", "target")
    if data.organization is not None and not is_below(data.organization, actor):
        errors.add(Code.ASSIGNMENT_OUTSIDE_SUBTREE, "A list can be assigned only to "
                   "organizations below yours.", "organization",
                   organization_id=data.organization.id)
    if data.price_group is not None and data.price_group.owner_id != actor.id:
        errors.add(Code.ASSIGNMENT_OUTSIDE_SUBTREE, "A list can be assigned only to your "
                   "own price groups.", "price_group", price_group_id=data.price_group.id)
    return errors


def assign_price_list(actor: Organization, price_list: PriceList,
                      data: AssignmentData) -> PriceListAssignment:
    refuse_unless_owner(actor, price_list, price_list.owner_id)
    _errors(actor, data).raise_if_any()
    try:
        with transaction.atomic():
            return PriceListAssignment.objects.create(
                price_list=price_list, organization=data.organization,
                price_group=data.price_group, region=data.region.strip(),
                is_owner_default=data.owner_default)
    except IntegrityError:  # the same target twice (also when two requests race)
        raise DomainValidationError.single(
            Code.UNIQUE, "The list is already assigned to this target.", "target") from None


@transaction.atomic
def unassign_price_list(actor: Organization, assignment: PriceListAssignment) -> None:
    refuse_unless_owner(actor, assignment, assignment.price_list.owner_id)
    assignment.delete()
