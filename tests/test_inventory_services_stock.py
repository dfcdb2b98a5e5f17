"""The stock services: a person's edits, many figures at once (ERP, upload), incoming
supply and leftovers. Every change is a movement; a refused change leaves nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from backend.core.errors import DomainValidationError
from inventory.models import IncomingSupply, Leftover, MovementReason, StockItem, StockMovement
from inventory.services.common import Actor
from inventory.services.erp import apply_stock_levels
from inventory.services.leftovers import LeftoverData, save_leftover
from inventory.services.stock import adjust_stock, set_stock
from inventory.services.supply import (
    SupplyData,
    create_supply,
    delete_supply,
    receive_supply,
    update_supply,
)
from tests.fixtures.inventory_write import *  # noqa: F403

TODAY = date(2026, 11, 30)


def codes(raised) -> list[str]:
    return [e.code_value for e in raised.value.errors]


def stock(warehouse, variant) -> tuple[Decimal, Decimal]:
    item = StockItem.objects.filter(warehouse=warehouse, variant=variant).first()
    return (item.on_hand, item.allocated) if item else (Decimal(0), Decimal(0))


def test_set_stock_writes_the_figure_and_a_movement(stock_world, staff_user):
    w, v = stock_world["moscow"], stock_world["pieces"]
    set_stock(w, v, Decimal(25), actor=Actor(staff_user, stock_world["factory"]),
              comment="inventory count")
    assert stock(w, v) == (25, 2)
    move = StockMovement.objects.get(variant=v)
    assert (move.reason, move.on_hand_delta, move.on_hand_after, move.allocated_after,
            move.user, move.comment) == (MovementReason.ADJUSTMENT, 15, 25, 2, staff_user,
                                         "inventory count")


def test_set_stock_creates_the_row_of_a_new_variant(stock_world):
    set_stock(stock_world["center"], stock_world["meters"], Decimal("12.5"))
    assert stock(stock_world["center"], stock_world["meters"]) == (Decimal("12.5"), 0)


@pytest.mark.parametrize(("variant", "value", "code"), [
    ("pieces", Decimal("-1"), "INVALID_QUANTITY"),
    ("pieces", Decimal("2.5"), "FRACTIONAL_QUANTITY"),
    ("meters", Decimal("1.0001"), "INVALID_QUANTITY"),
    ("pieces", Decimal("1"), "ALLOCATED_EXCEEDS_ON_HAND"),  # 2 are allocated
    ("pieces", Decimal("1e12"), "INVALID_QUANTITY"),
])
def test_set_stock_refuses_bad_figures_and_changes_nothing(stock_world, variant, value, code):
    w, v = stock_world["moscow"], stock_world[variant]
    before = stock(w, v)
    with pytest.raises(DomainValidationError) as raised:
        set_stock(w, v, value)
    assert codes(raised) == [code]
    assert stock(w, v) == before
    assert not StockMovement.objects.exists()


def test_adjust_stock_adds_and_takes(stock_world):
    w, v = stock_world["moscow"], stock_world["pieces"]
    adjust_stock(w, v, Decimal(5), reason=MovementReason.RECEIPT)
    adjust_stock(w, v, Decimal(-3))
    assert stock(w, v) == (12, 2)
    assert list(StockMovement.objects.order_by("pk").values_list("reason", "on_hand_delta")) \
        == [("RECEIPT", 5), ("ADJUSTMENT", -3)]


@pytest.mark.parametrize(("delta", "reason", "code"), [
    (Decimal(-9), MovementReason.ADJUSTMENT, "ALLOCATED_EXCEEDS_ON_HAND"),  # 10 - 9 < 2
    (Decimal(-11), MovementReason.ADJUSTMENT, "INVALID_QUANTITY"),
    (Decimal(0), MovementReason.ADJUSTMENT, "INVALID_QUANTITY"),
    (Decimal("0.5"), MovementReason.ADJUSTMENT, "FRACTIONAL_QUANTITY"),
    (Decimal(-1), MovementReason.RECEIPT, "INVALID_QUANTITY"),
    (Decimal(1), MovementReason.ALLOCATION, "INVALID"),
])
def test_adjust_stock_refuses(stock_world, delta, reason, code):
    w, v = stock_world["moscow"], stock_world["pieces"]
    with pytest.raises(DomainValidationError) as raised:
        adjust_stock(w, v, delta, reason=reason)
    assert code in codes(raised)
    assert stock(w, v) == (10, 2)


def test_erp_levels_partial_and_full(stock_world):
    w, pieces, meters = stock_world["moscow"], stock_world["pieces"], stock_world["meters"]
    result = apply_stock_levels(w, [(meters.sku, Decimal("7.25"))], reference="ERP-1")
    assert (result.added, result.changed, result.zeroed) == (1, 0, 0)
    assert stock(w, pieces) == (10, 2)  # not named, partial: kept
    result = apply_stock_levels(w, [(meters.sku, Decimal("7.25"))], reference="ERP-2",
                                full=True)
    assert (result.added, result.changed, result.unchanged, result.zeroed) == (0, 0, 1, 1)
    # Not named in a full exchange: nothing available any more, what orders hold stays.
    assert stock(w, pieces) == (2, 2)
    assert set(StockMovement.objects.values_list("reason", flat=True)) == {"ERP_SYNC"}


def test_erp_levels_are_all_or_nothing(stock_world):
    w, pieces, meters = stock_world["moscow"], stock_world["pieces"], stock_world["meters"]
    with pytest.raises(DomainValidationError) as raised:
        apply_stock_levels(w, [(meters.sku, Decimal(3)), ("NO-SUCH", Decimal(1)),
                               (pieces.sku, Decimal(1))])
    assert codes(raised) == ["UNKNOWN_SKU"]
    with pytest.raises(DomainValidationError) as raised:
        apply_stock_levels(w, [(meters.sku, Decimal(3)), (pieces.sku, Decimal(1))])
    assert codes(raised) == ["ALLOCATED_EXCEEDS_ON_HAND"]
    assert raised.value.errors[0].params["skus"] == [pieces.sku]
    assert stock(w, meters) == (0, 0)
    assert stock(w, pieces) == (10, 2)
    assert not StockMovement.objects.exists()


def test_supply_lifecycle(stock_world):
    w, v = stock_world["moscow"], stock_world["pieces"]
    supply = create_supply(w, v, SupplyData(Decimal(30), TODAY + timedelta(days=10), "PO-1"),
                           today=TODAY)
    update_supply(supply, SupplyData(quantity=Decimal(40)), today=TODAY)
    IncomingSupply.objects.filter(pk=supply.pk).update(reserved=15)  # pre-orders took some
    with pytest.raises(DomainValidationError) as raised:
        update_supply(supply, SupplyData(quantity=Decimal(10)), today=TODAY)
    assert codes(raised) == ["RESERVED_EXCEEDS_QUANTITY"]
    with pytest.raises(DomainValidationError) as raised:
        delete_supply(supply)
    assert codes(raised) == ["SUPPLY_RESERVED"]
    receive_supply(supply, Decimal(25))
    # 25 arrived: the 15 pre-ordered become allocated stock, 15 still expected.
    assert stock(w, v) == (35, 17)
    supply.refresh_from_db()
    assert (supply.quantity, supply.reserved) == (15, 0)
    receive_supply(supply)
    assert stock(w, v) == (50, 17)
    assert not IncomingSupply.objects.exists()
    assert list(StockMovement.objects.order_by("pk").values_list("reason", flat=True)) == [
        "SUPPLY_PLANNED", "SUPPLY_PLANNED", "SUPPLY_ARRIVED", "SUPPLY_ARRIVED"]


@pytest.mark.parametrize(("data", "code"), [
    (SupplyData(Decimal(0), TODAY), "INVALID_QUANTITY"),
    (SupplyData(Decimal("1.5"), TODAY), "FRACTIONAL_QUANTITY"),
    (SupplyData(Decimal(1), TODAY - timedelta(days=1)), "INVALID"),
    (SupplyData(None, TODAY), "REQUIRED"),
])
def test_supply_refuses_bad_input(stock_world, data, code):
    with pytest.raises(DomainValidationError) as raised:
        create_supply(stock_world["moscow"], stock_world["pieces"], data, today=TODAY)
    assert codes(raised) == [code]
    assert not IncomingSupply.objects.exists()


def test_receive_more_than_expected_is_refused(stock_world):
    supply = create_supply(stock_world["moscow"], stock_world["pieces"],
                           SupplyData(Decimal(5), TODAY), today=TODAY)
    with pytest.raises(DomainValidationError) as raised:
        receive_supply(supply, Decimal(6))
    assert codes(raised) == ["INVALID_QUANTITY"]


def test_leftovers_only_from_stock_centers(stock_world):
    center, v = stock_world["center"], stock_world["pieces"]
    saved = save_leftover(center, v, LeftoverData(Decimal(3), Decimal("15.5"), "остатки"))
    again = save_leftover(center, v, LeftoverData(None, None, is_published=False))
    assert saved.pk == again.pk and again.quantity is None and not again.is_published
    with pytest.raises(DomainValidationError) as raised:
        save_leftover(stock_world["moscow"], v, LeftoverData(Decimal(1)))
    assert codes(raised) == ["STOCK_CENTER_ONLY"]
    with pytest.raises(DomainValidationError) as raised:
        save_leftover(center, v, LeftoverData(Decimal("1.5"), Decimal(100)))
    assert codes(raised) == ["FRACTIONAL_QUANTITY", "INVALID_DISCOUNT"]
    assert Leftover.objects.count() == 1
