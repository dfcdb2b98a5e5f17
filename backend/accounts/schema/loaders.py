from django.db.models import Count

from backend.core.graphql.loaders import ByIdLoader, DataLoader

from ..models import AuditEvent, CustomRole, Invitation, Membership, Organization, User
from ..visibility import person_summaries


class OrganizationByIdLoader(ByIdLoader):
    """Organizations by id, ``None`` for those the viewer may not see."""

    siblings = ((Organization, "parent_id"), (Membership, "organization_id"),
                (Invitation, "organization_id"), (AuditEvent, "organization_id"))
    model = Organization


class UserByIdLoader(ByIdLoader):
    """Users by id, ``None`` for those the viewer may not see."""

    siblings = ((Membership, "user_id"), (AuditEvent, "actor_id"))
    model = User


class PersonSummaryByUserIdLoader(DataLoader):
    """What anyone may know of a person (``visibility.person_summaries``), by user id."""

    siblings = ((AuditEvent, "actor_id"),)

    def batch_load(self, keys):
        summaries = person_summaries(keys)
        return [summaries.get(key) for key in keys]


class CustomRoleByIdLoader(ByIdLoader):
    """Custom roles by id, ``None`` for those the viewer may not see (another
    organization's, such as a sub-dealer's)."""

    siblings = ((Membership, "custom_role_id"), (Invitation, "custom_role_id"))
    model = CustomRole


class PermissionsByCustomRoleIdLoader(DataLoader):
    """Each custom role's permission codes, for the permissions of the members who have
    it (a member's permissions are the member's, whoever may see the role itself)."""

    siblings = ((Membership, "custom_role_id"),)

    def batch_load(self, keys):
        permissions = dict(CustomRole.objects.filter(pk__any=keys)
                           .values_list("pk", "permissions"))
        return [permissions.get(key, []) for key in keys]


class ActiveMemberCountByRoleIdLoader(DataLoader):
    """How many active members each custom role has: one grouped count for the page."""

    siblings = ((CustomRole, "pk"),)

    def batch_load(self, keys):
        counts = dict(Membership.objects.filter(custom_role_id__any=keys, is_active=True)
                      .order_by().values("custom_role_id").annotate(n=Count("pk"))
                      .values_list("custom_role_id", "n"))
        return [counts.get(key, 0) for key in keys]
