"""Unit statuses in the API: ``OrderLine.units`` / ``promisedDate`` / ``allowedMoves``,
``Order.progress`` / ``dispatches``, the ``Dispatch`` node, and the mutations
``orderLineUnitsMove`` (bulk over the lines of one order) and ``orderLineQuantityChange``.

Progress is derived on every read from the lines' units (``engine.progress``), never
stored. Which moves the viewer may make is the engine's, fed by one loader per page.
"""

from __future__ import annotations

from decimal import Decimal

import graphene

from backend.accounts.schema.types import PersonSummaryType
from backend.catalog.schema.types import UnitEnum
from backend.core.errors import DomainValidationError
from backend.core.graphql.cost import MUTATION_WEIGHT, FieldCost
from backend.core.graphql.extend import add_fields
from backend.core.graphql.ids import decode_global_id
from backend.core.graphql.types import ModelObjectType
from backend.orders.models import Order, OrderLine
from backend.orders.schema.types import OrderLineType, OrderType

from .. import engine
from ..errors import WorkflowErrorCode as Code
from ..models import DISPATCH_NUMBERS, Dispatch, DispatchLine
from ..packing_list import packing_list_url
from ..services.dispatches import DispatchData
from ..services.line_changes import change_quantity
from ..services.units import UnitMove, move_units
from ..visibility import visible_dispatches
from . import unit_loaders as loaders
from .errors import WorkflowMutation

UnitStatusEnum = graphene.Enum("UnitStatus", [(s.value, s.value) for s in engine.STATUSES])
FulfilmentStateEnum = graphene.Enum("FulfilmentState",
                                    [(s.value, s.value) for s in engine.FulfilmentState])


class LineUnitsType(graphene.ObjectType):
    """A quantity split by unit status; the statuses add up to the line's quantity."""

    pending = graphene.Decimal(required=True)
    in_production = graphene.Decimal(required=True)
    ready = graphene.Decimal(required=True)
    shipped = graphene.Decimal(required=True)
    delivered = graphene.Decimal(required=True)
    at_dealer = graphene.Decimal(required=True, description="In stock at the reselling "
                                                            "dealer.")
    sold = graphene.Decimal(required=True, description="Sold on by the reselling dealer.")
    cancelled = graphene.Decimal(required=True)

    class Meta:
        name = "LineUnits"


class UnitMoveOptionType(graphene.ObjectType):
    source = graphene.Field(UnitStatusEnum, required=True, name="from")
    target = graphene.Field(UnitStatusEnum, required=True, name="to")
    max = graphene.Decimal(required=True, description="The units the source status holds.")

    class Meta:
        name = "UnitMoveOption"


class OrderProgressType(graphene.ObjectType):
    state = graphene.Field(FulfilmentStateEnum, required=True)
    line_count = graphene.Int(required=True, description="Lines with a unit not cancelled.")
    lines_ready = graphene.Int(required=True, description="Lines all of whose active units "
                                                          "are ready or further on.")
    lines_shipped = graphene.Int(required=True)
    lines_delivered = graphene.Int(required=True)
    dispatch_count = graphene.Int(required=True)
    units = graphene.Field(LineUnitsType, required=True,
                           description="The order's units per status.")

    class Meta:
        name = "OrderProgress"


class DispatchLineType(graphene.ObjectType):
    line = graphene.Field(OrderLineType, required=True)
    sku = graphene.String(required=True)
    name = graphene.String(required=True)
    unit = graphene.Field(UnitEnum, required=True)
    quantity = graphene.Decimal(required=True)

    class Meta:
        name = "DispatchLine"

    @staticmethod
    def resolve_line(root: DispatchLine, info):
        return root.line

    @staticmethod
    def resolve_sku(root: DispatchLine, info):
        return root.line.sku

    @staticmethod
    def resolve_name(root: DispatchLine, info):
        return root.line.name

    @staticmethod
    def resolve_unit(root: DispatchLine, info):
        return root.line.unit


