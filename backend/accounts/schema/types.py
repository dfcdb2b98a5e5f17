"""Account types: users, organizations, memberships."""

from __future__ import annotations

import graphene

from backend.core.graphql.types import ModelObjectType

from ..models import Membership, Organization, OrganizationKind, OrganizationStatus, Role, User
from ..visibility import visible_memberships, visible_organizations, visible_users

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
        if root.parent_id is None:
            return None
        from .loaders import OrganizationByIdLoader

        return OrganizationByIdLoader(info.context).load(root.parent_id)


class MembershipType(ModelObjectType):
    role = graphene.Field(RoleEnum, required=True)
    organization = graphene.Field(OrganizationType, required=True)
    user = graphene.Field(lambda: UserType, required=True)
    custom_role = graphene.Field("backend.accounts.schema.members.CustomRoleType")
    permissions = graphene.List(graphene.NonNull(graphene.String), required=True,
                                description="What the member may do in the organization.")
    spending_limit = graphene.Decimal(description="Per order; null: no limit.")

    class Meta:
        model = Membership
        name = "Membership"
        visible = visible_memberships
        fields = ("id", "is_active", "created_at", "deactivated_at")

    @staticmethod
    def resolve_user(root: Membership, info):
        from .loaders import UserByIdLoader

        return UserByIdLoader(info.context).load(root.user_id)

    @staticmethod
    def resolve_custom_role(root: Membership, info):
        if root.custom_role_id is None:
            return None
        from .loaders import CustomRoleByIdLoader

        return CustomRoleByIdLoader(info.context).load(root.custom_role_id)

    @staticmethod
    def resolve_permissions(root: Membership, info):
        if root.custom_role_id is None:
            return sorted(root.permissions())
        from .loaders import PermissionsByCustomRoleIdLoader

        return PermissionsByCustomRoleIdLoader(info.context).load_then(
            root.custom_role_id, lambda codes: sorted(codes) if root.is_active else [])

    @staticmethod
    def resolve_organization(root: Membership, info):
        from .loaders import OrganizationByIdLoader

        return OrganizationByIdLoader(info.context).load(root.organization_id)


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
