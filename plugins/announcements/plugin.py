"""The announcements' plugin: it notes in the log when a product that published
announcements promote is taken out of the catalog, since those announcements then show one
product fewer to their readers (the links stay, and return with the product)."""

from __future__ import annotations

import logging

from backend.catalog.models import Product
from backend.core.plugins import BasePlugin

from .models import Announcement

logger = logging.getLogger(__name__)


class Plugin(BasePlugin):
    PLUGIN_ID = "announcements"
    PLUGIN_NAME = "Announcements"

    def product_updated(self, product: Product, *, previous_value: None) -> None:
        """Log the published announcements left promoting an unpublished product."""
        if product.is_published:
            return
        ids = list(Announcement.objects.filter(products=product, publish_at__isnull=False)
                   .values_list("pk", flat=True)[:20])
        if ids:
            logger.info("announced product unpublished",
                        extra={"product_id": product.pk, "announcement_ids": ids})
