"""Batch loaders for the orders' relations: one query per relation per page.

The rows under an order (lines, shipments, their lines, events) load through
``orders.visibility`` like ``node(id:)`` does, never filtered in a resolver; organizations,
warehouses, carriers and variants through the visibility of their own node types
(``ByIdLoader``), so a nested field never shows a row its own lookup refuses.
"""

from __future__ import annotations

from django.db.models import Count

from backend.accounts.models import Organization
from backend.accounts.visibility import person_summaries
from backend.catalog.models import ProductVariant
from backend.core.graphql.loaders import ByIdLoader, DataLoader, group_by
from inventory.models import Carrier, Warehouse

from ..models import Order, OrderEvent, OrderLine, Shipment, ShipmentLine
from ..visibility import (
    visible_order_events,
    visible_order_lines,
    visible_shipment_lines,
    visible_shipments,
)


class _RowsByKeyLoader(DataLoader):
    """The rows of ``visible(viewer)`` whose ``column`` is each key, in the rows' order."""

    column = "order_id"

    def rows(self, keys):
        raise NotImplementedError

    def batch_load(self, keys):
        grouped = group_by(self.rows(keys), self.column)
        return [grouped.get(key, []) for key in keys]


class LinesByOrderIdLoader(_RowsByKeyLoader):
    siblings = ((Order, "pk"),)

    def rows(self, keys):
        return visible_order_lines(self.context.viewer).filter(
            order_id__in=keys).order_by("order_id", "position")


class ShipmentsByOrderIdLoader(_RowsByKeyLoader):
    siblings = ((Order, "pk"),)

    def rows(self, keys):
        return visible_shipments(self.context.viewer).filter(
            order_id__in=keys).order_by("order_id", "position")


class EventsByOrderIdLoader(_RowsByKeyLoader):
    siblings = ((Order, "pk"),)

    def rows(self, keys):
        return visible_order_events(self.context.viewer).filter(
            order_id__in=keys).order_by("order_id", "created_at", "pk")


class LinesByShipmentIdLoader(_RowsByKeyLoader):
    siblings = ((Shipment, "pk"),)
    column = "shipment_id"

    def rows(self, keys):
        return visible_shipment_lines(self.context.viewer).filter(
            shipment_id__in=keys).order_by("shipment_id", "order_line_id")


class LineCountByOrderIdLoader(DataLoader):
    siblings = ((Order, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        counts = dict(visible_order_lines(self.context.viewer).filter(order_id__in=keys)
                      .values("order_id").annotate(n=Count("id"))
                      .values_list("order_id", "n"))
        return [counts.get(key, 0) for key in keys]


class OrderLineByIdLoader(ByIdLoader):
    siblings = ((ShipmentLine, "order_line_id"),)
    model = OrderLine


class OrganizationOfOrderLoader(ByIdLoader):
    """Buyers, sellers, who acted as which organization: null when the viewer may not see
    that organization."""

    siblings = ((Order, "buyer_id"), (Order, "seller_id"), (Order, "placed_as_id"),
                (OrderEvent, "acting_as_id"), (OrderEvent, "on_behalf_of_id"))
    model = Organization


class PersonOfOrderLoader(DataLoader):
    """Who placed, decided or acted: a name only (``accounts.visibility.person_summaries``)."""

    siblings = ((Order, "placed_by_id"), (Order, "decided_by_id"), (OrderEvent, "user_id"))
    remembers_rows = False

    def batch_load(self, keys):
        summaries = person_summaries(keys)
        return [summaries.get(key) for key in keys]


class VariantOfOrderLineLoader(ByIdLoader):
    siblings = ((OrderLine, "variant_id"),)
    model = ProductVariant


class WarehouseOfOrderLoader(ByIdLoader):
    siblings = ((Shipment, "warehouse_id"), (Order, "pickup_warehouse_id"))
    model = Warehouse


class WarehouseNameByIdLoader(DataLoader):
    """A shipment's warehouse name, shown even to those who may not open the warehouse."""

    siblings = ((Shipment, "warehouse_id"),)
    remembers_rows = False

    def batch_load(self, keys):
        names = dict(Warehouse.objects.filter(pk__any=keys).values_list("pk", "name"))
        return [names.get(key, "") for key in keys]


class CarrierOfShipmentLoader(ByIdLoader):
    siblings = ((Shipment, "carrier_id"),)
    model = Carrier
