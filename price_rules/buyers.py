"""Whose prices a viewer sees."""

from __future__ import annotations

from backend.accounts.models import Organization


def viewer_buyer(viewer) -> Organization | None:
    """The organization whose prices the viewer sees: its active organization as a buyer
    from its seller (its parent). None for anonymous visitors, a viewer without an active
    organization, and one whose organization buys from nobody (the manufacturer's staff)."""
    if not viewer.is_authenticated:
        return None
    organization = viewer.organization
    if organization is None or organization.parent_id is None:
        return None
    return organization
