from backend.core.graphql.loaders import DataLoader

from ..models import CustomRole, Organization, User
from ..visibility import visible_organizations


class OrganizationByIdLoader(DataLoader):
    """Organizations by id, for rows already known to be visible (memberships)."""

    def batch_load(self, keys):
        rows = Organization.objects.in_bulk(keys)
        return [rows.get(key) for key in keys]


class VisibleOrganizationByIdLoader(DataLoader):
    """Organizations by id, ``None`` for those the viewer may not see."""

    def batch_load(self, keys):
        rows = visible_organizations(self.context.viewer).in_bulk(keys)
        return [rows.get(key) for key in keys]


class UserByIdLoader(DataLoader):
    """Users by id, for rows already known to be visible (members)."""

    def batch_load(self, keys):
        rows = User.objects.in_bulk(keys)
        return [rows.get(key) for key in keys]


class CustomRoleByIdLoader(DataLoader):
    def batch_load(self, keys):
        rows = CustomRole.objects.in_bulk(keys)
        return [rows.get(key) for key in keys]