def _language(info) -> str:
    user = info.context.viewer.user
    return getattr(user, "language", None) or "ru"


class DispatchType(ModelObjectType):
    number = graphene.String(required=True, description="«О-000042» (ru) / «D-000042» (en), "
                                                        "in the viewer's language.")
    warehouse_name = graphene.String(required=True, description="Empty when the units left "
                                                                "from several warehouses.")
    created_by = graphene.Field(PersonSummaryType, required=True)
    lines = graphene.List(graphene.NonNull(DispatchLineType), required=True)
    packing_list_url = graphene.String(required=True, description=(
        "The packing list's page (relative URL), for the browser to print."))

    class Meta:
        model = Dispatch
        name = "Dispatch"
        visible = visible_dispatches
        fields = ("id", "document_number", "carrier_name", "tracking_number", "comment",
                  "shipped_at")
        description = "Units that left together, with the seller's document and carrier."

    @staticmethod
    def resolve_number(root: Dispatch, info):
        return DISPATCH_NUMBERS.format(root.number, _language(info))

    @staticmethod
    def resolve_warehouse_name(root: Dispatch, info):
        if root.warehouse_id is None:
            return ""
        return loaders.DispatchWarehouseNameLoader(info.context).load(root.warehouse_id)

    @staticmethod
    def resolve_created_by(root: Dispatch, info):
        return loaders.DispatchPersonLoader(info.context).load(root.created_by_id)

    @staticmethod
    def resolve_lines(root: Dispatch, info):
        return loaders.DispatchLinesByDispatchIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_packing_list_url(root: Dispatch, info):
        return packing_list_url(info.context.viewer, root.pk)


def resolve_line_units(root: OrderLine, info):
    return loaders.UnitsByLineIdLoader(info.context).load(root.pk)


def resolve_promised_date(root: OrderLine, info):
    return loaders.UnitsByLineIdLoader(info.context).load_then(
        root.pk, lambda row: row.promised_date if row is not None else None)


def resolve_allowed_moves(root: OrderLine, info):
    return loaders.MoveOptionsByLineIdLoader(info.context).load_then(
        root.pk, lambda found: [{"source": source.value, "target": target.value, "max": most}
                                for source, target, most in found])


def _progress(found):
    if found is None:
        return None
    progress, dispatches = found
    return {"state": progress.state.value, "line_count": progress.line_count,
            "lines_ready": progress.lines_ready, "lines_shipped": progress.lines_shipped,
            "lines_delivered": progress.lines_delivered, "dispatch_count": dispatches,
            "units": progress.units.columns()}


def resolve_progress(root: Order, info):
    return loaders.ProgressByOrderIdLoader(info.context).load_then(root.pk, _progress)


def resolve_dispatches(root: Order, info):
    return loaders.DispatchesByOrderIdLoader(info.context).load(root.pk)


add_fields(
    OrderLineType,
    units=graphene.Field(LineUnitsType, resolver=resolve_line_units, description=(
        "The line's quantity by unit status; null before the order reaches its seller.")),
    promised_date=graphene.Field(graphene.Date, resolver=resolve_promised_date,
                                 description="The date the seller promises."),
    allowed_moves=graphene.Field(
        graphene.List(graphene.NonNull(UnitMoveOptionType), required=True),
        resolver=resolve_allowed_moves, required=True, description=(
            "The unit moves the viewer may make on this line now (orderLineUnitsMove).")),
)
add_fields(
    OrderType,
    progress=graphene.Field(OrderProgressType, resolver=resolve_progress, description=(
        "Derived from the lines' units on every read; null before the order reaches its "
        "seller.")),
    dispatches=graphene.Field(graphene.List(graphene.NonNull(DispatchType), required=True),
                              resolver=resolve_dispatches, required=True,
                              description="What left the warehouse, oldest first."),
)


