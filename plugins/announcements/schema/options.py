"""What a publisher may choose from: its own price groups and Russia's regions. Plain
objects, so the form does not depend on the price rules' own GraphQL types."""

from __future__ import annotations

import graphene
from django.db.models import Count
from graphql_relay import to_global_id

from backend.accounts.regions import RUSSIAN_REGIONS
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost
from price_rules.models import PriceGroup

from .loaders import publisher_id


class AnnouncementPriceGroupOption(graphene.ObjectType):
    id = graphene.ID(required=True, description="The PriceGroup's global ID.")
    name = graphene.String(required=True)
    member_count = graphene.Int(required=True)


class AnnouncementRegionOption(graphene.ObjectType):
    name = graphene.String(required=True, description="The official Russian name (sent).")
    name_en = graphene.String(required=True)


class AnnouncementAudienceOptions(graphene.ObjectType):
    price_groups = graphene.List(graphene.NonNull(AnnouncementPriceGroupOption), required=True,
                                 description="The publisher's own price groups, by name.")
    regions = graphene.List(graphene.NonNull(AnnouncementRegionOption), required=True)


class AudienceOptionQueries(graphene.ObjectType):
    announcement_audience_options = graphene.Field(
        AnnouncementAudienceOptions,
        description="What the viewer may address announcements to; null when it does not "
                    "publish.")

    @staticmethod
    def resolve_announcement_audience_options(root, info):
        owner = publisher_id(info.context)
        if owner is None:
            return None
        groups = (PriceGroup.objects.filter(owner_id=owner)
                  .annotate(member_count=Count("memberships")).order_by("name", "pk"))
        return AnnouncementAudienceOptions(
            price_groups=[AnnouncementPriceGroupOption(
                id=to_global_id("PriceGroup", g.pk), name=g.name, member_count=g.member_count)
                for g in groups],
            regions=[AnnouncementRegionOption(name=r.name, name_en=r.name_en)
                     for r in RUSSIAN_REGIONS])


OPTION_COSTS = {"Query.announcementAudienceOptions": FieldCost(QUERY_WEIGHT)}
