"""Batch loaders for the inventory's relations: one query per relation per request.

Related rows load through the visibility of their own node type (``ByIdLoader``), so a
nested field never returns a row ``node(id:)`` refuses: a warehouse's owner the viewer
may not see is null (its name is still shown: ``OwnerNameByIdLoader``).
"""

from __future__ import annotations

from django.db.models import F, OuterRef, Subquery

from backend.accounts.models import Organization
from backend.accounts.visibility import person_summaries
from backend.catalog.models import ProductVariant
from backend.core.graphql.loaders import ByIdLoader, DataLoader

from ..models import IncomingSupply, Leftover, StockItem, StockMovement, Warehouse


class WarehouseByIdLoader(ByIdLoader):
    siblings = ((StockItem, "warehouse_id"), (IncomingSupply, "warehouse_id"),
                (StockMovement, "warehouse_id"), (Leftover, "warehouse_id"))
    model = Warehouse


class VariantOfStockLoader(ByIdLoader):
    siblings = ((StockItem, "variant_id"), (IncomingSupply, "variant_id"),
                (StockMovement, "variant_id"), (Leftover, "variant_id"))
    model = ProductVariant


class OrganizationOfWarehouseLoader(ByIdLoader):
    """A warehouse's owner, ``None`` when the viewer may not see that organization."""

    siblings = ((Warehouse, "owner_id"),)
    model = Organization


class OwnerNameByIdLoader(DataLoader):
    """The name of a warehouse's owner, shown with the warehouse even to those who may
    not open the organization (a sub-dealer sees "the factory's warehouse")."""

    siblings = ((Warehouse, "owner_id"),)
    remembers_rows = False

    def batch_load(self, keys):
        names = dict(Organization.objects.filter(pk__in=keys).values_list("pk", "name"))
        return [names.get(key, "") for key in keys]


class UserNameByIdLoader(DataLoader):
    """Who made a movement (movements are shown only to those who manage the warehouse)."""

    siblings = ((StockMovement, "user_id"),)
    remembers_rows = False

    def batch_load(self, keys):
        summaries = person_summaries(keys)
        return [summaries[key].full_name if key in summaries else "" for key in keys]


class LeftoverStockByIdLoader(DataLoader):
    """The available stock of each leftover's row (on hand - allocated; 0 without one)."""

    siblings = ((Leftover, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        available = StockItem.objects.filter(
            warehouse_id=OuterRef("warehouse_id"), variant_id=OuterRef("variant_id")
        ).values(quantity=F("on_hand") - F("allocated"))[:1]
        found = dict(Leftover.objects.filter(pk__in=keys).values_list(
            "pk", Subquery(available)))
        return [found.get(key) for key in keys]
