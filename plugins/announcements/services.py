"""Publishing announcements and reading them.

Each write function validates the whole input first, reporting every problem at once
(``DomainValidationError``, nothing saved), then writes. Who may publish for which
organization is ``visibility.publishing_organization``; these functions take that
organization and refuse rows of another one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from backend.accounts.models import Organization, User
from backend.accounts.regions import RUSSIA, official_region, russian_region
from backend.catalog.models import Product
from backend.catalog.services.products import delete_files_after_commit, image_errors
from backend.catalog.thumbnails import make_thumbnails
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.text import length_error
from price_rules.models import PriceGroup, Promotion

from .errors import AnnouncementErrorCode as Code
from .models import (
    MAX_PRODUCTS,
    MAX_TEXT_LENGTH,
    MAX_TITLE_LENGTH,
    Announcement,
    AnnouncementKind,
    AnnouncementRead,
)
from .text import clean_text

# A publication date a little in the past is "now" sent from a slow clock, not a backdate.
PAST_TOLERANCE = timedelta(minutes=5)


@dataclass(kw_only=True)
class AnnouncementData:
    kind: str = AnnouncementKind.NEWS
    title: str = ""
    text: str = ""
    product_ids: list[int] = field(default_factory=list)
    promotion_id: int | None = None
    audience_everyone: bool = True
    price_group_ids: list[int] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)


@dataclass
class _Checked:
    products: list[Product]
    groups: list[PriceGroup]
    regions: list[str]
    promotion: Promotion | None


def _check(publisher: Organization, data: AnnouncementData,
           visible_products: QuerySet[Product], image) -> _Checked:
    errors = ErrorCollector()
    if data.kind not in AnnouncementKind.values:
        errors.add(Code.INVALID, f"Unknown kind '{data.kind}'.", "kind")
    if not (data.title or "").strip():
        errors.add(Code.REQUIRED, "Give the announcement a title.", "title")
    errors.check_name(data.title, "title", MAX_TITLE_LENGTH)
    text = clean_text(data.text)
    if not text:
        errors.add(Code.REQUIRED, "Write the announcement's text.", "text")
    elif message := length_error(text, MAX_TEXT_LENGTH):
        errors.add(Code.INVALID, message, "text", max_length=MAX_TEXT_LENGTH)

    product_ids = list(dict.fromkeys(data.product_ids))
    products: list[Product] = []
    if len(product_ids) > MAX_PRODUCTS:
        errors.add(Code.TOO_MANY_PRODUCTS, f"Link at most {MAX_PRODUCTS} products.",
                   "product_ids", max_count=MAX_PRODUCTS)
    elif product_ids:
        found = {p.pk: p for p in visible_products.filter(pk__in=product_ids)}
        unknown = [pk for pk in product_ids if pk not in found]
        if unknown:
            errors.add(Code.UNKNOWN_PRODUCT, "Some of the products do not exist or are "
                       "hidden from you.", "product_ids", product_ids=unknown)
        products = [found[pk] for pk in product_ids if pk in found]
    if data.kind == AnnouncementKind.NEW_PRODUCTS and not product_ids:
        errors.add(Code.PRODUCTS_REQUIRED, "Link the new products.", "product_ids")

    promotion = None
    if data.promotion_id is not None:
        promotion = Promotion.objects.filter(pk=data.promotion_id,
                                             owner_id=publisher.pk).first()
        if promotion is None:
            errors.add(Code.UNKNOWN_PROMOTION, "Link one of your own promotions.",
                       "promotion_id")

    group_ids = list(dict.fromkeys(data.price_group_ids))
    groups = list(PriceGroup.objects.filter(pk__in=group_ids, owner_id=publisher.pk))
    if len(groups) != len(group_ids):
        known = {g.pk for g in groups}
        errors.add(Code.UNKNOWN_PRICE_GROUP, "Choose among your own price groups.",
                   "price_group_ids", price_group_ids=[g for g in group_ids if g not in known])
    regions, unknown_regions = [], []
    for region in dict.fromkeys(r.strip() for r in data.regions if r.strip()):
        if russian_region(region) is None:
            unknown_regions.append(region)
        else:
            regions.append(official_region(RUSSIA, region))
    if unknown_regions:
        errors.add(Code.UNKNOWN_REGION, "Choose regions among the subjects of the Russian "
                   "Federation.", "regions", regions=unknown_regions)
    if data.audience_everyone and (group_ids or data.regions):
        errors.add(Code.AUDIENCE_CONFLICT, "Send to everyone below you, or to the chosen "
                   "price groups and regions, not both.", "audience")
    elif not data.audience_everyone and not (group_ids or data.regions):
        errors.add(Code.AUDIENCE_REQUIRED, "Choose price groups or regions, or send to "
                   "everyone below you.", "audience")
    if image is not None and not hasattr(image, "seek"):  # an inline literal, not a file
        errors.add(Code.INVALID_IMAGE, "Send the image as a file (a GraphQL multipart "
                   "request).", "image")
    elif image is not None:
        for problem in image_errors(image):
            errors.add(problem.code, problem.message, "image")
    errors.raise_if_any()
    return _Checked(products, groups, regions, promotion)


def _check_publish_at(publish_at: datetime | None, now: datetime) -> datetime:
    if publish_at is None:
        return now
    if publish_at < now - PAST_TOLERANCE:
        raise DomainValidationError.single(
            Code.PUBLISH_DATE_IN_PAST, "Publish now or at a later date.", "publish_at")
    return max(publish_at, now)


def _write(announcement: Announcement, data: AnnouncementData, checked: _Checked,
           image, remove_image: bool) -> Announcement:
    announcement.kind = data.kind
    announcement.title = " ".join(data.title.split())
    announcement.text = clean_text(data.text)
    announcement.promotion = checked.promotion
    announcement.audience_everyone = data.audience_everyone
    announcement.audience_regions = checked.regions
    old_files = _image_files(announcement)
    if remove_image or image is not None:
        announcement.image = ""
        announcement.thumbnails = {}
    announcement.save()
    if image is not None:
        announcement.image.save(image.name, image, save=False)
        announcement.thumbnails = make_thumbnails(announcement.image.name)
        announcement.save(update_fields=["image", "thumbnails"])
    delete_files_after_commit([n for n in old_files if n not in _image_files(announcement)])
    announcement.products.set(checked.products)
    announcement.audience_price_groups.set(checked.groups)
    return announcement


def _image_files(announcement: Announcement) -> list[str]:
    return [n for n in (announcement.image.name, *announcement.thumbnails.values()) if n]


@transaction.atomic
def create_announcement(publisher: Organization, data: AnnouncementData, actor: User | None,
                        *, visible_products: QuerySet[Product], image=None,
                        publish_at: datetime | None = None,
                        publish: bool = True) -> Announcement:
    """A new announcement of ``publisher``, published now or at ``publish_at`` (or kept
    unpublished when ``publish`` is false)."""
    checked = _check(publisher, data, visible_products, image)
    now = timezone.now()
    when = _check_publish_at(publish_at, now) if publish else None
    announcement = Announcement(author_organization=publisher, author=actor, publish_at=when)
    return _write(announcement, data, checked, image, remove_image=False)


def _refuse_foreign(publisher: Organization, announcement: Announcement) -> None:
    if announcement.author_organization_id != publisher.pk:
        raise DomainValidationError.single(
            Code.NOT_A_PUBLISHER, "This announcement belongs to another organization.", "id")


@transaction.atomic
def update_announcement(publisher: Organization, announcement: Announcement,
                        data: AnnouncementData, *, visible_products: QuerySet[Product],
                        image=None, remove_image: bool = False) -> Announcement:
    """Change everything but the publication date; readers' marks stay."""
    _refuse_foreign(publisher, announcement)
    checked = _check(publisher, data, visible_products, image)
    return _write(announcement, data, checked, image, remove_image)


def publish_announcement(publisher: Organization, announcement: Announcement,
                         publish_at: datetime | None = None) -> Announcement:
    _refuse_foreign(publisher, announcement)
    announcement.publish_at = _check_publish_at(publish_at, timezone.now())
    announcement.save(update_fields=["publish_at", "updated_at"])
    return announcement


def unpublish_announcement(publisher: Organization,
                           announcement: Announcement) -> Announcement:
    """Take it down (readers stop seeing it); it can be published again."""
    _refuse_foreign(publisher, announcement)
    announcement.publish_at = None
    announcement.save(update_fields=["publish_at", "updated_at"])
    return announcement


def mark_read(user: User, announcements: QuerySet[Announcement]) -> int:
    """Mark ``announcements`` (those the user may see) read by ``user``; the number newly
    marked. Marking again changes nothing."""
    ids = list(announcements.exclude(reads__user=user).values_list("pk", flat=True))
    AnnouncementRead.objects.bulk_create(
        [AnnouncementRead(announcement_id=pk, user=user) for pk in ids],
        ignore_conflicts=True)
    return len(ids)
