"""locks.allocate / release in one transaction: stock picks into allocated, pre-order
picks into their supply's reserved, movements written; any shortfall changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from backend.core.errors import DomainValidationError
from inventory.engine.types import (
    AllocationPlan,
    Pick,
    PlannedShipment,
    Shortfall,
    ShortfallReason,
)
from inventory.models import IncomingSupply, StockItem, StockMovement
from inventory.services.locks import InsufficientStock, allocate, release
from tests.fixtures.inventory_write import *  # noqa: F403

TODAY = date(2026, 11, 30)


def plan_of(*picks: tuple) -> AllocationPlan:
    """(warehouse, variant, quantity[, supply]) picks, one shipment per pick."""
    shipments = []
    for index, (warehouse, variant, quantity, *supply) in enumerate(picks):
        pick = Pick(line_key=index, variant_id=variant.pk, sku=variant.sku,
                    warehouse_id=warehouse.pk, quantity=Decimal(quantity),
                    supply_id=supply[0].pk if supply else None, ready_date=TODAY)
        shipments.append(PlannedShipment(warehouse.pk, (pick,), TODAY, Decimal(0), Decimal(0)))
    return AllocationPlan(tuple(shipments), ())


def figures(warehouse, variant):
    item = StockItem.objects.get(warehouse=warehouse, variant=variant)
    return item.on_hand, item.allocated


def test_allocate_then_release(stock_world, staff_user):
    w = stock_world
    supply = IncomingSupply.objects.create(warehouse=w["moscow"], variant=w["pieces"],
                                           quantity=5, expected_date=TODAY + timedelta(9))
    plan = plan_of((w["moscow"], w["pieces"], 8), (w["moscow"], w["pieces"], 3, supply))
    allocate(plan, reference="ORD-1", user=staff_user, organization=w["dealer_a"])
    assert figures(w["moscow"], w["pieces"]) == (10, 10)
    supply.refresh_from_db()
    assert supply.reserved == 3
    assert sorted(StockMovement.objects.values_list("reason", "allocated_delta", "reference")) \
        == [("ALLOCATION", 8, "ORD-1"), ("PREORDER", 0, "ORD-1")]
    release(plan, reference="ORD-1")
    assert figures(w["moscow"], w["pieces"]) == (10, 2)
    supply.refresh_from_db()
    assert supply.reserved == 0


def test_a_shortfall_on_one_row_changes_nothing(stock_world):
    w = stock_world
    StockItem.objects.create(warehouse=w["krasnodar"], variant=w["pieces"], on_hand=4)
    plan = plan_of((w["krasnodar"], w["pieces"], 4), (w["moscow"], w["pieces"], 9),
                   (w["moscow"], w["meters"], 1))
    with pytest.raises(InsufficientStock) as raised:
        allocate(plan, reference="ORD-2")
    # 9 asked where 8 are free; the meters have no stock row at all.
    assert sorted((e.code_value, e.params["skus"][0], e.params["missing"])
                  for e in raised.value.errors) == sorted([
        ("NOT_ENOUGH_STOCK", w["pieces"].sku, 1), ("NOT_ENOUGH_STOCK", w["meters"].sku, 1)])
    assert figures(w["krasnodar"], w["pieces"]) == (4, 0)
    assert figures(w["moscow"], w["pieces"]) == (10, 2)
    assert not StockMovement.objects.exists()


def test_a_plan_with_shortfalls_is_refused(stock_world):
    w = stock_world
    plan = AllocationPlan((), (Shortfall(0, w["pieces"].pk, w["pieces"].sku, Decimal(5),
                                         Decimal(5), ShortfallReason.PREORDER_NOT_ALLOWED),))
    with pytest.raises(InsufficientStock) as raised:
        allocate(plan, reference="ORD-3")
    assert [e.code_value for e in raised.value.errors] == ["PREORDER_NOT_ALLOWED"]


def test_releasing_more_than_held_is_refused(stock_world):
    w = stock_world
    with pytest.raises(DomainValidationError) as raised:
        release(plan_of((w["moscow"], w["pieces"], 3)), reference="ORD-4")
    assert [e.code_value for e in raised.value.errors] == ["INVALID"]
    assert figures(w["moscow"], w["pieces"]) == (10, 2)
