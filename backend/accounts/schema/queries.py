import graphene
from django.db.models import Q

from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.loaders import remember_rows
from backend.core.graphql.mutations import plain_values

from ..models import Membership, OrganizationStatus
from .types import Me, MembershipType, OrganizationKindEnum, OrganizationType


class OrganizationFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Part of the name, legal name or INN.")
    kind = graphene.Field(OrganizationKindEnum)
    region = graphene.String()


class AccountQueries(graphene.ObjectType):
    me = graphene.Field(Me, description="The signed-in user; null for anonymous requests.")
    organizations = graphene.ConnectionField(
        OrganizationType._meta.connection, required=True, filter=OrganizationFilterInput(),
        description="Organizations the viewer may see, in tree order.")
    organization = graphene.Field(OrganizationType, id=graphene.ID(required=True))

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


__all__ = ["AccountQueries", "Membership"]
