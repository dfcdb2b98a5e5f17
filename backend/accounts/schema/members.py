"""Members, invitations, custom roles and the audit trail."""

from __future__ import annotations

import graphene
from django.db.models import Q
from django.utils import timezone

from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.errors import graphql_enum
from backend.core.graphql.ids import decode_query_id
from backend.core.graphql.mutations import plain_values
from backend.core.graphql.types import ModelObjectType
from backend.core.permissions import ORG_PERM_LABELS, OrgPerm

from .. import audit
from ..models import AuditEvent, CustomRole, Invitation, InvitationStatus
from ..visibility import visible_custom_roles, visible_invitations
from .loaders import (
    ActiveMemberCountByRoleIdLoader,
    CustomRoleByIdLoader,
    OrganizationByIdLoader,
    PersonSummaryByUserIdLoader,
    UserByIdLoader,
)
from .types import MembershipType, OrganizationType, RoleEnum, UserType

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
        if root.custom_role_id is None:
            return None
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

    class Meta:
        model = AuditEvent
        name = "AuditEvent"
        visible = audit.visible_audit_events
        fields = ("id", "action", "target_type", "target_id", "created_at")

    @staticmethod
    def resolve_actor(root: AuditEvent, info):
        if root.actor_id is None:
            return None
        return UserByIdLoader(info.context).load(root.actor_id)

    @staticmethod
    def resolve_actor_summary(root: AuditEvent, info):
        if root.actor_id is None:
            return None
        return PersonSummaryByUserIdLoader(info.context).load(root.actor_id)

    @staticmethod
    def resolve_organization(root: AuditEvent, info):
        return OrganizationByIdLoader(info.context).load(root.organization_id)


class MemberFilterInput(graphene.InputObjectType):
    organization = graphene.ID(description="Default: the active organization.")
    search = graphene.String(description="Part of the e-mail or name.")
    role = graphene.Field(RoleEnum)
    is_active = graphene.Boolean()


class MemberQueries(graphene.ObjectType):
    members = graphene.ConnectionField(
        MembershipType._meta.connection, required=True, filter=MemberFilterInput(),
        description="Members of an organization the viewer may see (its own, or a "
                    "sub-dealer's).")
    invitations = graphene.ConnectionField(
        InvitationType._meta.connection, required=True,
        status=graphene.Argument(InvitationStatusEnum),
        organization=graphene.ID(description="A sub-dealer's (for those who manage "
                                             "sub-dealers); default: the active one."),
        description="Invitations of the active organization (for its admins).")
    custom_roles = graphene.ConnectionField(CustomRoleType._meta.connection, required=True)
    permissions = graphene.List(graphene.NonNull(PermissionInfo), required=True,
                                description="Permissions custom roles are built from.")
    audit_events = graphene.ConnectionField(
        AuditEventType._meta.connection, required=True, organization=graphene.ID(),
        description="Changes to members, roles and organizations, newest first.")

    @staticmethod
    def resolve_members(root, info, filter=None, **args):
        filter = plain_values(filter or {})
        queryset = MembershipType.visible_queryset(info).select_related("user", "custom_role")
        viewer = info.context.viewer
        if filter.get("organization"):
            queryset = queryset.filter(organization_id=decode_query_id(
                filter["organization"], "Organization", "filter.organization"))
        elif viewer.organization is not None:
            queryset = queryset.filter(organization=viewer.organization)
        if filter.get("search"):
            text = filter["search"].strip()
            queryset = queryset.filter(Q(user__email__icontains=text)
                                       | Q(user__first_name__icontains=text)
                                       | Q(user__last_name__icontains=text))
        if filter.get("role"):
            queryset = queryset.filter(role=filter["role"])
        if filter.get("is_active") is not None:
            queryset = queryset.filter(is_active=filter["is_active"])
        return resolve_connection(queryset.order_by("organization__path", "user__email", "pk"),
                                  args, MembershipType._meta.connection, info=info)

    @staticmethod
    def resolve_invitations(root, info, status=None, organization=None, **args):
        queryset = InvitationType.visible_queryset(info).order_by("-created_at", "-pk")
        if organization:
            queryset = queryset.filter(organization_id=decode_query_id(
                organization, "Organization", "organization"))
        elif info.context.viewer.organization is not None:
            queryset = queryset.filter(organization=info.context.viewer.organization)
        status = plain_values(status)
        now = timezone.now()
        if status == InvitationStatus.ACCEPTED:
            queryset = queryset.filter(accepted_at__isnull=False)
        elif status == InvitationStatus.REVOKED:
            queryset = queryset.filter(accepted_at=None, revoked_at__isnull=False)
        elif status == InvitationStatus.EXPIRED:
            queryset = queryset.filter(accepted_at=None, revoked_at=None, expires_at__lte=now)
        elif status == InvitationStatus.PENDING:
            queryset = queryset.filter(accepted_at=None, revoked_at=None, expires_at__gt=now)
        return resolve_connection(queryset, args, InvitationType._meta.connection,
                                  info=info)

    @staticmethod
    def resolve_custom_roles(root, info, **args):
        return resolve_connection(CustomRoleType.visible_queryset(info).order_by("name", "pk"),
                                  args, CustomRoleType._meta.connection, info=info)

    @staticmethod
    def resolve_permissions(root, info):
        return [PermissionInfo(code=p, description=ORG_PERM_LABELS[p]) for p in OrgPerm]

    @staticmethod
    def resolve_audit_events(root, info, organization=None, **args):
        queryset = AuditEventType.visible_queryset(info)
        if organization:
            queryset = queryset.filter(organization_id=decode_query_id(
                organization, "Organization", "organization"))
        return resolve_connection(queryset.order_by("-created_at", "-pk"), args,
                                  AuditEventType._meta.connection, info=info)
