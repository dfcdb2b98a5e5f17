from django.db.models import Count

from backend.core.graphql.loaders import ByIdLoader, DataLoader

from ..models import AuditEvent, CustomRole, Invitation, Membership, Organization, User
from ..visibility import visible_organizations


class OrganizationByIdLoader(ByIdLoader):
    """Organizations by id, for rows already known to be visible (memberships)."""

    siblings = ((Membership, "organization_id"),)
    model = Organization


class VisibleOrganizationByIdLoader(ByIdLoader):
    """Organizations by id, ``None`` for those the viewer may not see."""

    siblings = ((Organization, "parent_id"), (Membership, "organization_id"),
                (Invitation, "organization_id"), (AuditEvent, "organization_id"))

    def queryset(self):
        return visible_organizations(self.context.viewer)


class UserByIdLoader(ByIdLoader):
    """Users by id, for rows already known to be visible (members)."""

    siblings = ((Membership, "user_id"),)
    model = User


class CustomRoleByIdLoader(ByIdLoader):
    siblings = ((Membership, "custom_role_id"),)
    model = CustomRole


class ActiveMemberCountByRoleIdLoader(DataLoader):
    """How many active members each custom role has: one grouped count for the page."""

    siblings = ((CustomRole, "pk"),)

    def batch_load(self, keys):
        counts = dict(Membership.objects.filter(custom_role_id__any=keys, is_active=True)
                      .order_by().values("custom_role_id").annotate(n=Count("pk"))
                      .values_list("custom_role_id", "n"))
        return [counts.get(key, 0) for key in keys]
