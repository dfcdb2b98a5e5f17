"""Who may see partner applications and sub-dealers: the only place that decides.

- Partner applications (and their events) are seen by staff who manage organizations or
  see everything; nobody else, not even the applicant (the public form answers with a
  receipt only), so one company's application never reveals another's.
- A viewer's sub-dealers are the organizations buying directly from the active
  organization, among the organizations it may see (``visible_organizations``).
"""

from __future__ import annotations

from django.db.models import QuerySet

from backend.accounts.models import Organization
from backend.accounts.visibility import visible_organizations
from backend.core.permissions import Perm
from backend.core.viewer import Viewer

from .models import PartnerApplication, PartnerApplicationEvent


def reviews_applications(viewer: Viewer) -> bool:
    return viewer.has_perm(Perm.MANAGE_ORGANIZATIONS) or viewer.has_perm(Perm.VIEW_ALL)


def visible_partner_applications(viewer: Viewer) -> QuerySet[PartnerApplication]:
    if reviews_applications(viewer):
        return PartnerApplication.objects.all()
    return PartnerApplication.objects.none()


def visible_partner_application_events(viewer: Viewer) -> QuerySet[PartnerApplicationEvent]:
    if reviews_applications(viewer):
        return PartnerApplicationEvent.objects.all()
    return PartnerApplicationEvent.objects.none()


def visible_sub_dealers(viewer: Viewer) -> QuerySet[Organization]:
    """The active organization's direct buyers; none without an active organization."""
    if viewer.organization is None:
        return Organization.objects.none()
    return visible_organizations(viewer).filter(parent=viewer.organization)
