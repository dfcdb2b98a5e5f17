"""Announcements, their audience and who has read them."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from backend.accounts.models import Organization, User
from backend.catalog.models import Product
from backend.core.models import PortalModel
from price_rules.models import PriceGroup, Promotion

MAX_TITLE_LENGTH = 200
MAX_TEXT_LENGTH = 5000
MAX_PRODUCTS = 20


class AnnouncementKind(models.TextChoices):
    NEWS = "NEWS", "News"
    NEW_PRODUCTS = "NEW_PRODUCTS", "New products"
    PROMOTION = "PROMOTION", "Promotion"


def announcement_image_path(instance: Announcement, filename: str) -> str:
    return f"announcements/{instance.author_organization_id}/{filename}"


class Announcement(PortalModel):
    """A message from ``author_organization`` to organizations below it.

    The audience is everyone below the author (``audience_everyone``), or the members of
    some of the author's price groups and the organizations below it in some regions (either
    one suffices). ``publish_at`` null: unpublished (a draft or taken down); in the
    future: scheduled. Staff publish as the manufacturer."""

    author_organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                            related_name="announcements")
    author = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    kind = models.CharField(max_length=16, choices=AnnouncementKind.choices,
                            default=AnnouncementKind.NEWS)
    title = models.CharField(max_length=MAX_TITLE_LENGTH)
    text = models.TextField(help_text="Plain text; paragraphs separated by a blank line.")
    image = models.ImageField(upload_to=announcement_image_path, blank=True)
    # {"64": "announcements/1/thumbs/x_64.webp", ...}: catalog.thumbnails.make_thumbnails().
    thumbnails = models.JSONField(default=dict, blank=True)
    products = models.ManyToManyField(Product, blank=True, related_name="announcements")
    promotion = models.ForeignKey(Promotion, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="announcements")
    audience_everyone = models.BooleanField(default=True)
    audience_price_groups = models.ManyToManyField(PriceGroup, blank=True,
                                                   related_name="announcements")
    audience_regions = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    publish_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["author_organization", "-publish_at"],
                                name="announcement_author_idx")]
        constraints = [
            # Everyone, or a chosen part: never both, never neither.
            models.CheckConstraint(
                condition=Q(audience_everyone=True, audience_regions=[])
                | Q(audience_everyone=False),
                name="announcement_audience_exclusive"),
        ]

    def __str__(self) -> str:
        return self.title


class AnnouncementRead(PortalModel):
    """A user has read an announcement (per user: colleagues read on their own)."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE,
                                     related_name="reads")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["announcement_id", "user_id"]
        constraints = [models.UniqueConstraint(fields=["user", "announcement"],
                                               name="announcement_read_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.announcement_id}"
