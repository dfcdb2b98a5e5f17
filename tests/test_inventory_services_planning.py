"""planning.plan_for: the engine's input loaded in a constant number of queries, the
destination's delivery zone, the seller's strategy, bad input refused with a code, and the
delivery_quote hook replacing the rate table's quote."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.catalog.models import Product, ProductVariant
from backend.core.errors import DomainValidationError
from backend.core.plugins.base import BasePlugin
from backend.core.plugins.manager import PluginManager
from inventory.engine.types import Quote, QuoteProblem, ShortfallReason
from inventory.models import (
    Carrier,
    DeliveryRate,
    DeliveryZone,
    IncomingSupply,
    SellerStockSettings,
    StockItem,
)
from inventory.services import planning
from inventory.services.planning import Address, PlanLine, plan_for
from tests.fixtures.inventory_write import *  # noqa: F403

TODAY = date(2026, 11, 30)


@pytest.fixture
def tariff(stock_world):
    center = DeliveryZone.objects.create(name="Центр", regions=["Москва", "Московская область"])
    south = DeliveryZone.objects.create(name="Юг", regions=["Краснодарский край"])
    carrier = Carrier.objects.create(code="TK", name="ТК")
    for origin, destination, days in ((center, center, 1), (south, center, 4),
                                      (south, south, 1), (center, south, 4)):
        DeliveryRate.objects.create(carrier=carrier, origin_zone=origin,
                                    destination_zone=destination, per_kg=Decimal(10),
                                    min_charge=Decimal(500), transit_days=days)
    return {"center": center, "south": south, "carrier": carrier}


def lines(*pairs):
    return [PlanLine(variant.pk, Decimal(quantity)) for variant, quantity in pairs]


def test_a_split_across_warehouses_with_quotes(stock_world, tariff):
    w = stock_world
    StockItem.objects.create(warehouse=w["krasnodar"], variant=w["pieces"], on_hand=20)
    plan = plan_for(w["dealer_a"], lines((w["pieces"], 12)), day=TODAY)
    assert plan.complete and plan.problem is None
    picked = {s.shipment.warehouse_id: sum(p.quantity for p in s.shipment.picks)
              for s in plan.shipments}
    assert picked == {w["moscow"].pk: 8, w["krasnodar"].pk: 4}  # 10 on hand - 2 allocated
    assert all(s.quote is not None and s.quote.carrier_code == "TK" for s in plan.shipments)
    assert plan.delivery_cost == Decimal(1000)


def test_loads_in_a_constant_number_of_queries(stock_world, tariff):
    w = stock_world
    few = lines((w["pieces"], 1))
    many = [PlanLine(v.pk, Decimal(1)) for v in ProductVariant.objects.order_by("pk")]
    counts = []
    for chosen in (few, many):
        with CaptureQueriesContext(connection) as queries:
            plan_for(w["dealer_a"], chosen, day=TODAY)
        counts.append(len(queries))
    assert len(many) > 4
    assert counts[0] == counts[1] == 7


def test_pre_orders_and_shortfalls(stock_world, tariff):
    w = stock_world
    IncomingSupply.objects.create(warehouse=w["moscow"], variant=w["pieces"], quantity=5,
                                  reserved=1, expected_date=TODAY + timedelta(days=20))
    plan = plan_for(w["dealer_a"], lines((w["pieces"], 10)), day=TODAY)
    assert [(s.sku, s.missing, s.reason) for s in plan.shortfalls] == [
        (w["pieces"].sku, Decimal(2), ShortfallReason.PREORDER_NOT_ALLOWED)]
    Product.objects.filter(pk=w["pieces"].product_id).update(preorder_allowed=True)
    plan = plan_for(w["dealer_a"], lines((w["pieces"], 10)), day=TODAY)
    assert plan.complete
    preordered = [p for s in plan.shipments for p in s.shipment.picks if p.supply_id]
    assert [p.quantity for p in preordered] == [2]


def test_no_delivery_zone_and_pickup(stock_world, tariff):
    w = stock_world
    plan = plan_for(w["dealer_a"], lines((w["pieces"], 1)), Address(region="Приморский край"),
                    day=TODAY)
    assert plan.problem == QuoteProblem.NO_DELIVERY_ZONE
    plan = plan_for(w["dealer_a"], lines((w["pieces"], 1)), pickup_warehouse_id=w["moscow"].pk,
                    day=TODAY)
    assert plan.complete and plan.shipments[0].quote.pickup
    plan = plan_for(w["dealer_a"], lines((w["pieces"], 1)),
                    pickup_warehouse_id=w["krasnodar"].pk, day=TODAY)
    assert [s.reason for s in plan.shortfalls] == [ShortfallReason.PICKUP_NOT_ALLOWED]


def test_the_sellers_strategy(stock_world, tariff):
    w = stock_world
    StockItem.objects.create(warehouse=w["krasnodar"], variant=w["pieces"], on_hand=20)
    SellerStockSettings.objects.create(organization=w["factory"], strategy="FEWEST_SHIPMENTS")
    plan = plan_for(w["dealer_a"], lines((w["pieces"], 12)), day=TODAY)
    assert [s.shipment.warehouse_id for s in plan.shipments] == [w["krasnodar"].pk]


@pytest.mark.parametrize(("build", "expected"), [
    (lambda w: dict(lines=[PlanLine(10**9, Decimal(1))]), [("UNKNOWN_SKU", "lines.0.variant")]),
    (lambda w: dict(lines=lines((w["pieces"], "1.5"))),
     [("FRACTIONAL_QUANTITY", "lines.0.quantity")]),
    (lambda w: dict(lines=lines((w["pieces"], -1))), [("INVALID_QUANTITY", "lines.0.quantity")]),
    (lambda w: dict(lines=lines((w["pieces"], 1), (w["pieces"], 2))),
     [("DUPLICATE_LINE", "lines.1.variant")]),
    (lambda w: dict(lines=[]), [("REQUIRED", "lines")]),
    (lambda w: dict(lines=lines((w["pieces"], 1)), address=Address(region="Нарния")),
     [("UNKNOWN_REGION", "address.region")]),
    (lambda w: dict(lines=lines((w["pieces"], 1)), pickup_warehouse_id=w["center"].pk),
     [("UNKNOWN_WAREHOUSE", "pickup_warehouse")]),
])
def test_bad_input(stock_world, build, expected):
    with pytest.raises(DomainValidationError) as raised:
        plan_for(stock_world["dealer_a"], day=TODAY, **build(stock_world))
    assert [(e.code_value, e.field) for e in raised.value.errors] == expected


def test_the_manufacturer_buys_from_nobody(stock_world):
    with pytest.raises(DomainValidationError) as raised:
        plan_for(stock_world["factory"], lines((stock_world["pieces"], 1)), day=TODAY)
    assert [e.code_value for e in raised.value.errors] == ["NO_SELLER"]


class _CarrierApi(BasePlugin):
    PLUGIN_ID = "carrier-api"

    def delivery_quote(self, shipment, destination, *, previous_value):
        return Quote(carrier_id=None, carrier_code="API", carrier_name="API", cost=Decimal(1),
                     currency="RUB", transit_days=2, delivery_date=shipment.ready_date)


def test_the_delivery_quote_hook_replaces_the_quote(stock_world, monkeypatch):
    manager = PluginManager([])
    manager.plugins = [_CarrierApi()]
    monkeypatch.setattr(planning, "get_plugins_manager", lambda: manager)
    # No zones, no rates: the table quotes nothing; the plugin does.
    plan = plan_for(stock_world["dealer_a"], lines((stock_world["pieces"], 1)), day=TODAY)
    assert plan.problem is None
    assert [s.quote.carrier_code for s in plan.shipments] == ["API"]
