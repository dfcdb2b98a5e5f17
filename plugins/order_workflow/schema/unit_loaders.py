"""Batch loaders of the unit statuses' fields: one query per relation per page, every row
through ``visibility.py``."""

from __future__ import annotations

from django.db.models import Count

from backend.accounts.models import Organization
from backend.accounts.visibility import person_summaries
from backend.core.graphql.loaders import DataLoader, group_by
from backend.orders.models import Order, OrderLine
from inventory.models import Warehouse

from .. import engine
from ..engine import Side
from ..models import Dispatch, OrderModeration
from ..people import may_answer, may_moderate
from ..visibility import (
    visible_dispatch_lines,
    visible_dispatches,
    visible_line_units,
)


class UnitsByLineIdLoader(DataLoader):
    siblings = ((OrderLine, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        rows = {row.line_id: row for row in
                visible_line_units(self.context.viewer).filter(line_id__in=keys)}
        return [rows.get(key) for key in keys]


COLUMNS = tuple(status.value.lower() for status in engine.STATUSES)


class DispatchesByOrderIdLoader(DataLoader):
    siblings = ((Order, "pk"),)

    def batch_load(self, keys):
        grouped = group_by(visible_dispatches(self.context.viewer).filter(order_id__in=keys)
                           .order_by("order_id", "shipped_at", "pk"), "order_id")
        return [grouped.get(key, []) for key in keys]


class DispatchLinesByDispatchIdLoader(DataLoader):
    siblings = ((Dispatch, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        rows = (visible_dispatch_lines(self.context.viewer).filter(dispatch_id__in=keys)
                .select_related("line").order_by("dispatch_id", "line__position"))
        grouped = group_by(rows, "dispatch_id")
        return [grouped.get(key, []) for key in keys]


class DispatchWarehouseNameLoader(DataLoader):
    """The warehouse's name, shown even to those who may not open the warehouse."""

    siblings = ((Dispatch, "warehouse_id"),)
    remembers_rows = False

    def batch_load(self, keys):
        names = dict(Warehouse.objects.filter(pk__in=keys).values_list("pk", "name"))
        return [names.get(key, "") for key in keys]


class DispatchPersonLoader(DataLoader):
    siblings = ((Dispatch, "created_by_id"),)
    remembers_rows = False

    def batch_load(self, keys):
        summaries = person_summaries(keys)
        return [summaries.get(key) for key in keys]


def permitted_by_order(viewer, order_ids) -> dict[int, frozenset[engine.Transition]]:
    """The moves the viewer may make on each order now (``engine.permitted`` of its sides,
    the buyer's reselling and the moderation state): two queries."""
    rows = list(OrderModeration.objects.filter(order_id__in=order_ids)
                .values_list("order_id", "state", "order__seller_id",
                             "order__seller__parent_id", "order__buyer_id"))
    buyers = {row[4] for row in rows if may_answer(viewer, row[4])}
    resellers = set(Organization.objects.filter(parent_id__in=buyers)
                    .values_list("parent_id", flat=True).distinct()) if buyers else set()
    found = {}
    for order_id, state, seller_id, seller_parent, buyer_id in rows:
        allowed: frozenset[engine.Transition] = frozenset()
        if may_moderate(viewer, seller_id, seller_parent is None):
            allowed |= engine.permitted(Side.SELLER, False, state)
        if buyer_id in buyers:
            allowed |= engine.permitted(Side.BUYER, buyer_id in resellers, state)
        found[order_id] = allowed
    return found


def units_of(row) -> engine.Units:
    return engine.Units.of(**{name: getattr(row, name) for name in COLUMNS})


class MoveOptionsByLineIdLoader(DataLoader):
    """What the viewer may move on each line now: (from, to, max) in status order."""

    siblings = ((OrderLine, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        rows = list(visible_line_units(self.context.viewer).filter(line_id__in=keys))
        permitted = permitted_by_order(self.context.viewer, {row.order_id for row in rows})
        found = {row.line_id: engine.options(units_of(row), permitted.get(row.order_id,
                                                                           frozenset()))
                 for row in rows}
        return [found.get(key, []) for key in keys]


class ProgressByOrderIdLoader(DataLoader):
    """Each order's progress from its lines' units and its dispatch count (two queries a
    page); None for an order without units (not at its seller yet)."""

    siblings = ((Order, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        viewer = self.context.viewer
        grouped = group_by(visible_line_units(viewer).filter(order_id__in=keys), "order_id")
        counts = dict(visible_dispatches(viewer).filter(order_id__in=keys)
                      .values("order_id").annotate(n=Count("id"))
                      .values_list("order_id", "n"))
        found = []
        for key in keys:
            lines = [units_of(row) for row in grouped.get(key, [])]
            found.append((engine.progress(lines), counts.get(key, 0)) if lines else None)
        return found
