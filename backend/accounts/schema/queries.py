"""Root fields of accounts: the viewer, organizations, members, invitations, custom roles
and the audit trail. Every list resolves through the visibility of its type."""

from __future__ import annotations

import graphene
from django.db.models import Q
from django.utils import timezone

from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.ids import decode_query_id
from backend.core.graphql.loaders import remember_rows
from backend.core.graphql.values import plain_values
from backend.core.permissions import ORG_PERM_LABELS, OrgPerm

from ..audit import filter_audit_events
from ..models import Invitation, OrganizationStatus
from .types import (
    AuditEventType,
    CustomRoleType,
    InvitationStatusEnum,
    InvitationType,
    Me,
    MembershipType,
    OrganizationKindEnum,
    OrganizationType,
    PermissionInfo,
    RoleEnum,
)


class OrganizationFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Part of the name, legal name or INN.")
    kind = graphene.Field(OrganizationKindEnum)
    region = graphene.String()


class AuditEventFilterInput(graphene.InputObjectType):
    person = graphene.String(description="Part of the name of who made the change (the "
                                         "name every viewer of the event sees).")
    action = graphene.String(description="One action, e.g. membership.updated, or a group: "
                                         "membership, role, invitation, organization.")
    since = graphene.Date(description="From this day (the portal's time zone).")
    until = graphene.Date(description="To this day, inclusive.")


class MemberFilterInput(graphene.InputObjectType):
    organization = graphene.ID(description="Default: the active organization.")
    search = graphene.String(description="Part of the e-mail or name.")
    role = graphene.Field(RoleEnum)
    is_active = graphene.Boolean()


class AccountQueries(graphene.ObjectType):
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
        filter=AuditEventFilterInput(),
        description="Changes to members, roles and organizations, newest first.")

    me = graphene.Field(Me, description="The signed-in user; null for anonymous requests.")
    organizations = graphene.ConnectionField(
        OrganizationType._meta.connection, required=True, filter=OrganizationFilterInput(),
        description="Organizations the viewer may see, in tree order.")
    organization = graphene.Field(OrganizationType, id=graphene.ID(required=True))

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
        if status:
            queryset = queryset.alias(
                current_status=Invitation.status_expression(timezone.now())
            ).filter(current_status=status)
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
    def resolve_audit_events(root, info, organization=None, filter=None, **args):
        queryset = AuditEventType.visible_queryset(info)
        if organization:
            queryset = queryset.filter(organization_id=decode_query_id(
                organization, "Organization", "organization"))
        queryset = filter_audit_events(queryset, plain_values(filter or {}))
        return resolve_connection(queryset.order_by("-created_at", "-pk"), args,
                                  AuditEventType._meta.connection, info=info)

    @staticmethod
    def resolve_me(root, info):
        viewer = info.context.viewer
        if not viewer.is_authenticated:
            return None
        memberships = list(
            MembershipType.visible_queryset(info)
            .filter(user=viewer.user, is_active=True,
                    organization__status=OrganizationStatus.ACTIVE)
            .select_related("organization")
        )
        # Their relations load for all of them at once (no pending futures, which
        # would send these objects down the general path).
        remember_rows(info.context, [*memberships, viewer.organization])
        return Me(user=viewer.user, memberships=memberships,
                  active_organization=viewer.organization, role=viewer.role)

    @staticmethod
    def resolve_organizations(root, info, filter=None, **args):
        queryset = OrganizationType.visible_queryset(info)
        filter = filter or {}
        if filter.get("search"):
            text = filter["search"].strip()
            queryset = queryset.filter(Q(name__icontains=text) | Q(legal_name__icontains=text)
                                       | Q(inn__startswith=text))
        if filter.get("kind"):
            queryset = queryset.filter(kind=plain_values(filter["kind"]))
        if filter.get("region"):
            queryset = queryset.filter(region__iexact=filter["region"].strip())
        return resolve_connection(queryset.order_by("path"), args,
                                  OrganizationType._meta.connection, info=info)

    @staticmethod
    def resolve_organization(root, info, id):
        return OrganizationType.lookup(info, id)
