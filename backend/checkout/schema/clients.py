"""``orderClients``: the organizations the viewer may order for besides its own (staff
with MODERATE_ORDERS: any buyer; a regional manager: its subtrees; a dealer's admin: its
sub-dealers), as ``on_behalf.client_organizations`` decides, searched by name or INN.
One query whatever the page."""

from __future__ import annotations

import graphene
from django.db.models import Q

from backend.accounts.schema.types import OrganizationType
from backend.core.graphql.loaders import remember_rows

from ..services.on_behalf import client_organizations

MOST = 100


class OrderClientType(graphene.ObjectType):
    organization = graphene.Field(OrganizationType, required=True)
    name = graphene.String(required=True)
    inn = graphene.String(required=True)
    region = graphene.String(required=True)

    class Meta:
        name = "OrderClient"
        description = "An organization the viewer may place orders for."

    @staticmethod
    def resolve_organization(root, info):
        return root

    @staticmethod
    def resolve_name(root, info):
        return root.name

    @staticmethod
    def resolve_inn(root, info):
        return root.inn

    @staticmethod
    def resolve_region(root, info):
        return root.region


def order_clients(viewer, search: str | None, first: int | None) -> list:
    rows = client_organizations(viewer)
    text = (search or "").strip()
    if text:
        rows = rows.filter(Q(name__icontains=text) | Q(legal_name__icontains=text)
                           | Q(inn__startswith=text))
    return list(rows.order_by("name", "pk")[:max(0, min(first or 20, MOST))])


class ClientQueries(graphene.ObjectType):
    order_clients = graphene.List(
        graphene.NonNull(OrderClientType), required=True,
        search=graphene.String(description="Part of the name, or the INN's beginning."),
        first=graphene.Int(default_value=20, description=f"At most {MOST}."),
        description="Organizations the viewer may order for (not its own).")

    @staticmethod
    def resolve_order_clients(root, info, search=None, first=20):
        rows = order_clients(info.context.viewer, search, first)
        # As siblings: the organizations' own fields load for the whole list at once.
        remember_rows(info.context, rows)
        return rows
