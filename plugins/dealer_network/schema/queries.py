"""Root fields of the dealer network. Every list resolves through visibility.py."""

from __future__ import annotations

import graphene
from django.db.models import Q

from backend.accounts.schema.types import OrganizationType
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.values import plain_values

from ..models import APPLICATION_NUMBERS
from ..visibility import visible_sub_dealers
from .types import PartnerApplicationStatusEnum, PartnerApplicationType


class DealerNetworkQueries(graphene.ObjectType):
    sub_dealers = graphene.ConnectionField(
        OrganizationType._meta.connection, required=True,
        search=graphene.String(description="Part of the name, legal name or INN."),
        description="Organizations that buy directly from the active organization, by name.")
    partner_applications = graphene.ConnectionField(
        PartnerApplicationType._meta.connection, required=True,
        status=graphene.Argument(PartnerApplicationStatusEnum),
        search=graphene.String(description="Part of the company or legal name, the INN's "
                                           "start, the e-mail, or the application's number "
                                           "(«З-000042», «000042» or «42»)."),
        description="Partner applications, newest first (staff who manage organizations "
                    "or see everything; empty for anyone else).")
    partner_application = graphene.Field(PartnerApplicationType, id=graphene.ID(required=True))

    @staticmethod
    def resolve_sub_dealers(root, info, search=None, **args):
        queryset = visible_sub_dealers(info.context.viewer)
        if search and search.strip():
            text = search.strip()
            queryset = queryset.filter(Q(name__icontains=text) | Q(legal_name__icontains=text)
                                       | Q(inn__startswith=text))
        return resolve_connection(queryset.order_by("name", "pk"), args,
                                  OrganizationType._meta.connection, info=info)

    @staticmethod
    def resolve_partner_applications(root, info, status=None, search=None, **args):
        queryset = PartnerApplicationType.visible_queryset(info)
        status = plain_values(status)
        if status:
            queryset = queryset.filter(status=status)
        if search and search.strip():
            text = search.strip()
            matches = (Q(company_name__icontains=text) | Q(legal_name__icontains=text)
                       | Q(inn__startswith=text) | Q(email__icontains=text))
            if (number := APPLICATION_NUMBERS.parse(text)) is not None:
                matches |= Q(number=number)
            queryset = queryset.filter(matches)
        return resolve_connection(queryset.order_by("-created_at", "-pk"), args,
                                  PartnerApplicationType._meta.connection,
                                  info=info)

    @staticmethod
    def resolve_partner_application(root, info, id):
        return PartnerApplicationType.lookup(info, id)
