"""The engine's input for a buyer's lines, loaded in a constant number of queries, and the
delivery plan it makes.

A buyer is sold to by its seller (its parent organization): the plan draws on the
seller's active warehouses that its buyers may see (a warehouse whose ``display`` is
HIDDEN serves none of them: the preview names every warehouse it ships from, and a buyer
must not learn of one the seller keeps from it), their available stock (on hand -
allocated) and incoming supply (quantity - reserved), ranked by the seller's strategy
(``SellerStockSettings``, NEAREST when it has none). The destination is the address's
region and its delivery zone, or pickup at one of the seller's warehouses; with neither,
the buyer's own region.
Every shipment's quote may then be replaced by a plugin (the ``delivery_quote`` chain
hook: a carrier's API, say). Nothing is locked or written: ``locks.allocate`` takes the
plan's units inside the order's transaction.

Queries, whatever the number of lines or warehouses: variants, warehouses, stock, supply,
zones, rates, the seller's settings (seven).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import F
from django.utils import timezone

from backend.accounts.models import Organization
from backend.accounts.regions import official_region, region_error
from backend.catalog.models import ProductVariant
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.plugins.manager import get_plugins_manager

from ..engine import types as engine
from ..models import (
    AllocationStrategy,
    DeliveryRate,
    DeliveryZone,
    IncomingSupply,
    QuantityDisplay,
    SellerStockSettings,
    StockItem,
    Warehouse,
)
from .common import Code, quantity_error

if TYPE_CHECKING:
    from ..engine.types import DeliveryPlan

MAX_LINES = 200


@dataclass(frozen=True)
class PlanLine:
    variant_id: int
    quantity: Decimal


@dataclass(frozen=True)
class Address:
    region: str
    city: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    country: str = "RU"


def plan_for(buyer: Organization, lines: Sequence[PlanLine], address: Address | None = None,
             pickup_warehouse_id: int | None = None, one_shipment: bool = False,
             day: date | None = None) -> DeliveryPlan:
    """The delivery plan of ``lines`` for ``buyer``, or ``DomainValidationError`` naming
    every bad input (unknown SKU, a fraction of a whole unit, an unknown region, a pickup
    warehouse that is not its seller's)."""
    request = allocation_request(buyer, lines, address, pickup_warehouse_id, one_shipment,
                                 day or timezone.localdate())
    from ..engine.delivery import plan_delivery

    return with_plugin_quotes(plan_delivery(request), request)


def allocation_request(buyer: Organization, lines: Sequence[PlanLine],
                       address: Address | None, pickup_warehouse_id: int | None,
                       one_shipment: bool, today: date) -> engine.AllocationRequest:
    seller_id = buyer.parent_id
    errors = ErrorCollector()
    if seller_id is None:
        raise DomainValidationError.single(
            Code.NO_SELLER, "Your organization buys from nobody: there is no stock to plan "
                            "from.")
    if not lines:
        errors.add(Code.REQUIRED, "Add at least one line.", "lines")
    elif len(lines) > MAX_LINES:
        errors.add(Code.TOO_MANY_LINES, f"At most {MAX_LINES} lines at once.", "lines")
    errors.raise_if_any()
    engine_lines = _lines(lines, errors)
    if address is not None and (message := region_error(address.country, address.region)):
        errors.add(Code.UNKNOWN_REGION, message, "address.region")
    elif address is not None and not address.region.strip():
        errors.add(Code.REQUIRED, "The address's region is required.", "address.region")
    sources = _sources(seller_id)
    if pickup_warehouse_id is not None and pickup_warehouse_id not in {
            s.warehouse_id for s in sources}:
        errors.add(Code.UNKNOWN_WAREHOUSE, "Pickup is only at one of your seller's "
                                           "warehouses.", "pickup_warehouse")
    errors.raise_if_any()
    zones = _zones()
    sources = tuple(replace(s, location=replace(
        s.location, zone_id=zones.get(s.location.region))) for s in sources)
    warehouse_ids = [s.warehouse_id for s in sources]
    variant_ids = [line.variant_id for line in engine_lines]
    return engine.AllocationRequest(
        lines=engine_lines, sources=sources,
        stock=_stock(warehouse_ids, variant_ids), supply=_supply(warehouse_ids, variant_ids),
        destination=_destination(buyer, address, pickup_warehouse_id, zones),
        strategy=_strategy(seller_id), today=today, one_shipment=one_shipment,
        rates=_rates())


def with_plugin_quotes(plan: DeliveryPlan, request: engine.AllocationRequest) -> DeliveryPlan:
    """Each shipment's quote through the ``delivery_quote`` chain hook; a quote a plugin
    gives clears the shipment's problem."""
    manager = get_plugins_manager()
    shipments = []
    for delivered in plan.shipments:
        quote = manager.run("delivery_quote", delivered.quote, delivered.shipment,
                            request.destination)
        if quote is not delivered.quote:
            delivered = replace(delivered, quote=quote,
                                problem=None if quote is not None else delivered.problem)
        shipments.append(delivered)
    problems = {s.problem for s in shipments}
    problem = next((p for p in (engine.QuoteProblem.NO_DELIVERY_ZONE,
                                engine.QuoteProblem.NO_RATE) if p in problems), None)
    return replace(plan, shipments=tuple(shipments), problem=problem)


def _lines(lines: Sequence[PlanLine], errors: ErrorCollector) -> tuple[engine.Line, ...]:
    ids = {line.variant_id for line in lines}
    variants = {row[0]: row for row in ProductVariant.objects.filter(pk__in=ids).values_list(
        "pk", "sku", "unit", "weight_kg", "volume_m3", "product__preorder_allowed")}
    seen: set[int] = set()
    found = []
    for index, line in enumerate(lines):
        field = f"lines.{index}"
        row = variants.get(line.variant_id)
        if row is None:
            errors.add(Code.UNKNOWN_SKU, "No such item in the catalog.", f"{field}.variant")
            continue
        _pk, sku, unit, weight, volume, preorder = row
        if line.variant_id in seen:
            errors.add(Code.DUPLICATE_LINE, f"{sku} is on two lines: combine them.",
                       f"{field}.variant", skus=[sku])
            continue
        seen.add(line.variant_id)
        if problem := quantity_error(line.quantity, unit, positive=True):
            errors.add(problem[0], f"{sku}: {problem[1]}", f"{field}.quantity", skus=[sku])
            continue
        found.append(engine.Line(key=index, variant_id=line.variant_id, sku=sku,
                                 quantity=Decimal(line.quantity), preorder_allowed=preorder,
                                 weight_kg=weight or Decimal(0),
                                 volume_m3=volume or Decimal(0)))
    return tuple(found)


def _sources(seller_id: int) -> tuple[engine.Source, ...]:
    rows = (Warehouse.objects.filter(owner_id=seller_id, is_active=True)
            .exclude(display=QuantityDisplay.HIDDEN).order_by("pk"))
    return tuple(engine.Source(
        warehouse_id=w.pk, code=w.code,
        location=engine.Location(region=w.region, latitude=w.latitude, longitude=w.longitude),
        priority=w.priority, handling_days=w.handling_days, pickup_allowed=w.pickup_allowed)
        for w in rows)


def _stock(warehouse_ids: list[int], variant_ids: list[int]) -> tuple[engine.Stock, ...]:
    rows = (StockItem.objects.filter(warehouse_id__in=warehouse_ids, variant_id__in=variant_ids,
                                     on_hand__gt=F("allocated"))
            .annotate(free=F("on_hand") - F("allocated"))
            .order_by("warehouse_id", "variant_id")
            .values_list("warehouse_id", "variant_id", "free"))
    return tuple(engine.Stock(warehouse_id=w, variant_id=v, available=free)
                 for w, v, free in rows)


def _supply(warehouse_ids: list[int], variant_ids: list[int]) -> tuple[engine.Supply, ...]:
    rows = (IncomingSupply.objects.filter(warehouse_id__in=warehouse_ids,
                                          variant_id__in=variant_ids,
                                          quantity__gt=F("reserved"))
            .annotate(free=F("quantity") - F("reserved"))
            .order_by("expected_date", "pk")
            .values_list("pk", "warehouse_id", "variant_id", "free", "expected_date"))
    return tuple(engine.Supply(supply_id=pk, warehouse_id=w, variant_id=v, available=free,
                               expected_date=expected) for pk, w, v, free, expected in rows)


def _zones() -> dict[str, int]:
    """Each region's delivery zone (a region is in one zone; the first by id wins)."""
    zones: dict[str, int] = {}
    for pk, regions in DeliveryZone.objects.order_by("pk").values_list("pk", "regions"):
        for region in regions:
            zones.setdefault(region, pk)
    return zones


def _rates() -> tuple[engine.Rate, ...]:
    rows = (DeliveryRate.objects.filter(carrier__is_active=True).select_related("carrier")
            .order_by("pk"))
    return tuple(engine.Rate(
        carrier_id=r.carrier_id, carrier_code=r.carrier.code, carrier_name=r.carrier.name,
        origin_zone_id=r.origin_zone_id, destination_zone_id=r.destination_zone_id,
        currency=r.currency, per_kg=r.per_kg, per_m3=r.per_m3, min_charge=r.min_charge,
        transit_days=r.transit_days, max_weight_kg=r.max_weight_kg) for r in rows)


def _strategy(seller_id: int) -> engine.Strategy:
    chosen = (SellerStockSettings.objects.filter(organization_id=seller_id)
              .values_list("strategy", flat=True).first())
    return engine.Strategy(chosen or AllocationStrategy.NEAREST.value)


def _destination(buyer: Organization, address: Address | None, pickup_warehouse_id: int | None,
                 zones: dict[str, int]) -> engine.Destination:
    if pickup_warehouse_id is not None:
        return engine.Destination(pickup_warehouse_id=pickup_warehouse_id)
    if address is None:
        region = official_region(buyer.country, buyer.region)
        return engine.Destination(location=engine.Location(region=region,
                                                           zone_id=zones.get(region)))
    region = official_region(address.country, address.region)
    return engine.Destination(location=engine.Location(
        region=region, zone_id=zones.get(region), latitude=address.latitude,
        longitude=address.longitude))
