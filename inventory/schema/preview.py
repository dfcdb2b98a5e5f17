"""``allocationPreview``: where a cart's lines would come from, in which shipments, at what
delivery cost and on which dates, for the active organization (its seller's warehouses).

Nothing is reserved: the plan is ``planning.plan_for``'s, the order's placement takes the
units later under locks. Bad input (an unknown variant, a fraction of a whole unit, an
unknown region, a pickup warehouse that is not the seller's) comes back in ``errors``
with field, code and message; a region in no delivery zone comes back as an error too,
with the plan's shipments unquoted. Rows are loaded in a constant number of queries
(the plan's seven, then variants, warehouses, carriers and supply dates once each).
"""

from __future__ import annotations

from decimal import Decimal

import graphene
from django.utils import timezone

from backend.catalog.models import ProductVariant
from backend.catalog.schema.types import ProductVariantType
from backend.catalog.visibility import visible_variants
from backend.core.errors import CoreErrorCode, DomainValidationError, ErrorDetail
from backend.core.graphql.errors import error_code_for, graphql_enum
from backend.core.graphql.ids import decode_global_id
from backend.core.graphql.mutations import BaseMutation

from ..errors import InventoryError, InventoryErrorCode
from ..models import Carrier, IncomingSupply, Warehouse
from ..services.planning import Address, PlanLine, plan_for
from .types import CarrierType, WarehouseType

CodeEnum = graphql_enum(InventoryErrorCode)
QUANTUM = Decimal("0.001")


class AllocationLineInput(graphene.InputObjectType):
    variant = graphene.ID(required=True)
    quantity = graphene.Decimal(required=True)


class DeliveryAddressInput(graphene.InputObjectType):
    region = graphene.String(required=True, description="An official region name.")
    city = graphene.String()
    latitude = graphene.Decimal()
    longitude = graphene.Decimal()


class MoneyType(graphene.ObjectType):
    amount = graphene.Decimal(required=True)
    currency = graphene.String(required=True)

    class Meta:
        name = "Money"
        description = "An amount in a currency."


class PreviewShipmentLineType(graphene.ObjectType):
    variant = graphene.Field(ProductVariantType, required=True)
    sku = graphene.String(required=True)
    quantity = graphene.Decimal(required=True)
    preorder = graphene.Boolean(required=True, description="Reserved from incoming supply.")
    expected_date = graphene.Date(description="A pre-order's: when the supply arrives.")

    class Meta:
        name = "PreviewShipmentLine"


class PreviewShipmentType(graphene.ObjectType):
    warehouse = graphene.Field(WarehouseType, required=True)
    lines = graphene.List(graphene.NonNull(PreviewShipmentLineType), required=True)
    ready_date = graphene.Date(required=True, description="Ready to leave the warehouse.")
    pickup = graphene.Boolean(required=True)
    carrier = graphene.Field(CarrierType)
    delivery_cost = graphene.Field(MoneyType)
    transit_days = graphene.Int()
    delivery_date = graphene.Date()
    weight_kg = graphene.Decimal(required=True)
    volume_m3 = graphene.Decimal(required=True)
    problem = graphene.Field(CodeEnum, description="NO_RATE or NO_DELIVERY_ZONE: unquoted.")

    class Meta:
        name = "PreviewShipment"
        description = "One warehouse segment leaving on one day, with its delivery."


class StockShortfallType(graphene.ObjectType):
    variant = graphene.Field(ProductVariantType)
    sku = graphene.String(required=True)
    requested = graphene.Decimal(required=True)
    missing = graphene.Decimal(required=True)
    code = graphene.Field(CodeEnum, required=True, description=(
        "NOT_ENOUGH_STOCK, PREORDER_NOT_ALLOWED, ONE_SHIPMENT_IMPOSSIBLE or "
        "PICKUP_NOT_ALLOWED."))

    class Meta:
        name = "StockShortfall"


class AllocationPreviewType(graphene.ObjectType):
    shipments = graphene.List(graphene.NonNull(PreviewShipmentType), required=True)
    shortfalls = graphene.List(graphene.NonNull(StockShortfallType), required=True)
    complete = graphene.Boolean(required=True, description="Every line is covered.")
    delivery_date = graphene.Date(description="When everything has arrived (null while "
                                              "something is short or unquoted).")
    delivery_cost = graphene.Field(MoneyType, description="Every shipment's cost summed.")
    errors = graphene.List(graphene.NonNull(InventoryError), required=True)

    class Meta:
        name = "AllocationPreview"
        description = ("Where a cart would come from: shipments per warehouse with carrier, "
                       "cost and dates; what cannot be supplied; input errors.")


def _failure(errors: list[ErrorDetail]) -> AllocationPreviewType:
    return AllocationPreviewType(
        shipments=[], shortfalls=[], complete=False, errors=[
            InventoryError(field=BaseMutation.api_field(e.field),
                           code=error_code_for(InventoryErrorCode, e.code), message=e.message,
                           skus=e.params.get("skus")) for e in errors])


def resolve_allocation_preview(root, info, lines, address=None, pickup_warehouse=None,
                               one_shipment=False) -> AllocationPreviewType:
    viewer = info.context.viewer
    if not viewer.is_authenticated:
        return _failure([ErrorDetail(CoreErrorCode.AUTHENTICATION_REQUIRED,
                                     "Sign in to see deliveries.")])
    if viewer.organization is None:
        return _failure([ErrorDetail(CoreErrorCode.REQUIRED, "Choose the organization to "
                                     "buy for (X-Organization header).")])
    try:
        plan_lines = [PlanLine(decode_global_id(line["variant"], "ProductVariant",
                                                f"lines.{i}.variant"), line["quantity"])
                      for i, line in enumerate(lines)]
    except DomainValidationError as error:
        return _failure(error.errors)
    return preview_for(viewer, viewer.organization, plan_lines, address, pickup_warehouse,
                       one_shipment)


