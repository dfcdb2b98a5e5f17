"""Who may see announcements and who publishes: the only place that decides.

- A partner (a member of organization O) receives the announcements published (publish_at
  reached) by O's ancestors, its seller chain up to the manufacturer, whose audience holds
  O: everyone below the author, or O is in one of the chosen price groups, or O's region is
  one of the chosen regions. So the manufacturer's "everyone below" reaches dealers *and*
  sub-dealers, while an announcement the manufacturer sent to a price group of dealers
  never reaches those dealers' sub-dealers (they are not in the group).
- The publisher of an organization (see ``publishing_organization``) sees all of that
  organization's announcements, drafts and scheduled ones included.
- Staff with VIEW_ALL see every announcement.
- Read marks: each user sees only their own.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from backend.accounts.models import Organization, OrganizationKind
from backend.core.permissions import OrgPerm, Perm
from backend.core.tree_paths import ancestor_ids
from backend.core.viewer import Viewer
from price_rules.models import PriceGroupMember

from .models import Announcement, AnnouncementRead

# Staff who may publish the manufacturer's announcements: they describe the catalog (news,
# new products) and point at promotions without changing any price.
STAFF_PUBLISHER_PERM = Perm.MANAGE_CATALOG
# A dealer's members who may publish to its sub-dealers: those who manage the sub-dealers.
DEALER_PUBLISHER_PERM = OrgPerm.MANAGE_SUB_DEALERS
PUBLISHING_KINDS = frozenset({OrganizationKind.DEALER, OrganizationKind.DISTRIBUTOR})


def manufacturer() -> Organization | None:
    """The root of the network, on whose behalf staff publish."""
    return (Organization.objects.filter(parent__isnull=True, kind=OrganizationKind.MANUFACTURER)
            .order_by("pk").first())


def publishing_organization(viewer: Viewer) -> Organization | None:
    """The organization the viewer publishes for: its dealer (or distributor) when it may
    manage that organization's sub-dealers; else the manufacturer for staff with
    MANAGE_CATALOG; else none (the viewer may not publish)."""
    org = viewer.organization
    if (org is not None and getattr(org, "kind", None) in PUBLISHING_KINDS
            and viewer.can(DEALER_PUBLISHER_PERM)):
        return org  # type: ignore[return-value]
    if viewer.has_perm(STAFF_PUBLISHER_PERM):
        if org is not None and getattr(org, "kind", None) == OrganizationKind.MANUFACTURER:
            return org  # type: ignore[return-value]
        return manufacturer()
    return None


def _audience_holds(organization) -> Q:
    in_group = Exists(PriceGroupMember.objects.filter(
        organization_id=organization.pk,
        group__announcements=OuterRef("pk")))
    condition = Q(audience_everyone=True) | Q(in_group)
    if organization.region:
        condition |= Q(audience_regions__contains=[organization.region])
    return condition


def received_announcements(viewer: Viewer) -> QuerySet[Announcement]:
    """Published announcements of the active organization's ancestors whose audience holds
    it."""
    org = viewer.organization
    if org is None or not viewer.is_authenticated:
        return Announcement.objects.none()
    ancestors = ancestor_ids(org.path)
    if not ancestors:
        return Announcement.objects.none()
    return Announcement.objects.filter(
        Q(author_organization_id__in=ancestors, publish_at__lte=timezone.now())
        & _audience_holds(org))


def authored_announcements(viewer: Viewer) -> QuerySet[Announcement]:
    """Every announcement of the organization the viewer publishes for."""
    publisher = publishing_organization(viewer)
    if publisher is None:
        return Announcement.objects.none()
    return Announcement.objects.filter(author_organization_id=publisher.pk)


def visible_announcements(viewer: Viewer) -> QuerySet[Announcement]:
    if viewer.has_perm(Perm.VIEW_ALL):
        return Announcement.objects.all()
    if not viewer.is_authenticated:
        return Announcement.objects.none()
    received = received_announcements(viewer)
    publisher = publishing_organization(viewer)
    if publisher is None:
        return received
    return Announcement.objects.filter(
        Q(pk__in=received.values("pk")) | Q(author_organization_id=publisher.pk))


def visible_announcement_reads(viewer: Viewer) -> QuerySet[AnnouncementRead]:
    if viewer.user is None:
        return AnnouncementRead.objects.none()
    return AnnouncementRead.objects.filter(user_id=viewer.user.pk)
