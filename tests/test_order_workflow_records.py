"""An order gets its seller's side when it reaches the seller, in the same transaction: a
moderation waiting for a moderator and every unit of every line pending. An order waiting
for the buyer's approval has none until it is approved, and a rejected one never has."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.accounts.models import Membership, Role
from backend.checkout.services.placement import PlaceRequest, place_order
from backend.orders.services.approval import approve, reject
from plugins.order_workflow.models import LineUnits, OrderModeration
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import cart_of, viewer_of

pytestmark = pytest.mark.django_db


def place(world, *lines, key):
    cart_of(world["buyer"], world["dealer"], *lines)
    return place_order(viewer_of(world["buyer"], world["dealer"]),
                       PlaceRequest(idempotency_key=key, order_type="REGULAR"))


def units_of(order):
    return {row.line.sku: (row.pending, row.ready, row.cancelled)
            for row in LineUnits.objects.filter(order=order).select_related("line")}


def test_a_placed_order_waits_for_a_moderator_with_every_unit_pending(place_world):
    world = place_world
    order = place(world, (world["variants"][1], 6), (world["variants"][2], 3), key="k-1")
    moderation = OrderModeration.objects.get(order=order)
    assert (moderation.state, moderation.seller_id, moderation.version) == (
        "SUBMITTED", order.seller_id, 1)
    assert units_of(order) == {
        world["variants"][1].sku: (Decimal(6), 0, 0),
        world["variants"][2].sku: (Decimal(3), 0, 0)}


def test_an_order_waiting_for_approval_reaches_the_seller_only_when_approved(place_world,
                                                                            make_user):
    world = place_world
    Membership.objects.filter(user=world["buyer"]).update(spending_limit=Decimal(100))
    approver = make_user("approver@alfa.test", world["dealer"], Role.APPROVER)
    waiting = place(world, (world["variants"][1], 30), key="k-wait")
    refused = place(world, (world["variants"][2], 3), (world["variants"][1], 20), key="k-refused")
    assert not OrderModeration.objects.filter(order__in=[waiting, refused]).exists()
    assert not LineUnits.objects.filter(order__in=[waiting, refused]).exists()

    approve(viewer_of(approver, world["dealer"]), waiting)
    reject(viewer_of(approver, world["dealer"]), refused, "Слишком дорого")

    assert OrderModeration.objects.get(order=waiting).state == "SUBMITTED"
    assert units_of(waiting) == {world["variants"][1].sku: (Decimal(30), 0, 0)}
    assert not OrderModeration.objects.filter(order=refused).exists()
