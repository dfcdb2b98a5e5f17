"""Who each order event concerns (plugins/notifications/recipients.py), for the core's
events and the order workflow's: the buyer (its placer and approvers), the seller's
moderators (the manufacturer's staff with MODERATE_ORDERS, a dealer's members with
OrgPerm.MODERATE_ORDERS), the dealer of a sub-dealer buying from the manufacturer; the
side-less events go to the other side from the actor's; the actor is never told."""

from __future__ import annotations

import pytest
from django.db import transaction

from backend.accounts.models import CustomRole, Membership, Role
from backend.orders.models import Order, OrderStatus
from backend.orders.services import events
from plugins.notifications.models import Notification
from plugins.notifications.recipients import RULES, recipients
from tests.fixtures.waiting_orders import *  # noqa: F403
from tests.fixtures.waiting_orders import place_waiting

pytestmark = pytest.mark.django_db

BUYER_SIDE = ["admin@sub-a.test", "approver@sub-a.test", "buyer@sub-a.test"]
WORKFLOW_TYPES = ("MODERATION_STARTED", "PROPOSED", "PROPOSAL_ACCEPTED", "PROPOSAL_DECLINED",
                  "COMMENTED", "CONFIRMED", "AUTO_CONFIRMED", "SELLER_REJECTED", "CANCELLED",
                  "UNITS_MOVED", "DISPATCHED", "FORWARDED", "LINE_CHANGED")


@pytest.fixture
def order(approval_world):
    placed = place_waiting(approval_world)
    Order.objects.filter(pk=placed.pk).update(status=OrderStatus.PLACED)
    placed.refresh_from_db()
    return placed


def told(order, event_type, user, acting_as=None) -> dict[str, str]:
    with transaction.atomic():
        event = events.record(order, event_type, user=user, acting_as=acting_as)
    return {r.user.email: r.topic for r in recipients(event)}


def test_every_event_type_of_the_core_and_the_workflow_has_a_rule():
    assert set(WORKFLOW_TYPES) | {"PLACED", "APPROVAL_REQUESTED", "APPROVED", "REJECTED"} \
        <= set(RULES)


def test_the_sellers_proposal_goes_to_the_buyer_and_the_answer_to_the_seller(
        approval_world, order):
    world = approval_world
    proposed = told(order, "PROPOSED", world.seller_admin, world.seller)
    assert sorted(proposed) == BUYER_SIDE
    assert set(proposed.values()) == {"ORDER_PROPOSALS"}

    assert told(order, "PROPOSAL_ACCEPTED", world.approver, world.buyer_org) == {
        "admin@alfa.test": "ORDER_PROPOSALS"}
    assert told(order, "PROPOSAL_DECLINED", world.buyer, world.buyer_org) == {
        "admin@alfa.test": "ORDER_PROPOSALS"}


def test_a_comment_unit_moves_and_line_changes_go_to_the_other_side(approval_world, order):
    world = approval_world
    for event_type in ("COMMENTED", "UNITS_MOVED", "LINE_CHANGED"):
        assert sorted(told(order, event_type, world.seller_admin, world.seller)) == BUYER_SIDE
        assert list(told(order, event_type, world.buyer, world.buyer_org)) == [
            "admin@alfa.test"]


def test_a_dealers_moderators_are_its_members_holding_moderate_orders(
        approval_world, order, make_user):
    world = approval_world
    make_user("clerk@alfa.test", world.seller, Role.BUYER)
    moderator = make_user("moderator@alfa.test", world.seller, Role.BUYER)
    role = CustomRole.objects.create(organization=world.seller, name="Модератор",
                                     permissions=["MODERATE_ORDERS", "VIEW_ORDERS"])
    Membership.objects.filter(user=moderator).update(custom_role=role)

    assert sorted(told(order, "PLACED", world.buyer, world.buyer_org)) == [
        "admin@alfa.test", "moderator@alfa.test"]
    # The actor is never told, even when the event concerns their side.
    assert sorted(told(order, "CANCELLED", world.seller_admin, world.seller)) == [
        *BUYER_SIDE, "moderator@alfa.test"]


def test_the_manufacturers_staff_moderate_and_a_sub_dealers_dealer_hears_of_its_order(
        approval_world, order, network, staff_user, make_user):
    world = approval_world
    make_user("viewer@factory.test", network["factory"], Role.ADMIN, is_staff=True,
              staff_permissions=["VIEW_ALL"])
    Order.objects.filter(pk=order.pk).update(seller=network["factory"])
    order.refresh_from_db()

    assert told(order, "PLACED", world.buyer, world.buyer_org) == {
        "staff@factory.test": "ORDER_MODERATION"}
    # Staff act for no organization: the seller's side.
    confirmed = told(order, "CONFIRMED", staff_user)
    assert sorted(confirmed) == ["admin@alfa.test", *BUYER_SIDE]  # alfa: the dealer
    assert set(confirmed.values()) == {"ORDER_MODERATION"}
    assert sorted(told(order, "DISPATCHED", staff_user)) == sorted(confirmed)
    assert told(order, "COMMENTED", world.buyer, world.buyer_org) == {
        "staff@factory.test": "ORDER_PROPOSALS"}


def test_an_order_on_behalf_tells_the_buyers_approvers_not_its_placer(
        approval_world, order):
    world = approval_world
    Order.objects.filter(pk=order.pk).update(on_behalf=True, placed_by=world.seller_admin)
    order.refresh_from_db()
    assert sorted(told(order, "CONFIRMED", world.seller_admin, world.seller)) == [
        "admin@sub-a.test", "approver@sub-a.test"]


@pytest.mark.django_db(transaction=True)
def test_a_workflow_event_writes_the_in_app_notifications_after_commit(
        approval_world, mailoutbox):
    world = approval_world
    placed = place_waiting(world)
    mailoutbox.clear()

    with transaction.atomic():
        events.record(placed, "PROPOSED", user=world.seller_admin, acting_as=world.seller,
                      message="Можем 3 вместо 5", after={"moderation_state": "AWAITING_BUYER"})
        assert not Notification.objects.filter(event_type="PROPOSED").exists()

    rows = Notification.objects.filter(event_type="PROPOSED").order_by("recipient__email")
    assert [n.recipient.email for n in rows] == BUYER_SIDE
    english = rows.get(recipient=world.approver).texts["en"]
    assert english["title"] == f"Changes to order {placed} wait for your answer"
    assert "Comment: Можем 3 вместо 5" in english["body"]
    assert sorted(m.to[0] for m in mailoutbox) == BUYER_SIDE


def test_the_notifications_never_import_the_order_workflow():
    """They learn of the workflow through the ``order_event`` hook only (the plugins are
    independent: either may be left out of PLUGINS)."""
    import grimp

    graph = grimp.build_graph("plugins")
    importers = {module for module in graph.modules
                 if module.startswith("plugins.notifications")}
    imported = {target for module in importers
                for target in graph.find_modules_directly_imported_by(module)}
    assert not {m for m in imported if m.startswith("plugins.order_workflow")}
    assert "plugins.notifications.recipients" in importers