class UnitMoveInput(graphene.InputObjectType):
    line = graphene.ID(required=True, description="An OrderLine of the order.")
    source = graphene.Field(UnitStatusEnum, required=True, name="from")
    target = graphene.Field(UnitStatusEnum, required=True, name="to")
    quantity = graphene.Decimal(required=True)


class DispatchInput(graphene.InputObjectType):
    document_number = graphene.String(description="The seller's own document (waybill).")
    carrier = graphene.ID(description="A Carrier.")
    carrier_name = graphene.String(description="When the carrier is not in the list.")
    tracking_number = graphene.String()
    comment = graphene.String()


def _status(value) -> engine.UnitStatus:
    return engine.UnitStatus(getattr(value, "value", value))


class OrderLineUnitsMove(WorkflowMutation):
    order = graphene.Field(OrderType)
    dispatch = graphene.Field(DispatchType, description="Made when units moved READY -> "
                                                        "SHIPPED.")

    class Arguments:
        id = graphene.ID(required=True, description="The order.")
        moves = graphene.List(graphene.NonNull(UnitMoveInput), required=True, description=(
            "Made one after another, all or none."))
        dispatch = DispatchInput(description="About the dispatch READY -> SHIPPED makes.")

    class Meta:
        description = ("Move units of the order's lines between statuses (bulk). READY -> "
                       "SHIPPED units become one dispatch and leave stock; cancelled units "
                       "give their stock back.")

    @classmethod
    def perform_mutation(cls, root, info, id, moves, dispatch=None):
        pk = decode_global_id(id, "Order", "id")
        requested = [UnitMove(decode_global_id(m.line, "OrderLine", f"moves.{i}.line"),
                              _status(m.source), _status(m.target), Decimal(m.quantity))
                     for i, m in enumerate(moves)]
        data = None
        if dispatch is not None:
            carrier = (decode_global_id(dispatch.carrier, "Carrier", "dispatch.carrier")
                       if dispatch.carrier else None)
            data = DispatchData(document_number=dispatch.document_number or "",
                                carrier_id=carrier, carrier_name=dispatch.carrier_name or "",
                                tracking_number=dispatch.tracking_number or "",
                                comment=dispatch.comment or "")
        result = move_units(info.context.viewer, pk, requested, data)
        return cls(order=result.order, dispatch=result.dispatch)


class OrderLineQuantityChange(WorkflowMutation):
    order = graphene.Field(OrderType)
    line = graphene.Field(OrderLineType)

    class Arguments:
        line = graphene.ID(required=True)
        quantity = graphene.Decimal(required=True)
        version = graphene.Int(description="The moderation version read; CONCURRENT_CHANGE "
                                           "when the order changed since.")

    class Meta:
        description = ("The buyer changes a line's quantity while the order is open: only "
                       "pending units change; stock is given back or taken; totals follow.")

    @classmethod
    def perform_mutation(cls, root, info, line, quantity, version=None):
        pk = decode_global_id(line, "OrderLine", "line")
        if quantity is None:
            raise DomainValidationError.single(Code.REQUIRED, "Say the quantity.", "quantity")
        changed = change_quantity(info.context.viewer, pk, Decimal(quantity), version)
        return cls(order=changed.order, line=changed)


class Mutations(graphene.ObjectType):
    order_line_units_move = OrderLineUnitsMove.Field()
    order_line_quantity_change = OrderLineQuantityChange.Field()


# An order's dispatches (and their lines) load for the whole page in one query each: a
# few rows per order. Progress and allowed moves read the page's units in one query.
COSTS = {
    "Order.dispatches": FieldCost(2),
    "Dispatch.lines": FieldCost(2),
    "Order.progress": FieldCost(1),
    "OrderLine.allowedMoves": FieldCost(1),
    "Mutation.orderLineUnitsMove": FieldCost(MUTATION_WEIGHT * 2),
}
