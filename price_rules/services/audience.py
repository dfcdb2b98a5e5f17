"""Audiences of promotions and volume discounts: organizations below the owner, the
owner's price groups, regions."""

from __future__ import annotations

from backend.accounts.models import Organization
from backend.core.errors import ErrorCollector

from ..models import PriceGroup
from .common import Code, is_below


def audience_errors(actor: Organization, organizations: list[Organization],
                    groups: list[PriceGroup], errors: ErrorCollector) -> None:
    outside = [o for o in organizations if not is_below(o, actor)]
    if outside:
        errors.add(Code.ASSIGNMENT_OUTSIDE_SUBTREE, "The audience may hold only "
                   f"organizations below yours: {', '.join(o.name for o in outside)}.",
                   "audience_organizations", organization_ids=[o.id for o in outside])
    foreign = [g for g in groups if g.owner_id != actor.id]
    if foreign:
        errors.add(Code.ASSIGNMENT_OUTSIDE_SUBTREE, "The audience may hold only your own "
                   "price groups.", "audience_price_groups",
                   price_group_ids=[g.id for g in foreign])
