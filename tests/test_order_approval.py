"""The buyer's internal approval, through the services: an approver of the order's buyer
approves (PLACED, event APPROVED) or rejects with a reason (REJECTED, event REJECTED, the
stock and the pre-ordered supply given back); anyone else is refused, and a refused or
failed answer changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.accounts.models import Membership, Role
from backend.core.errors import DomainValidationError
from backend.orders.models import Order, OrderEvent, OrderStatus
from backend.orders.people import order_approvers, order_takers
from backend.orders.services.approval import approve, may_approve, reject
from backend.orders.services.stock import OrderPlan, order_plan
from inventory.engine.types import Pick, PlannedShipment
from inventory.models import (
    IncomingSupply,
    StockItem,
    StockMovement,
    Warehouse,
    WarehouseKind,
)
from inventory.services import locks
from tests.fixtures.waiting_orders import *  # noqa: F403
from tests.fixtures.waiting_orders import place_waiting, viewer_of


def codes(excinfo) -> list[tuple[str | None, str]]:
    return [(e.field, e.code_value) for e in excinfo.value.errors]


def held(world) -> tuple[Decimal, Decimal]:
    """(allocated stock, reserved supply) of the world's variant."""
    return (StockItem.objects.get(pk=world.stock.pk).allocated,
            IncomingSupply.objects.get(pk=world.supply.pk).reserved)


def snapshot(order):
    order = Order.objects.get(pk=order.pk)
    return (order.status, order.decided_by_id, order.decision_comment,
            OrderEvent.objects.filter(order=order).count(), StockMovement.objects.count())


@pytest.fixture
def world(approval_world):
    return approval_world


@pytest.fixture
def waiting(world):
    return place_waiting(world, quantity=5, preorder=2)


def test_the_order_plan_is_what_placing_took(world, waiting):
    [from_stock, from_supply] = order_plan(waiting).shipments
    assert [(p.warehouse_id, p.quantity, p.supply_id) for p in from_stock.picks] == [
        (world.warehouse.pk, 3, None)]
    assert [(p.warehouse_id, p.quantity, p.supply_id) for p in from_supply.picks] == [
        (world.warehouse.pk, 2, world.supply.pk)]
    assert held(world) == (3, 2)


def test_an_approver_sends_the_order_to_the_seller(world, waiting):
    order = approve(viewer_of(world.approver, world.buyer_org), waiting, "  Согласовано  ")

    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert (order.decided_by, order.decision_comment) == (world.approver, "Согласовано")
    assert order.decided_at is not None
    event = OrderEvent.objects.filter(order=order).latest("pk")
    assert (event.event_type, event.user, event.acting_as, event.message) == (
        "APPROVED", world.approver, world.buyer_org, "Согласовано")
    assert (event.before, event.after) == ({"status": "AWAITING_APPROVAL"},
                                           {"status": "PLACED"})
    assert held(world) == (3, 2)  # the seller now has it: the stock stays taken


def test_the_buyers_admin_approves_too_without_a_comment(world, waiting):
    order = approve(viewer_of(world.buyer_admin, world.buyer_org), waiting.pk, None)
    assert (order.status, order.decision_comment) == (OrderStatus.PLACED, "")


def test_a_rejection_gives_back_the_stock_and_the_supply(world, waiting):
    order = reject(viewer_of(world.approver, world.buyer_org), waiting, "Слишком дорого")

    order.refresh_from_db()
    assert (order.status, order.decision_comment) == (OrderStatus.REJECTED, "Слишком дорого")
    assert held(world) == (0, 0)
    released = StockMovement.objects.filter(reason__in=["RELEASE", "PREORDER_RELEASE"])
    assert sorted(released.values_list("reason", "reference")) == [
        ("PREORDER_RELEASE", str(order)), ("RELEASE", str(order))]
    assert released.filter(user=world.approver, organization=world.buyer_org).count() == 2
    event = OrderEvent.objects.filter(order=order).latest("pk")
    assert (event.event_type, event.message, event.after) == (
        "REJECTED", "Слишком дорого", {"status": "REJECTED"})


@pytest.mark.parametrize("comment", ["", "   ", None])
def test_a_rejection_says_why_or_nothing_changes(world, waiting, comment):
    before = snapshot(waiting)
    with pytest.raises(DomainValidationError) as excinfo:
        reject(viewer_of(world.approver, world.buyer_org), waiting, comment)
    assert codes(excinfo) == [("comment", "COMMENT_REQUIRED")]
    assert snapshot(waiting) == before
    assert held(world) == (3, 2)


