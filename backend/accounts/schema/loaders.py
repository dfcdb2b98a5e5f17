from django.db.models import Count

from backend.core.graphql.loaders import DataLoader, model_rows_by_pk, rows_by_pk

from ..models import AuditEvent, CustomRole, Invitation, Membership, Organization, User
from ..visibility import visible_organizations


class OrganizationByIdLoader(DataLoader):
    """Organizations by id, for rows already known to be visible (memberships)."""

    siblings = ((Membership, "organization_id"),)

    def batch_load(self, keys):
        rows = model_rows_by_pk(Organization, keys)
        return [rows.get(key) for key in keys]


class VisibleOrganizationByIdLoader(DataLoader):
    """Organizations by id, ``None`` for those the viewer may not see."""

    siblings = ((Organization, "parent_id"), (Membership, "organization_id"),
                (Invitation, "organization_id"), (AuditEvent, "organization_id"))

    def batch_load(self, keys):
        rows = rows_by_pk(visible_organizations(self.context.viewer), keys)
        return [rows.get(key) for key in keys]


class UserByIdLoader(DataLoader):
    """Users by id, for rows already known to be visible (members)."""

    siblings = ((Membership, "user_id"),)

    def batch_load(self, keys):
        rows = model_rows_by_pk(User, keys)
        return [rows.get(key) for key in keys]


class CustomRoleByIdLoader(DataLoader):
    siblings = ((Membership, "custom_role_id"),)

    def batch_load(self, keys):
        rows = model_rows_by_pk(CustomRole, keys)
        return [rows.get(key) for key in keys]


class ActiveMemberCountByRoleIdLoader(DataLoader):
    """How many active members each custom role has: one grouped count for the page."""

    siblings = ((CustomRole, "pk"),)

    def batch_load(self, keys):
        counts = dict(Membership.objects.filter(custom_role_id__any=keys, is_active=True)
                      .order_by().values("custom_role_id").annotate(n=Count("pk"))
                      .values_list("custom_role_id", "n"))
        return [counts.get(key, 0) for key in keys]
