"""Per-request batch loaders of announcements' relations (one query per page each)."""

from __future__ import annotations

from backend.accounts.models import Organization
from backend.catalog.visibility import visible_products
from backend.core.graphql.loaders import DataLoader, group_by

from ..models import Announcement, AnnouncementRead
from ..visibility import publishing_organization


class ProductsByAnnouncementIdLoader(DataLoader):
    """Each announcement's linked products that the viewer may see, in link order."""

    siblings = ((Announcement, "pk"),)

    def batch_load(self, keys):
        links = list(Announcement.products.through.objects
                     .filter(announcement_id__any=keys).order_by("pk")
                     .values_list("announcement_id", "product_id"))
        products = {p.pk: p for p in visible_products(self.context.viewer)
                    .filter(pk__any=list({product for _, product in links}))}
        grouped: dict[int, list] = {key: [] for key in keys}
        for announcement, product in links:
            if product in products:
                grouped[announcement].append(products[product])
        return [grouped[key] for key in keys]


class PriceGroupIdsByAnnouncementIdLoader(DataLoader):
    siblings = ((Announcement, "pk"),)

    def batch_load(self, keys):
        links = group_by(Announcement.audience_price_groups.through.objects
                         .filter(announcement_id__any=keys).order_by("pk"),
                         "announcement_id")
        return [[link.pricegroup_id for link in links.get(key, [])] for key in keys]


class ReadByAnnouncementIdLoader(DataLoader):
    """Whether the viewer (the signed-in user) has read each announcement."""

    siblings = ((Announcement, "pk"),)

    def batch_load(self, keys):
        user = self.context.viewer.user
        if user is None:
            return [False for _ in keys]
        read = set(AnnouncementRead.objects.filter(user_id=user.pk, announcement_id__any=keys)
                   .values_list("announcement_id", flat=True))
        return [key in read for key in keys]


class PublisherNameByOrganizationIdLoader(DataLoader):
    """The author organization's name: whoever receives an announcement may read who sent
    it (a sub-dealer may not otherwise see the manufacturer)."""

    siblings = ((Announcement, "author_organization_id"),)

    def batch_load(self, keys):
        names = dict(Organization.objects.filter(pk__any=keys).values_list("pk", "name"))
        return [names.get(key, "") for key in keys]


def publisher_id(context) -> int | None:
    """The id of the organization the viewer publishes for, once per request."""
    cache = context.__dict__
    if "_announcement_publisher" not in cache:
        publisher = publishing_organization(context.viewer)
        cache["_announcement_publisher"] = publisher.pk if publisher else None
    return cache["_announcement_publisher"]