def test_a_comment_too_long_is_refused(world, waiting):
    with pytest.raises(DomainValidationError) as excinfo:
        approve(viewer_of(world.approver, world.buyer_org), waiting, "x" * 2001)
    assert codes(excinfo) == [("comment", "INVALID")]


def test_an_order_answered_once_is_not_waiting_any_more(world, waiting):
    viewer = viewer_of(world.approver, world.buyer_org)
    reject(viewer, waiting, "Нет")
    before = snapshot(waiting)
    for answer in (lambda: approve(viewer, waiting, ""), lambda: reject(viewer, waiting, "Нет")):
        with pytest.raises(DomainValidationError) as excinfo:
            answer()
        assert codes(excinfo) == [("id", "NOT_AWAITING_APPROVAL")]
    assert snapshot(waiting) == before
    assert held(world) == (0, 0)  # released once


def test_another_organizations_approver_does_not_even_see_the_order(world, waiting, network,
                                                                    make_user):
    other = make_user("approver@sub-b.test", network["sub_b"], Role.APPROVER)
    before = snapshot(waiting)
    for answer in (approve, lambda v, o, c: reject(v, o, "Нет")):
        with pytest.raises(DomainValidationError) as excinfo:
            answer(viewer_of(other, network["sub_b"]), waiting, "")
        assert codes(excinfo) == [("id", "NOT_FOUND")]
    assert snapshot(waiting) == before


def test_who_sees_the_order_but_may_not_answer_is_denied(world, waiting, make_user):
    # The dealer's admin sees its sub-dealer's orders (read-only); the buyer sees its own;
    # an approver who placed the order never answers for it.
    own = place_waiting(world, placed_by=world.approver)
    cases = [(world.seller_admin, world.seller, waiting), (world.buyer, world.buyer_org, waiting),
             (world.approver, world.buyer_org, own)]
    for user, organization, order in cases:
        before = snapshot(order)
        viewer = viewer_of(user, organization)
        assert not may_approve(viewer, order)
        with pytest.raises(DomainValidationError) as excinfo:
            approve(viewer, order, "")
        assert codes(excinfo) == [("id", "PERMISSION_DENIED")]
        assert snapshot(order) == before


def test_a_deactivated_approver_may_not_answer(world, waiting):
    Membership.objects.filter(user=world.approver).update(is_active=False)
    with pytest.raises(DomainValidationError) as excinfo:
        approve(viewer_of(world.approver, world.buyer_org), waiting, "")
    assert codes(excinfo) == [("id", "NOT_FOUND")]  # its role gives nothing any more
    assert list(order_approvers(world.buyer_org.pk, world.buyer.pk)) == [world.buyer_admin]


def test_approvers_are_the_buyers_members_with_the_permission_but_the_placer(world, network,
                                                                            staff_user):
    assert list(order_approvers(world.buyer_org.pk, world.buyer.pk)) == [
        world.buyer_admin, world.approver]
    assert list(order_approvers(world.buyer_org.pk, world.approver.pk)) == [world.buyer_admin]
    assert list(order_takers(world.seller)) == [world.seller_admin]
    assert list(order_takers(network["factory"])) == [staff_user]



def test_a_preorder_of_goods_expected_where_none_are_held_is_taken_and_given_back(world):
    # Stock from one warehouse, supply expected at another holding no stock row of the
    # variant: the movement of the supply had the model's int zeros beside the others'
    # Decimals, and the one INSERT of typed arrays refused the mix.
    elsewhere = Warehouse.objects.create(owner=world.seller, kind=WarehouseKind.STOCK_CENTER,
                                         code="DA-2", name="Склад DA-2", region="Москва")
    supply = IncomingSupply.objects.create(warehouse=elsewhere, variant=world.variant,
                                           quantity=Decimal(10),
                                           expected_date=world.supply.expected_date)
    plan = OrderPlan((
        PlannedShipment(world.warehouse.pk, (Pick(1, world.variant.pk, world.variant.sku,
                                                  world.warehouse.pk, Decimal(3), None,
                                                  world.supply.expected_date),),
                        world.supply.expected_date, Decimal(0), Decimal(0)),
        PlannedShipment(elsewhere.pk, (Pick(1, world.variant.pk, world.variant.sku,
                                            elsewhere.pk, Decimal(2), supply.pk,
                                            supply.expected_date),),
                        supply.expected_date, Decimal(0), Decimal(0))))

    locks.allocate(plan, reference="26-00001")
    assert IncomingSupply.objects.get(pk=supply.pk).reserved == 2
    locks.release(plan, reference="26-00001")

    assert IncomingSupply.objects.get(pk=supply.pk).reserved == 0
    assert StockItem.objects.get(pk=world.stock.pk).allocated == 0
    assert not StockItem.objects.filter(warehouse=elsewhere).exists()
