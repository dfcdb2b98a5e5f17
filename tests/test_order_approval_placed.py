"""Approval of orders placed by the placement service itself: a rejection gives back exactly
what placing took (stock across warehouses and incoming supply), read back from the
order's shipments (``orders.services.stock.order_plan``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.accounts.models import Membership, Role
from backend.checkout.services.placement import PlaceRequest, place_order
from backend.orders.models import OrderStatus
from backend.orders.services.approval import approve, reject
from inventory.models import IncomingSupply, StockItem
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import cart_of, viewer_of

pytestmark = pytest.mark.django_db


def held():
    return (sorted(StockItem.objects.values_list("pk", "allocated")),
            sorted(IncomingSupply.objects.values_list("pk", "reserved")))


@pytest.fixture
def limited(place_world, make_user):
    world = place_world
    Membership.objects.filter(user=world["buyer"]).update(spending_limit=Decimal(100))
    world["approver"] = make_user("approver@alfa.test", world["dealer"], Role.APPROVER)
    return world


def place(world, order_type, *lines, key):
    cart_of(world["buyer"], world["dealer"], *lines)
    return place_order(viewer_of(world["buyer"], world["dealer"]),
                       PlaceRequest(idempotency_key=key, order_type=order_type))


def test_rejecting_a_placed_order_gives_back_every_warehouses_stock_and_the_supply(limited):
    world = limited
    before = held()
    regular = place(world, "REGULAR", (world["variants"][1], 60), (world["variants"][2], 3),
                    key="k-regular")
    preorder = place(world, "PREORDER", (world["variants"][0], 150), key="k-preorder")
    assert (regular.status, preorder.status) == ("AWAITING_APPROVAL", "AWAITING_APPROVAL")
    assert preorder.lines.get().preorder_quantity > 0
    assert regular.shipments.values("warehouse").distinct().count() > 1
    assert held() != before

    approver = viewer_of(world["approver"], world["dealer"])
    reject(approver, regular, "Не сейчас")
    reject(approver, preorder, "Не сейчас")

    assert held() == before


def test_approving_a_placed_order_keeps_its_stock(limited):
    world = limited
    order = place(world, "REGULAR", (world["variants"][1], 10), key="k-one")
    taken = held()

    approve(viewer_of(world["approver"], world["dealer"]), order, "")

    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert held() == taken
