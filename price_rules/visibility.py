"""Which price rules a viewer may see: the only place that decides.

A sub-dealer must never learn what its dealer pays (the dealer's margin), so the rules
are narrow on purpose:

- Staff with MANAGE_PRICES or VIEW_ALL see every row.
- A member with the organization permission MANAGE_PRICES of a partner organization (one
  that buys from a seller: not the manufacturer at the root, whose rows are reached only
  through the staff permissions) sees the rows its organization OWNS: its resale lists
  with their entries and assignments, its price groups, its markup, promotions, volume
  discounts and recompute jobs.
- MAP floors: staff as above, and such a member when its organization has organizations
  below it (the floors its resale lists and promotions must respect).
- Promotions, besides: every member of an organization sees the promotions of its own
  seller (the parent) that run today and whose audience includes the organization, so a
  promotion applied to the viewer's price opens with ``node(id:)``. Never a promotion the
  seller received from above.
- Nobody sees a list, entry, assignment or group of another organization, not even the
  seller's lists that price the viewer: its own prices reach it only resolved (the
  catalog's price fields, the "download my price list" export).

Nested fields load rows through the same functions, so what a nested field returns is
what ``node(id:)`` returns.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from backend.accounts.models import Organization
from backend.core.permissions import OrgPerm, Perm
from backend.core.tree_paths import ancestor_ids
from backend.core.viewer import Viewer

from .models import (
    MapFloor,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    RecomputeJob,
    ResaleMarkup,
    VolumeDiscount,
)


def sees_all_prices(viewer: Viewer) -> bool:
    return viewer.has_perm(Perm.MANAGE_PRICES) or viewer.has_perm(Perm.VIEW_ALL)


def managing_organization_id(viewer: Viewer) -> int | None:
    """The partner organization whose own price rules the viewer manages: the active one,
    when the viewer's role there holds MANAGE_PRICES and it is not the root manufacturer
    (whose rules only staff permissions reach)."""
    organization = viewer.organization
    if organization is None or not viewer.can(OrgPerm.MANAGE_PRICES):
        return None
    if not ancestor_ids(organization.path):
        return None
    return int(organization.pk)


def _owned(viewer: Viewer, model, owner_field: str = "owner_id") -> QuerySet:
    if sees_all_prices(viewer):
        return model.objects.all()
    owner_id = managing_organization_id(viewer)
    if owner_id is None:
        return model.objects.none()
    return model.objects.filter(**{owner_field: owner_id})


def visible_price_lists(viewer: Viewer) -> QuerySet[PriceList]:
    return _owned(viewer, PriceList)


def visible_price_list_entries(viewer: Viewer) -> QuerySet[PriceListEntry]:
    return _owned(viewer, PriceListEntry, "price_list__owner_id")


def visible_price_list_assignments(viewer: Viewer) -> QuerySet[PriceListAssignment]:
    return _owned(viewer, PriceListAssignment, "price_list__owner_id")


def visible_price_groups(viewer: Viewer) -> QuerySet[PriceGroup]:
    return _owned(viewer, PriceGroup)


def visible_price_group_members(viewer: Viewer) -> QuerySet[PriceGroupMember]:
    return _owned(viewer, PriceGroupMember, "group__owner_id")


def visible_resale_markups(viewer: Viewer) -> QuerySet[ResaleMarkup]:
    return _owned(viewer, ResaleMarkup, "organization_id")


def visible_volume_discounts(viewer: Viewer) -> QuerySet[VolumeDiscount]:
    return _owned(viewer, VolumeDiscount)


def visible_recompute_jobs(viewer: Viewer) -> QuerySet[RecomputeJob]:
    return _owned(viewer, RecomputeJob, "price_list__owner_id")


def visible_map_floors(viewer: Viewer) -> QuerySet[MapFloor]:
    """Staff as above; a partner managing prices for organizations below it sees the
    floors of the manufacturer at the root of its tree."""
    if sees_all_prices(viewer):
        return MapFloor.objects.all()
    organization_id = managing_organization_id(viewer)
    if organization_id is None or viewer.organization is None:
        return MapFloor.objects.none()
    root_id = ancestor_ids(viewer.organization.path)[0]
    has_buyers = Exists(Organization.objects.filter(parent_id=organization_id))
    return MapFloor.objects.filter(has_buyers, owner_id=root_id)


def _reaching(organization_id: int, region: str) -> Q:
    """Promotions whose audience includes the organization (no audience: every buyer)."""
    links = Promotion.audience_organizations.through.objects
    groups = Promotion.audience_price_groups.through.objects
    nobody_named = (Q(audience_regions=[])
                    & ~Exists(links.filter(promotion_id=OuterRef("pk")))
                    & ~Exists(groups.filter(promotion_id=OuterRef("pk"))))
    named = Exists(links.filter(promotion_id=OuterRef("pk"), organization_id=organization_id))
    in_group = Exists(groups.filter(
        promotion_id=OuterRef("pk"),
        pricegroup__memberships__organization_id=organization_id))
    reaching = nobody_named | named | in_group
    if region:
        reaching |= Q(audience_regions__contains=[region])
    return reaching


def visible_promotions(viewer: Viewer) -> QuerySet[Promotion]:
    if sees_all_prices(viewer):
        return Promotion.objects.all()
    condition = Q(pk__in=[])
    owner_id = managing_organization_id(viewer)
    if owner_id is not None:
        condition |= Q(owner_id=owner_id)
    organization = viewer.organization
    seller_ids = ancestor_ids(organization.path)[-1:] if organization is not None else []
    if organization is not None and seller_ids:
        today = timezone.localdate()
        # The viewer's own row (the accounts viewer loads the model; the core's protocol
        # names only pk and path).
        region = getattr(organization, "region", "") or ""
        condition |= (Q(owner_id=seller_ids[0], starts__lte=today, ends__gte=today)
                      & _reaching(int(organization.pk), region))
    return Promotion.objects.filter(condition)
