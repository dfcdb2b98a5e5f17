"""Per-request batch loaders of the dealer network's types."""

from __future__ import annotations

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError
from backend.core.graphql.loaders import ByIdLoader, DataLoader, visible_rows_by_pk

from .. import services
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


class SupplierByRegionLoader(DataLoader):
    """The organization an application of each region would join if approved now
    (``services.regional_supplier``, for the whole page at once); ``None`` where the viewer
    may not see it or there is no manufacturer yet."""

    siblings = ((PartnerApplication, "region"),)

    def batch_load(self, keys):
        try:
            suppliers = services.regional_suppliers(keys)
        except DomainValidationError:  # NO_SUPPLIER: approving would say so
            return [None for _ in keys]
        visible = visible_rows_by_pk(Organization, self.context.viewer,
                                     list({s.pk for s in suppliers.values()}))
        return [visible.get(suppliers[services.region_key(key)].pk) for key in keys]
