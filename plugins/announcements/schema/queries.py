"""Root fields of announcements. Every list resolves through visibility.py."""

from __future__ import annotations

import graphene
from django.db.models import Exists, OuterRef

from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.ids import decode_query_ids

from ..models import Announcement, AnnouncementRead
from ..visibility import authored_announcements, received_announcements
from .types import AnnouncementKindEnum, AnnouncementType

MAX_FILTER_PRODUCTS = 200


class AnnouncementFilterInput(graphene.InputObjectType):
    kind = graphene.Argument(AnnouncementKindEnum)
    unread = graphene.Boolean(description="true: only those the signed-in user has not "
                                          "read; false: only those read.")
    product_ids = graphene.List(graphene.NonNull(graphene.ID), description=(
        f"Only announcements linking any of these products (at most "
        f"{MAX_FILTER_PRODUCTS}): what a catalog page shows beside them."))
    authored = graphene.Boolean(description=(
        "true: only the announcements of the organization the viewer publishes for "
        "(drafts and scheduled ones too); false: only those received from above."))


def _unread(queryset, viewer, unread: bool):
    read = Exists(AnnouncementRead.objects.filter(
        announcement_id=OuterRef("pk"), user_id=viewer.user.pk if viewer.user else None))
    return queryset.filter(~read if unread else read)


def filtered_announcements(info, filter: dict | None):
    viewer = info.context.viewer
    filter = filter or {}
    authored = filter.get("authored")
    if authored is True:
        queryset = authored_announcements(viewer)
    elif authored is False:
        queryset = received_announcements(viewer)
    else:
        queryset = AnnouncementType.visible_queryset(info)
    if filter.get("kind"):
        queryset = queryset.filter(kind=filter["kind"])
    if filter.get("unread") is not None:
        queryset = _unread(queryset, viewer, filter["unread"])
    if filter.get("product_ids") is not None:
        ids = decode_query_ids(filter["product_ids"][:MAX_FILTER_PRODUCTS], "Product",
                               "productIds")
        queryset = queryset.filter(Exists(Announcement.products.through.objects.filter(
            announcement_id=OuterRef("pk"), product_id__in=ids)))
    return queryset


class AnnouncementQueries(graphene.ObjectType):
    announcements = graphene.ConnectionField(
        AnnouncementType._meta.connection, required=True,
        filter=AnnouncementFilterInput(),
        description=("Announcements the viewer may see, newest first: received from its "
                     "seller chain (published, audience holding the active organization), "
                     "and its own when it publishes (unpublished ones first)."))
    announcement = graphene.Field(AnnouncementType, id=graphene.ID(required=True))
    announcements_unread_count = graphene.Int(
        required=True, description="Received announcements the signed-in user has not read.")

    @staticmethod
    def resolve_announcements(root, info, filter=None, **args):
        queryset = filtered_announcements(info, filter)
        ordered = queryset.order_by("-publish_at", "-pk")  # NULLS FIRST: drafts on top
        return resolve_connection(ordered, args, AnnouncementType._meta.connection,
                                  info=info)

    @staticmethod
    def resolve_announcement(root, info, id):
        return AnnouncementType.lookup(info, id)

    @staticmethod
    def resolve_announcements_unread_count(root, info):
        viewer = info.context.viewer
        if viewer.user is None:
            return 0
        return _unread(received_announcements(viewer), viewer, True).count()
