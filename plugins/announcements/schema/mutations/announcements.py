"""Publishing: create, edit, publish (now or later), unpublish."""

from __future__ import annotations

import graphene
from graphene_file_upload.scalars import Upload

from backend.catalog.visibility import visible_products
from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.ids import decode_global_id, shown

from ... import services
from ...models import MAX_PRODUCTS, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH
from ...visibility import authored_announcements, publishing_organization
from ..types import AnnouncementKindEnum, AnnouncementType
from .base import PublisherMutation

_IMAGE_DOC = "A JPEG, PNG, WebP or GIF up to 10 MB (GraphQL multipart request)."


class AnnouncementAudienceInput(graphene.InputObjectType):
    everyone_below = graphene.Boolean(required=True, description=(
        "Every organization below the author (the manufacturer's: dealers and sub-dealers). "
        "False: the chosen price groups and regions (either one suffices)."))
    price_group_ids = graphene.List(graphene.NonNull(graphene.ID),
                                    description="Global IDs of the author's PriceGroups.")
    regions = graphene.List(graphene.NonNull(graphene.String), description=(
        "Subjects of the Russian Federation, by name (the countries query)."))


class AnnouncementInput(graphene.InputObjectType):
    kind = AnnouncementKindEnum(required=True)
    title = graphene.String(required=True, description=f"One line, at most "
                                                       f"{MAX_TITLE_LENGTH} characters.")
    text = graphene.String(required=True, description=(
        f"Plain text, paragraphs separated by a blank line; at most {MAX_TEXT_LENGTH} "
        "characters."))
    product_ids = graphene.List(graphene.NonNull(graphene.ID), description=(
        f"Products the author may see, at most {MAX_PRODUCTS} (required for "
        "NEW_PRODUCTS)."))
    promotion_id = graphene.ID(description="A Promotion of the author's organization.")
    audience = AnnouncementAudienceInput(required=True)


def _data(input: dict) -> services.AnnouncementData:
    audience = input["audience"]
    promotion = input.get("promotion_id")
    return services.AnnouncementData(
        kind=input["kind"], title=input["title"], text=input["text"],
        product_ids=[decode_global_id(g, "Product", "product_ids")
                     for g in input.get("product_ids") or []],
        promotion_id=decode_global_id(promotion, "Promotion", "promotion_id")
        if promotion else None,
        audience_everyone=audience["everyone_below"],
        price_group_ids=[decode_global_id(g, "PriceGroup", "price_group_ids")
                         for g in audience.get("price_group_ids") or []],
        regions=list(audience.get("regions") or []))


def _own(info, id: str):
    """The viewer's organization's announcement behind ``id`` (NOT_FOUND otherwise)."""
    queryset = authored_announcements(info.context.viewer)
    pk = decode_global_id(id, "Announcement")
    row = queryset.filter(pk=pk).first()
    if row is None:  # hidden or another organization's: the same answer, ids leak nothing
        raise DomainValidationError.single(
            CoreErrorCode.NOT_FOUND, f"No Announcement with ID '{shown(id)}'.", "id")
    return row


class AnnouncementCreate(PublisherMutation):
    announcement = graphene.Field(AnnouncementType)

    class Arguments:
        input = AnnouncementInput(required=True)
        image = Upload(description=_IMAGE_DOC)
        publish_at = graphene.DateTime(description="Later publication; now when omitted.")
        publish = graphene.Boolean(default_value=True,
                                   description="False: saved unpublished (a draft).")

    class Meta:
        description = ("Publish an announcement to organizations below the publisher: the "
                       "manufacturer (staff with MANAGE_CATALOG) or the active dealer "
                       "(MANAGE_SUB_DEALERS). Nothing is saved when any field is refused.")

    @classmethod
    def perform_mutation(cls, root, info, input, image=None, publish_at=None, publish=True):
        viewer = info.context.viewer
        announcement = services.create_announcement(
            publishing_organization(viewer), _data(input), viewer.user,
            visible_products=visible_products(viewer), image=image, publish_at=publish_at,
            publish=publish)
        return cls(announcement=announcement)


class AnnouncementUpdate(PublisherMutation):
    announcement = graphene.Field(AnnouncementType)

    class Arguments:
        id = graphene.ID(required=True)
        input = AnnouncementInput(required=True)
        image = Upload(description=f"A new image. {_IMAGE_DOC}")
        remove_image = graphene.Boolean(default_value=False)

    class Meta:
        description = "Edit one of the publisher's announcements (its date stays)."

    @classmethod
    def perform_mutation(cls, root, info, id, input, image=None, remove_image=False):
        viewer = info.context.viewer
        announcement = services.update_announcement(
            publishing_organization(viewer), _own(info, id), _data(input),
            visible_products=visible_products(viewer), image=image,
            remove_image=remove_image)
        return cls(announcement=announcement)


class AnnouncementPublish(PublisherMutation):
    announcement = graphene.Field(AnnouncementType)

    class Arguments:
        id = graphene.ID(required=True)
        publish_at = graphene.DateTime(description="Now when omitted.")

    class Meta:
        description = "Publish one of the publisher's announcements now or at a date."

    @classmethod
    def perform_mutation(cls, root, info, id, publish_at=None):
        return cls(announcement=services.publish_announcement(
            publishing_organization(info.context.viewer), _own(info, id), publish_at))


class AnnouncementUnpublish(PublisherMutation):
    announcement = graphene.Field(AnnouncementType)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Take one of the publisher's announcements down (it can return)."

    @classmethod
    def perform_mutation(cls, root, info, id):
        return cls(announcement=services.unpublish_announcement(
            publishing_organization(info.context.viewer), _own(info, id)))
