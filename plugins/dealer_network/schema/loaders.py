"""Per-request batch loaders of the dealer network's types."""

from __future__ import annotations

from backend.core.graphql.loaders import ByIdLoader, DataLoader

from ..models import PartnerApplication
from ..visibility import visible_partner_application_events


class EventsByApplicationIdLoader(DataLoader):
    """Each application's visible events, oldest first."""

    def batch_load(self, keys):
        by_application: dict[int, list] = {key: [] for key in keys}
        events = (visible_partner_application_events(self.context.viewer)
                  .filter(application_id__any=keys).order_by("created_at", "pk"))
        for event in events:
            by_application[event.application_id].append(event)
        return [by_application[key] for key in keys]


class PartnerApplicationByIdLoader(ByIdLoader):
    model = PartnerApplication
