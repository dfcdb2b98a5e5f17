"""The dealer network's plugin: it announces new organizations of the network in the log."""

from __future__ import annotations

import logging

from backend.accounts.models import Organization
from backend.core.plugins import BasePlugin

logger = logging.getLogger(__name__)


class Plugin(BasePlugin):
    PLUGIN_ID = "dealer_network"
    PLUGIN_NAME = "Dealer network"

    def organization_created(self, organization: Organization, *, previous_value: None) -> None:
        """Log where the new organization joined the network (after commit)."""
        logger.info(
            "organization joined the network",
            extra={"organization_id": organization.pk, "kind": organization.kind,
                   "parent_id": organization.parent_id},
        )