def preview_for(catalog_viewer, buyer, lines: list[PlanLine], address=None,
                pickup_warehouse=None, one_shipment=False) -> AllocationPreviewType:
    """The preview of ``lines`` for ``buyer``, the variants checked against
    ``catalog_viewer``'s catalog (the buyer's own, for someone ordering on its behalf):
    ``allocationPreview`` and a cart's ``shipmentPreview`` answer through it."""
    try:
        pickup = decode_global_id(pickup_warehouse, "Warehouse", "pickup_warehouse") \
            if pickup_warehouse else None
        plan = plan_for(buyer, _unseen_as_unknown(catalog_viewer, lines), _address(address),
                        pickup, bool(one_shipment), timezone.localdate())
    except DomainValidationError as error:
        return _failure(error.errors)
    return _answer(plan)


def _unseen_as_unknown(viewer, lines: list[PlanLine]) -> list[PlanLine]:
    """A variant the viewer may not see in the catalog is unknown to it here too, as to
    ``node(id:)``: the plan refuses it as UNKNOWN_SKU (beside any other bad line) and never
    names it back."""
    seen = set(visible_variants(viewer).filter(pk__in={line.variant_id for line in lines})
               .values_list("pk", flat=True))
    return [line if line.variant_id in seen else PlanLine(0, line.quantity) for line in lines]


def _address(address) -> Address | None:
    if address is None:
        return None
    return Address(region=address["region"] or "", city=address.get("city") or "",
                   latitude=address.get("latitude"), longitude=address.get("longitude"))


def _answer(plan) -> AllocationPreviewType:
    picks = [p for s in plan.shipments for p in s.shipment.picks]
    variant_ids = {p.variant_id for p in picks} | {s.variant_id for s in plan.shortfalls}
    variants = ProductVariant.objects.in_bulk(variant_ids)
    warehouses = Warehouse.objects.in_bulk({s.shipment.warehouse_id for s in plan.shipments})
    carriers = Carrier.objects.in_bulk({s.quote.carrier_id for s in plan.shipments
                                        if s.quote is not None and s.quote.carrier_id})
    expected = dict(IncomingSupply.objects.filter(
        pk__in={p.supply_id for p in picks if p.supply_id}).values_list("pk", "expected_date"))
    shipments = []
    for delivered in plan.shipments:
        shipment, quote = delivered.shipment, delivered.quote
        shipments.append(PreviewShipmentType(
            warehouse=warehouses[shipment.warehouse_id],
            lines=[PreviewShipmentLineType(
                variant=variants[p.variant_id], sku=p.sku, quantity=_quantity(p.quantity),
                preorder=p.supply_id is not None, expected_date=expected.get(p.supply_id))
                for p in shipment.picks],
            ready_date=shipment.ready_date, pickup=bool(quote and quote.pickup),
            carrier=carriers.get(quote.carrier_id) if quote and quote.carrier_id else None,
            delivery_cost=_money(quote.cost, quote.currency) if quote else None,
            transit_days=quote.transit_days if quote else None,
            delivery_date=quote.delivery_date if quote else None,
            weight_kg=shipment.weight_kg, volume_m3=shipment.volume_m3,
            problem=_code(delivered.problem)))
    errors = []
    if plan.problem is not None and plan.problem.value == "NO_DELIVERY_ZONE":
        errors.append(InventoryError(field="address.region", code=_code(plan.problem),
                                     message="The region is in no delivery zone: delivery "
                                             "cannot be quoted.", skus=None))
    if any(s.reason.value == "PICKUP_NOT_ALLOWED" for s in plan.shortfalls):
        errors.append(InventoryError(field="pickupWarehouse",
                                     code=InventoryErrorCode("PICKUP_NOT_ALLOWED"),
                                     message="This warehouse does not allow pickup.",
                                     skus=None))
    cost = plan.delivery_cost
    return AllocationPreviewType(
        shipments=shipments,
        shortfalls=[StockShortfallType(variant=variants.get(s.variant_id), sku=s.sku,
                                       requested=_quantity(s.requested),
                                       missing=_quantity(s.missing),
                                       code=_code(s.reason)) for s in plan.shortfalls],
        complete=plan.complete, delivery_date=plan.delivery_date,
        delivery_cost=_money(cost, plan.delivery_currency) if cost is not None else None,
        errors=errors)


def _quantity(value: Decimal) -> Decimal:
    """As stock figures are shown: three decimals, whatever the input's."""
    return value.quantize(QUANTUM)


def _money(amount: Decimal, currency: str) -> MoneyType:
    return MoneyType(amount=amount, currency=currency or "RUB")


def _code(value):
    return None if value is None else InventoryErrorCode(value.value)


class PreviewQueries(graphene.ObjectType):
    allocation_preview = graphene.Field(
        AllocationPreviewType, required=True,
        lines=graphene.List(graphene.NonNull(AllocationLineInput), required=True),
        address=DeliveryAddressInput(),
        pickup_warehouse=graphene.ID(),
        one_shipment=graphene.Boolean(default_value=False),
        resolver=resolve_allocation_preview,
        description=("Where the lines would come from for the active organization: its "
                     "seller's warehouses, split into shipments with carrier, cost and "
                     "dates, pre-orders against incoming supply, and what cannot be "
                     "supplied. No address and no pickup: the organization's own region. "
                     "Nothing is reserved."))
