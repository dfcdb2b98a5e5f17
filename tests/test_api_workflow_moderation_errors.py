"""Bad input to the moderation, through the API: each answered with a code and the field,
nothing changed (the version stays, no event is written)."""

from __future__ import annotations

import pytest

from backend.accounts.models import Role
from backend.orders.models import OrderEvent
from plugins.order_workflow.models import OrderModeration
from tests.fixtures.moderation import *  # noqa: F403
from tests.fixtures.moderation import gid, moderate, place
from tests.fixtures.order_place import *  # noqa: F403

pytestmark = pytest.mark.django_db


def codes(payload):
    return [(e["field"], e["code"]) for e in payload["errors"]]


@pytest.fixture
def proposed(moderation_world, api_as):
    """An order awaiting the buyer's answer to two proposals."""
    world = moderation_world
    order = place(world, (world["variants"][1], 6), (world["variants"][2], 3), key="errors")
    lines = list(order.lines.order_by("position"))
    staff = api_as(world["staff"], world["factory"])
    payload = moderate(staff, "orderProposalCreate", id=gid("Order", order.pk), proposals=[
        {"line": gid("OrderLine", lines[0].pk), "kind": "QUANTITY", "quantity": "4"},
        {"line": gid("OrderLine", lines[1].pk), "kind": "PRICE", "unitNet": "30"}])
    assert payload["errors"] == []
    ids = [p["id"] for p in payload["order"]["moderation"]["proposals"]]
    return world, order, lines, ids


def unchanged(order, version):
    moderation = OrderModeration.objects.get(order=order)
    return moderation.version == version


def test_a_proposal_on_a_confirmed_order_is_wrong_state(moderation_world, api_as):
    world = moderation_world
    order = place(world, (world["variants"][1], 2), key="confirmed")
    staff = api_as(world["staff"], world["factory"])
    assert moderate(staff, "orderConfirm", id=gid("Order", order.pk))["errors"] == []
    events = OrderEvent.objects.count()
    refused = moderate(staff, "orderProposalCreate", id=gid("Order", order.pk), proposals=[
        {"line": gid("OrderLine", order.lines.get().pk), "kind": "QUANTITY", "quantity": "1"}])
    assert codes(refused) == [("id", "WRONG_STATE")]
    assert "confirmed" in refused["errors"][0]["message"]
    assert OrderEvent.objects.count() == events and unchanged(order, 2)


def test_an_answer_from_outside_the_buyer_is_not_found_or_denied(proposed, api_as, make_user):
    world, order, _lines, ids = proposed
    answers = [{"proposal": ids[0], "accept": True}]
    # another dealer's buyer does not even see the order
    outsider = api_as(world["outsider"], world["dealer_b"])
    assert codes(moderate(outsider, "orderProposalAnswer", id=gid("Order", order.pk),
                          answers=answers)) == [("id", "NOT_FOUND")]
    # the seller's moderator sees it but does not answer for the buyer
    staff = api_as(world["staff"], world["factory"])
    assert codes(moderate(staff, "orderProposalAnswer", id=gid("Order", order.pk),
                          answers=answers)) == [("id", "PERMISSION_DENIED")]
    # nor does a member of the buyer who only views its orders
    viewer = make_user("viewer@alfa.test", world["dealer"], Role.VIEWER)
    assert codes(moderate(api_as(viewer, world["dealer"]), "orderProposalAnswer",
                          id=gid("Order", order.pk), answers=answers)) == [
        ("id", "PERMISSION_DENIED")]
    # and the buyer may not moderate its own order
    buyer = api_as(world["buyer"], world["dealer"])
    assert codes(moderate(buyer, "orderConfirm", id=gid("Order", order.pk))) == [
        ("id", "PERMISSION_DENIED")]
    assert unchanged(order, 2)


def test_a_stale_version_is_a_concurrent_change_naming_who_changed_it(proposed, api_as):
    world, order, _lines, ids = proposed
    buyer = api_as(world["buyer"], world["dealer"])
    stale = moderate(buyer, "orderProposalAnswer", id=gid("Order", order.pk), version=1,
                     answers=[{"proposal": ids[0], "accept": True}])
    assert codes(stale) == [("version", "CONCURRENT_CHANGE")]
    assert "Пётр Первов" in stale["errors"][0]["message"]
    assert "reload" in stale["errors"][0]["message"]
    assert unchanged(order, 2)


def test_answering_a_proposal_twice_is_not_open(proposed, api_as):
    world, order, _lines, ids = proposed
    buyer = api_as(world["buyer"], world["dealer"])
    first = moderate(buyer, "orderProposalAnswer", id=gid("Order", order.pk), version=2,
                     answers=[{"proposal": ids[0], "accept": False}])
    assert first["errors"] == []
    assert first["order"]["moderation"]["state"] == "AWAITING_BUYER"  # one still open
    again = moderate(buyer, "orderProposalAnswer", id=gid("Order", order.pk),
                     answers=[{"proposal": ids[0], "accept": True},
                              {"proposal": ids[1], "accept": True}])
    assert codes(again) == [("answers.0.proposal", "PROPOSAL_NOT_OPEN")]
    assert unchanged(order, 3)


def test_confirming_with_open_proposals_is_wrong_state(proposed, api_as):
    world, order, _lines, _ids = proposed
    staff = api_as(world["staff"], world["factory"])
    assert codes(moderate(staff, "orderConfirm", id=gid("Order", order.pk))) == [
        ("id", "WRONG_STATE")]


def test_bad_proposals_name_their_field(proposed, api_as):
    world, order, lines, _ids = proposed
    staff = api_as(world["staff"], world["factory"])
    other = place(world, (world["variants"][3], 1), key="other")
    refused = moderate(staff, "orderProposalCreate", id=gid("Order", order.pk), proposals=[
        {"line": gid("OrderLine", lines[0].pk), "kind": "QUANTITY"},
        {"line": gid("OrderLine", other.lines.get().pk), "kind": "QUANTITY", "quantity": "1"},
        {"line": gid("OrderLine", lines[1].pk), "kind": "SUBSTITUTE", "substituteSku": "NOPE"},
        {"line": gid("OrderLine", lines[1].pk), "kind": "DATE", "date": "2020-01-01"},
        {"line": gid("OrderLine", lines[0].pk), "kind": "PRICE", "unitNet": "-1"}])
    assert codes(refused) == [
        ("proposals.0.quantity", "REQUIRED"), ("proposals.1.line", "NOT_FOUND"),
        ("proposals.2.substituteSku", "NOT_FOUND"), ("proposals.3.date", "INVALID"),
        ("proposals.4.unitNet", "INVALID")]
    assert codes(moderate(staff, "orderProposalCreate", id=gid("Order", order.pk),
                          proposals=[])) == [("proposals", "REQUIRED")]
    assert unchanged(order, 2)


def test_a_comment_needs_text_and_signing_in(proposed, api_as, api):
    world, order, _lines, _ids = proposed
    buyer = api_as(world["buyer"], world["dealer"])
    assert codes(moderate(buyer, "orderComment", id=gid("Order", order.pk), text="  ")) == [
        ("text", "REQUIRED")]
    said = moderate(buyer, "orderComment", id=gid("Order", order.pk), text="Когда отгрузка?")
    assert said["errors"] == []
    assert said["order"]["moderation"]["dialogue"][-1]["side"] == "BUYER"
    assert codes(moderate(api, "orderComment", id=gid("Order", order.pk), text="x")) == [
        (None, "AUTHENTICATION_REQUIRED")]
    assert codes(moderate(buyer, "orderComment", id=gid("Product", 1), text="x")) == [
        ("id", "INVALID")]
