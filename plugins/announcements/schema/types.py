"""Announcement types. Rows come through ``visibility.visible_announcements``."""

from __future__ import annotations

import graphene
from django.core.files.storage import default_storage
from django.utils import timezone
from graphql_relay import to_global_id

from backend.catalog.schema.types import Image, ProductObjectType
from backend.catalog.thumbnails import THUMBNAIL_SIZES, pick_size
from backend.core.graphql.types import ModelObjectType
from backend.core.permissions import Perm

from ..models import Announcement, AnnouncementKind
from ..text import paragraphs
from ..visibility import visible_announcements
from .loaders import (
    PriceGroupIdsByAnnouncementIdLoader,
    ProductsByAnnouncementIdLoader,
    PublisherNameByOrganizationIdLoader,
    ReadByAnnouncementIdLoader,
    publisher_id,
)

AnnouncementKindEnum = graphene.Enum("AnnouncementKind",
                                     [(k.value, k.value) for k in AnnouncementKind])
AnnouncementStatusEnum = graphene.Enum("AnnouncementStatus", [
    ("PUBLISHED", "PUBLISHED"), ("SCHEDULED", "SCHEDULED"), ("UNPUBLISHED", "UNPUBLISHED")])


class AnnouncementAudience(graphene.ObjectType):
    """Who receives it: everyone below the author, or the members of the price groups and
    the organizations in the regions chosen."""

    everyone_below = graphene.Boolean(required=True)
    price_group_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                    description="Global IDs of the author's PriceGroups.")
    regions = graphene.List(graphene.NonNull(graphene.String), required=True,
                            description="Official Russian names of the regions.")

    @staticmethod
    def resolve_everyone_below(root: Announcement, info):
        return root.audience_everyone

    @staticmethod
    def resolve_price_group_ids(root: Announcement, info):
        return PriceGroupIdsByAnnouncementIdLoader(info.context).load_then(
            root.pk, lambda ids: [to_global_id("PriceGroup", pk) for pk in ids])

    @staticmethod
    def resolve_regions(root: Announcement, info):
        return list(root.audience_regions)


def _is_mine(info, root: Announcement) -> bool:
    return root.author_organization_id == publisher_id(info.context)


class AnnouncementType(ModelObjectType):
    kind = graphene.Field(AnnouncementKindEnum, required=True)
    status = graphene.Field(AnnouncementStatusEnum, required=True)
    paragraphs = graphene.List(graphene.NonNull(graphene.String), required=True,
                               description="The text split at blank lines.")
    image = graphene.Field(Image, size=graphene.Int(description=(
        f"Made sizes: {', '.join(map(str, THUMBNAIL_SIZES))}; the nearest larger one is "
        "returned; without it, the original.")))
    products = graphene.List(graphene.NonNull(ProductObjectType), required=True,
                             description="The linked products the viewer may see.")
    promotion_id = graphene.ID(description="The global ID of the linked Promotion (the "
                                           "author's), if any.")
    is_read = graphene.Boolean(required=True, description="Read by the signed-in user.")
    is_mine = graphene.Boolean(required=True, description="Published by the organization "
                                                          "the viewer publishes for.")
    publisher_name = graphene.String(required=True,
                                     description="The author organization's name.")
    audience = graphene.Field(AnnouncementAudience, description=(
        "Who receives it; only for its author (and staff who see everything)."))

    class Meta:
        model = Announcement
        name = "Announcement"
        visible = visible_announcements
        fields = ("id", "title", "text", "publish_at", "created_at", "updated_at")

    @staticmethod
    def resolve_kind(root: Announcement, info):
        return str(root.kind)

    @staticmethod
    def resolve_status(root: Announcement, info):
        if root.publish_at is None:
            return "UNPUBLISHED"
        return "SCHEDULED" if root.publish_at > timezone.now() else "PUBLISHED"

    @staticmethod
    def resolve_paragraphs(root: Announcement, info):
        return paragraphs(root.text)

    @staticmethod
    def resolve_image(root: Announcement, info, size=None):
        if not root.image:
            return None
        name = root.image.name
        chosen = None
        if size is not None:
            chosen = pick_size(size)
            name = root.thumbnails.get(str(chosen)) or name
        return Image(url=info.context.build_absolute_uri(default_storage.url(name)),
                     alt=root.title, size=chosen if name != root.image.name else None)

    @staticmethod
    def resolve_products(root: Announcement, info):
        return ProductsByAnnouncementIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_promotion_id(root: Announcement, info):
        return None if root.promotion_id is None else to_global_id("Promotion",
                                                                   root.promotion_id)

    @staticmethod
    def resolve_is_read(root: Announcement, info):
        return ReadByAnnouncementIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_is_mine(root: Announcement, info):
        return _is_mine(info, root)

    @staticmethod
    def resolve_publisher_name(root: Announcement, info):
        return PublisherNameByOrganizationIdLoader(info.context).load(
            root.author_organization_id)

    @staticmethod
    def resolve_audience(root: Announcement, info):
        if _is_mine(info, root) or info.context.viewer.has_perm(Perm.VIEW_ALL):
            return root
        return None
