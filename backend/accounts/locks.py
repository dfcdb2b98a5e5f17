"""Row locks of the accounts domain: the only place that takes them.

Each is taken inside the caller's transaction (a mutation's) and held until it ends.
"""

from __future__ import annotations

from .models import Organization


def lock_organization(organization_id: int) -> Organization:
    """``SELECT ... FOR UPDATE`` the organization's row. Every change that can take away
    an admin (a role change, a deactivation, a custom role losing MANAGE_MEMBERS) takes it
    first and counts the admins afterwards, so two admins demoting each other at the same
    moment run one after the other and the second sees that it would leave none."""
    return Organization.objects.select_for_update().only("pk").get(pk=organization_id)
