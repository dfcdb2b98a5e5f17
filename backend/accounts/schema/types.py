"""Account types: users, organizations, memberships, invitations, custom roles, the audit
trail."""

from __future__ import annotations

import graphene
from django.utils import timezone

from backend.core.graphql.errors import graphql_enum
from backend.core.graphql.types import ModelObjectType
from backend.core.permissions import OrgPerm

from .. import audit
from ..models import (
    AuditEvent,
    CustomRole,
    Invitation,
    InvitationStatus,
    Membership,
    Organization,
    OrganizationKind,
    OrganizationStatus,
    Role,
    User,
)
from ..visibility import (
    visible_custom_roles,
    visible_invitations,
    visible_memberships,
    visible_organizations,
    visible_users,
)
from .audit import AuditChangeType, resolve_change_list, resolve_target_name
from .loaders import (
    ActiveMemberCountByRoleIdLoader,
    CustomRoleByIdLoader,
    OrganizationByIdLoader,
    PermissionsByCustomRoleIdLoader,
    PersonSummaryByUserIdLoader,
    SoleAdminByOrganizationIdLoader,
    UserByIdLoader,
)

OrganizationKindEnum = graphene.Enum("OrganizationKind",
                                     [(k.value, k.value) for k in OrganizationKind])
OrganizationStatusEnum = graphene.Enum("OrganizationStatus",
                                       [(s.value, s.value) for s in OrganizationStatus])
RoleEnum = graphene.Enum("Role", [(r.value, r.value) for r in Role])


class OrganizationType(ModelObjectType):
    kind = graphene.Field(OrganizationKindEnum, required=True)
    status = graphene.Field(OrganizationStatusEnum, required=True)
    level = graphene.Int(required=True, description="0 for the manufacturer.")
    parent = graphene.Field(lambda: OrganizationType,
                            description="The supplier, when the viewer may see it.")

    class Meta:
        model = Organization
        name = "Organization"
        visible = visible_organizations
        fields = ("id", "name", "legal_name", "inn", "kpp", "address", "country", "region",
                  "currency", "created_at")

    @staticmethod
    def resolve_level(root: Organization, info):
        return root.depth

    @staticmethod
    def resolve_parent(root: Organization, info):
        return OrganizationByIdLoader(info.context).load(root.parent_id)


class MembershipType(ModelObjectType):
    role = graphene.Field(RoleEnum, required=True)
    organization = graphene.Field(OrganizationType, required=True)
    user = graphene.Field(lambda: UserType, required=True)
    custom_role = graphene.Field(lambda: CustomRoleType)
    permissions = graphene.List(graphene.NonNull(graphene.String), required=True,
                                description="What the member may do in the organization.")
    spending_limit = graphene.Decimal(description="Per order; null: no limit.")
    is_last_admin = graphene.Boolean(required=True, description=(
        "The organization's only active member who may manage members: it can neither be "
        "deactivated nor lose that permission (LAST_ADMIN)."))

    class Meta:
        model = Membership
        name = "Membership"
        visible = visible_memberships
        fields = ("id", "is_active", "created_at", "deactivated_at")

    @staticmethod
    def resolve_user(root: Membership, info):
        return UserByIdLoader(info.context).load(root.user_id)

    @staticmethod
    def resolve_custom_role(root: Membership, info):
        return CustomRoleByIdLoader(info.context).load(root.custom_role_id)

    @staticmethod
    def resolve_permissions(root: Membership, info):
        if root.custom_role_id is None:
            return sorted(root.permissions())
        return PermissionsByCustomRoleIdLoader(info.context).load_then(
            root.custom_role_id, lambda codes: sorted(root.permissions_given(codes)))

    @staticmethod
    def resolve_organization(root: Membership, info):
        return OrganizationByIdLoader(info.context).load(root.organization_id)

    @staticmethod
    def resolve_is_last_admin(root: Membership, info):
        return SoleAdminByOrganizationIdLoader(info.context).load_then(
            root.organization_id, lambda pk: pk == root.pk)


