"""For whom a viewer manages sellers' rules (prices, stock): one answer for every app.

A partner member manages its own organization's (the caller worked out which, from its
role's permission); staff with the app's staff permission manage the manufacturer's, the
root of the active organization's tree or, with no organization active, the first
manufacturer.
"""

from __future__ import annotations

from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.permissions import Perm
from backend.core.tree_paths import ancestor_ids
from backend.core.viewer import Viewer

from .models import Organization, OrganizationKind


def acting_seller(viewer: Viewer, partner_id: int | None, staff_perm: Perm,
                  refusal: str) -> Organization:
    """The organization the viewer acts for, or PERMISSION_DENIED with ``refusal``."""
    if partner_id is not None:
        return Organization.objects.get(pk=partner_id)
    if viewer.has_perm(staff_perm):
        active = viewer.organization
        if active is not None:
            above = ancestor_ids(active.path)
            return Organization.objects.get(pk=above[0] if above else active.pk)
        manufacturer = (Organization.objects.filter(parent=None,
                                                    kind=OrganizationKind.MANUFACTURER)
                        .order_by("pk").first())
        if manufacturer is not None:
            return manufacturer
    raise DomainValidationError.single(CoreErrorCode.PERMISSION_DENIED, refusal)
