from collections import defaultdict

from django.db.models import Count, Q

from backend.core.graphql.loaders import ByIdLoader, DataLoader
from backend.core.permissions import BUILTIN_ROLE_PERMS, OrgPerm

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


class SoleAdminByOrganizationIdLoader(DataLoader):
    """The membership id of each organization's only active admin (a member who may manage
    members, as ``services.members`` counts them), ``None`` where there are more (or
    none): the one who cannot be deactivated (``LAST_ADMIN``). One query for the page."""

    siblings = ((Membership, "organization_id"),)

    def batch_load(self, keys):
        admin_roles = [role for role, perms in BUILTIN_ROLE_PERMS.items()
                       if OrgPerm.MANAGE_MEMBERS in perms]
        admins = defaultdict(list)
        for organization_id, pk in (
                Membership.objects.filter(organization_id__any=keys, is_active=True)
                .filter(Q(custom_role__isnull=True, role__in=admin_roles)
                        | Q(custom_role__permissions__contains=[OrgPerm.MANAGE_MEMBERS.value]))
                .order_by().values_list("organization_id", "pk")):
            admins[organization_id].append(pk)
        return [admins[key][0] if len(admins[key]) == 1 else None for key in keys]