class UserType(ModelObjectType):
    full_name = graphene.String(required=True)
    staff_permissions = graphene.List(graphene.NonNull(graphene.String), required=True)

    class Meta:
        model = User
        name = "User"
        visible = visible_users
        fields = ("id", "email", "first_name", "last_name", "phone", "language", "is_staff",
                  "is_active", "date_joined")

    @staticmethod
    def resolve_full_name(root: User, info):
        return root.full_name

    @staticmethod
    def resolve_staff_permissions(root: User, info):
        return sorted(p.value for p in root.granted_staff_permissions())


class Me(graphene.ObjectType):
    """The signed-in user and the context the request acts in."""

    user = graphene.Field(UserType, required=True)
    memberships = graphene.List(
        graphene.NonNull(MembershipType), required=True,
        description="Active memberships: the organizations to switch between.")
    active_organization = graphene.Field(
        OrganizationType, description="From the X-Organization header, or the only membership.")
    role = graphene.Field(RoleEnum, description="The role in the active organization.")


OrgPermissionEnum = graphql_enum(OrgPerm)
InvitationStatusEnum = graphene.Enum("InvitationStatus",
                                     [(s.value, s.value) for s in InvitationStatus])


class PermissionInfo(graphene.ObjectType):
    code = graphene.Field(OrgPermissionEnum, required=True)
    description = graphene.String(required=True)


class PersonSummaryType(graphene.ObjectType):
    """Someone who acted on what the viewer sees, possibly outside the people it may see
    (its supplier's admins, the manufacturer's staff): a name only."""

    full_name = graphene.String(required=True, description="Empty when none was given.")

    class Meta:
        name = "PersonSummary"


class CustomRoleType(ModelObjectType):
    """Defined here; MembershipType.customRole refers to it by name."""

    permissions = graphene.List(graphene.NonNull(OrgPermissionEnum), required=True)
    member_count = graphene.Int(required=True)

    class Meta:
        model = CustomRole
        name = "CustomRole"
        visible = visible_custom_roles
        fields = ("id", "name", "created_at")

    @staticmethod
    def resolve_member_count(root: CustomRole, info):
        return ActiveMemberCountByRoleIdLoader(info.context).load(root.pk)


class InvitationType(ModelObjectType):
    role = graphene.Field(RoleEnum, required=True)
    custom_role = graphene.Field(CustomRoleType)
    status = graphene.Field(InvitationStatusEnum, required=True)
    organization = graphene.Field(OrganizationType, required=True)

    class Meta:
        model = Invitation
        name = "Invitation"
        visible = visible_invitations
        fields = ("id", "email", "spending_limit", "created_at", "expires_at", "accepted_at")

    @staticmethod
    def resolve_custom_role(root: Invitation, info):
        return CustomRoleByIdLoader(info.context).load(root.custom_role_id)

    @staticmethod
    def resolve_organization(root: Invitation, info):
        return OrganizationByIdLoader(info.context).load(root.organization_id)

    @staticmethod
    def resolve_status(root: Invitation, info):
        return str(root.status_at(timezone.now()).value)


class AuditEventType(ModelObjectType):
    actor = graphene.Field(UserType, description=(
        "Who made the change, when the viewer may see that person; see actorSummary."))
    actor_summary = graphene.Field(PersonSummaryType, description=(
        "Who made the change, for every viewer of the event (also the supplier's admins "
        "and the manufacturer's staff): the name only. Null for a change by the system."))
    organization = graphene.Field(OrganizationType)
    changes = graphene.JSONString(required=True)
    change_list = graphene.List(graphene.NonNull(AuditChangeType), required=True,
                                description="The changes, with names for ids (see "
                                            "AuditValue.hidden).")
    target_name = graphene.String(description=(
        "The changed member's, role's or organization's name, when the viewer may see it."))

    class Meta:
        model = AuditEvent
        name = "AuditEvent"
        visible = audit.visible_audit_events
        fields = ("id", "action", "target_type", "target_id", "created_at")

    @staticmethod
    def resolve_actor(root: AuditEvent, info):
        return UserByIdLoader(info.context).load(root.actor_id)

    @staticmethod
    def resolve_actor_summary(root: AuditEvent, info):
        return PersonSummaryByUserIdLoader(info.context).load(root.actor_id)

    @staticmethod
    def resolve_organization(root: AuditEvent, info):
        return OrganizationByIdLoader(info.context).load(root.organization_id)

    resolve_change_list = staticmethod(resolve_change_list)
    resolve_target_name = staticmethod(resolve_target_name)
