"""The seller's moderation through the GraphQL API: the whole dialogue (a moderator takes
the order, proposes per-line changes, the buyer accepts one and declines another with
comments, the moderator confirms with stock reconciled), the seller's rejection through
``orderReject``, cancellation by either side, and the auto-confirm rule. After every
test every line's units add up to its quantity (``moderation_world``)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.orders.credit import CreditDecision, CreditVerdict
from backend.orders.models import OrderEvent
from inventory.models import StockItem
from plugins.order_workflow.models import AutoConfirmRule, LineUnits, OrderModeration
from tests.fixtures.moderation import *  # noqa: F403
from tests.fixtures.moderation import ORDER_QUERY, gid, moderate, place
from tests.fixtures.order_place import *  # noqa: F403

pytestmark = pytest.mark.django_db


def allocated(world, variant):
    return {w: StockItem.objects.get(warehouse=world[w], variant=variant).allocated
            for w in ("moscow", "krasnodar")}


def test_the_whole_dialogue_ends_confirmed_with_the_accepted_changes_and_stock_reconciled(
        moderation_world, api_as):
    world = moderation_world
    paint, primer = world["variants"][1], world["variants"][2]
    order = place(world, (paint, 6), (primer, 3), key="dialogue")
    order_id = gid("Order", order.pk)
    lines = {line.sku: line for line in order.lines.all()}
    held_before = allocated(world, paint)
    staff, buyer = api_as(world["staff"], world["factory"]), api_as(world["buyer"], world["dealer"])

    started = moderate(staff, "orderModerationStart", id=order_id, version=1)
    assert started["errors"] == []
    assert started["order"]["moderation"]["state"] == "ON_MODERATION"
    assert started["order"]["moderation"]["moderator"] == {"fullName": "Пётр Первов"}
    assert started["order"]["moderation"]["canModerate"] is True

    tomorrow = (timezone.localdate() + timedelta(days=3)).isoformat()
    proposed = moderate(staff, "orderProposalCreate", id=order_id, version=2, comment="См. ниже",
                        proposals=[
                            {"line": gid("OrderLine", lines[paint.sku].pk), "kind": "QUANTITY",
                             "quantity": "4", "comment": "Только 4 в наличии"},
                            {"line": gid("OrderLine", lines[primer.sku].pk), "kind": "DATE",
                             "date": tomorrow}])
    assert proposed["errors"] == []
    moderation = proposed["order"]["moderation"]
    assert moderation["state"] == "AWAITING_BUYER" and moderation["version"] == 3
    quantity, _date = moderation["proposals"]
    assert (quantity["kind"], quantity["status"], Decimal(quantity["quantity"]),
            Decimal(quantity["beforeQuantity"])) == ("QUANTITY", "OPEN", 4, 6)

    # a newer proposal of the same kind for the same line withdraws the open one
    again = moderate(staff, "orderProposalCreate", id=order_id, proposals=[
        {"line": gid("OrderLine", lines[paint.sku].pk), "kind": "QUANTITY", "quantity": "5",
         "comment": "Нашли ещё одну"}])
    statuses = [(Decimal(p["quantity"]), p["status"])
                for p in again["order"]["moderation"]["proposals"] if p["kind"] == "QUANTITY"]
    assert statuses == [(4, "WITHDRAWN"), (5, "OPEN")]
    open_ids = {p["kind"]: p["id"] for p in again["order"]["moderation"]["proposals"]
                if p["status"] == "OPEN"}
    seen_by_buyer = buyer(ORDER_QUERY, {"id": order_id}).data["order"]
    assert seen_by_buyer["moderation"]["canAnswer"] is True
    assert seen_by_buyer["moderation"]["canModerate"] is False
    assert {p["kind"] for line in seen_by_buyer["lines"] for p in line["openProposals"]} == {
        "QUANTITY", "DATE"}

    answered = moderate(buyer, "orderProposalAnswer", id=order_id, version=4,
                        comment="Спасибо", answers=[
                            {"proposal": open_ids["QUANTITY"], "accept": True,
                             "comment": "Согласны"},
                            {"proposal": open_ids["DATE"], "accept": False,
                             "comment": "Нужно раньше"}])
    assert answered["errors"] == []
    result = answered["order"]
    assert result["moderation"]["state"] == "ON_MODERATION"
    paint_line = next(line for line in result["lines"] if line["sku"] == paint.sku)
    assert Decimal(paint_line["quantity"]) == 5
    assert Decimal(paint_line["totalNet"]) == Decimal(paint_line["unitNet"]) * 5
    units = LineUnits.objects.get(line_id=lines[paint.sku].pk)
    assert (units.pending, units.promised_date) == (5, None)
    assert LineUnits.objects.get(line_id=lines[primer.sku].pk).promised_date is None

    confirmed = moderate(staff, "orderConfirm", id=order_id, version=5, comment="Готово")
    assert confirmed["errors"] == []
    assert confirmed["order"]["moderation"]["state"] == "CONFIRMED"
    # one unit of paint less is held: released from the line's shipment's warehouse
    held_after = allocated(world, paint)
    assert sum(held_before.values()) - sum(held_after.values()) == 1

    kinds = [(e["kind"], e["side"]) for e in confirmed["order"]["moderation"]["dialogue"]]
    assert kinds == [
        ("STATE", "SELLER"), ("PROPOSAL", "SELLER"), ("PROPOSAL", "SELLER"),
        ("COMMENT", "SELLER"), ("STATE", "SELLER"), ("PROPOSAL", "SELLER"),
        ("ACCEPTED", "BUYER"), ("DECLINED", "BUYER"), ("COMMENT", "BUYER"),
        ("STATE", "BUYER"), ("STATE", "SELLER")]
    types = list(OrderEvent.objects.filter(order=order).order_by("pk")
                 .values_list("event_type", flat=True))
    assert types == ["PLACED", "MODERATION_STARTED", "PROPOSED", "PROPOSED",
                     "PROPOSAL_ACCEPTED", "PROPOSAL_DECLINED", "CONFIRMED"]
    last = OrderEvent.objects.filter(order=order).latest("pk")
    assert last.after["moderation_state"] == "CONFIRMED"


def test_a_substitute_accepted_swaps_the_line_and_its_stock_at_confirmation(
        moderation_world, api_as):
    world = moderation_world
    paint, other = world["variants"][1], world["variants"][3]
    order = place(world, (paint, 2), key="substitute")
    line = order.lines.get()
    held = sum(allocated(world, paint).values()), sum(allocated(world, other).values())
    staff, buyer = api_as(world["staff"], world["factory"]), api_as(world["buyer"], world["dealer"])
    proposed = moderate(staff, "orderProposalCreate", id=gid("Order", order.pk), proposals=[
        {"line": gid("OrderLine", line.pk), "kind": "SUBSTITUTE", "substituteSku": other.sku}])
    assert proposed["errors"] == []
    proposal = proposed["order"]["moderation"]["proposals"][0]["id"]
    answered = moderate(buyer, "orderProposalAnswer", id=gid("Order", order.pk),
                        answers=[{"proposal": proposal, "accept": True}])
    assert answered["errors"] == []
    assert answered["order"]["lines"][0]["sku"] == other.sku
    assert Decimal(answered["order"]["lines"][0]["unitNet"]) == 1000  # the buyer's price
    assert moderate(staff, "orderConfirm", id=gid("Order", order.pk))["errors"] == []
    assert (sum(allocated(world, paint).values()),
            sum(allocated(world, other).values())) == (held[0] - 2, held[1] + 2)


def test_confirming_more_than_the_stock_holds_is_out_of_stock_and_changes_nothing(
        moderation_world, api_as):
    world = moderation_world
    paint = world["variants"][1]
    order = place(world, (paint, 2), key="short")
    staff, buyer = api_as(world["staff"], world["factory"]), api_as(world["buyer"], world["dealer"])
    proposed = moderate(staff, "orderProposalCreate", id=gid("Order", order.pk), proposals=[
        {"line": gid("OrderLine", order.lines.get().pk), "kind": "QUANTITY",
         "quantity": "500"}])
    moderate(buyer, "orderProposalAnswer", id=gid("Order", order.pk), answers=[
        {"proposal": proposed["order"]["moderation"]["proposals"][0]["id"], "accept": True}])
    before = list(StockItem.objects.order_by("pk").values_list("allocated", flat=True))
    version = OrderModeration.objects.get(order=order).version

    refused = moderate(staff, "orderConfirm", id=gid("Order", order.pk))
    assert [e["code"] for e in refused["errors"]] == ["OUT_OF_STOCK"]
    assert paint.sku in refused["errors"][0]["message"]
    assert list(StockItem.objects.order_by("pk").values_list("allocated", flat=True)) == before
    moderation = OrderModeration.objects.get(order=order)
    assert (moderation.state, moderation.version) == ("ON_MODERATION", version)


def test_a_refused_credit_at_confirmation_changes_nothing(moderation_world, api_as,
                                                         monkeypatch):
    world = moderation_world
    order = place(world, (world["variants"][1], 2), key="credit")
    staff, buyer = api_as(world["staff"], world["factory"]), api_as(world["buyer"], world["dealer"])
    proposed = moderate(staff, "orderProposalCreate", id=gid("Order", order.pk), proposals=[
        {"line": gid("OrderLine", order.lines.get().pk), "kind": "PRICE", "unitNet": "900"}])
    moderate(buyer, "orderProposalAnswer", id=gid("Order", order.pk), answers=[
        {"proposal": proposed["order"]["moderation"]["proposals"][0]["id"], "accept": True}])
    asked = []

    def refuse(name, default, *args):
        if name == "credit_check":
            asked.append((args[2], args[4]))
            return CreditVerdict(CreditDecision.REFUSE, "Лимит исчерпан")
        return original(name, default, *args)

    from backend.core.plugins.manager import get_plugins_manager
    manager = get_plugins_manager()
    original = manager.run
    monkeypatch.setattr(manager, "run", refuse)
    refused = moderate(staff, "orderConfirm", id=gid("Order", order.pk))
    assert [e["code"] for e in refused["errors"]] == ["CREDIT_REFUSED"]
    order.refresh_from_db()
    # asked again for the whole grown total, the order's own exposure left out (it grew by
    # 2 x (900 - 250) net, with 22% VAT)
    before = OrderEvent.objects.filter(order=order, event_type="PROPOSAL_ACCEPTED").first()
    assert order.grand_total_gross - Decimal(before.before["grand_total_gross"]) == Decimal(
        "1586.00")
    assert asked == [(order.grand_total_gross, order.pk)]
    assert OrderModeration.objects.get(order=order).state == "ON_MODERATION"


def test_the_seller_rejects_through_order_reject_and_the_stock_is_given_back(
        moderation_world, api_as):
    world = moderation_world
    paint = world["variants"][1]
    before = sum(allocated(world, paint).values())
    order = place(world, (paint, 3), key="reject")
    staff = api_as(world["staff"], world["factory"])
    assert moderate(staff, "orderReject", id=gid("Order", order.pk),
                    comment="  ")["errors"][0]["code"] == "COMMENT_REQUIRED"
    rejected = moderate(staff, "orderReject", id=gid("Order", order.pk),
                        comment="Снят с производства")
    assert rejected["errors"] == []
    assert rejected["order"]["status"] == "REJECTED"
    assert rejected["order"]["moderation"] == {"state": "REJECTED", "reason": "Снят с производства"}
    assert sum(allocated(world, paint).values()) == before
    assert LineUnits.objects.get(order=order).cancelled == 3
    again = moderate(staff, "orderReject", id=gid("Order", order.pk), comment="Ещё раз")
    assert [e["code"] for e in again["errors"]] == ["WRONG_STATE"]
    # the buyer may not reject its own order on moderation: the core's answer stands
    buyer = api_as(world["buyer"], world["dealer"])
    other = place(world, (paint, 1), key="reject-2")
    assert [e["code"] for e in moderate(buyer, "orderReject", id=gid("Order", other.pk),
                                        comment="Нет")["errors"]] == ["PERMISSION_DENIED"]
    assert OrderModeration.objects.get(order=other).state == "SUBMITTED"


def test_the_buyer_cancels_while_on_moderation_but_not_once_confirmed(moderation_world,
                                                                      api_as):
    world = moderation_world
    paint = world["variants"][1]
    before = sum(allocated(world, paint).values())
    buyer = api_as(world["buyer"], world["dealer"])
    staff = api_as(world["staff"], world["factory"])
    order = place(world, (paint, 2), key="cancel")
    empty = moderate(buyer, "orderCancel", id=gid("Order", order.pk), reason=" ")
    assert [(e["field"], e["code"]) for e in empty["errors"]] == [("reason", "REASON_REQUIRED")]
    cancelled = moderate(buyer, "orderCancel", id=gid("Order", order.pk), reason="Передумали")
    assert cancelled["errors"] == []
    assert cancelled["order"]["status"] == "CANCELLED"
    assert cancelled["order"]["moderation"]["state"] == "CANCELLED"
    assert sum(allocated(world, paint).values()) == before

    confirmed = place(world, (paint, 2), key="cancel-late")
    moderate(staff, "orderConfirm", id=gid("Order", confirmed.pk))
    late = moderate(buyer, "orderCancel", id=gid("Order", confirmed.pk), reason="Поздно")
    assert [e["code"] for e in late["errors"]] == ["WRONG_STATE"]
    by_seller = moderate(staff, "orderCancel", id=gid("Order", confirmed.pk), reason="Брак")
    assert by_seller["errors"] == []
    assert by_seller["order"]["moderation"]["state"] == "CANCELLED"
    assert sum(allocated(world, paint).values()) == before


def test_the_dealer_moderates_its_sub_dealers_order(moderation_world, api_as):
    world = moderation_world
    order = place(world, (world["variants"][1], 2), key="sub", user=world["sub_buyer"],
                  buyer=world["sub"])
    admin = api_as(world["admin"], world["dealer"])
    staff = api_as(world["staff"], world["factory"])
    denied = moderate(staff, "orderModerationStart", id=gid("Order", order.pk))
    assert [e["code"] for e in denied["errors"]] == ["PERMISSION_DENIED"]
    started = moderate(admin, "orderModerationStart", id=gid("Order", order.pk))
    assert started["errors"] == []
    assert started["order"]["moderation"]["canModerate"] is True
    queue = admin("{ moderationQueue { totalCount edges { node { id } } } }").data
    assert queue["moderationQueue"]["totalCount"] == 1


def test_an_auto_confirm_rule_confirms_a_trusted_buyers_small_regular_order(
        moderation_world):
    world = moderation_world
    rule = AutoConfirmRule.objects.create(seller=world["factory"], name="Альфа до 10 000",
                                          max_total=Decimal(10_000))
    rule.buyers.add(world["dealer"])
    small = place(world, (world["variants"][1], 2), key="auto-small")
    large = place(world, (world["variants"][1], 40), key="auto-large")
    moderation = OrderModeration.objects.get(order=small)
    assert (moderation.state, moderation.auto_confirmed, moderation.version) == (
        "CONFIRMED", True, 2)
    assert OrderModeration.objects.get(order=large).state == "SUBMITTED"
    event = OrderEvent.objects.get(order=small, event_type="AUTO_CONFIRMED")
    assert event.after == {"moderation_state": "CONFIRMED", "rule": rule.pk}
    rule.buyers.clear()
    assert OrderModeration.objects.get(
        order=place(world, (world["variants"][2], 1), key="auto-untrusted")).state == "SUBMITTED"
