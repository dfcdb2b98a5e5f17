"""An order's events tell people by e-mail after commit, each in their own language: the
buyer's approvers when an order waits, the placer when it is approved or rejected (with the
comment), and those who take a placed order (the manufacturer's staff with
MODERATE_ORDERS, a dealer's admins for its sub-dealers' orders). A rolled-back change sends
nothing and calls no hook; the ``order_event`` hook hears each committed event. The
e-mail goes through the notifications plugin (plugins/notifications): the hook queues one
task per event, which writes the outbox and sends from it.

Celery runs eagerly here (no REDIS_URL); the last test runs the same path through Redis, a
real worker and an SMTP server, as tests/test_email_worker.py does.
"""

from __future__ import annotations

from email.header import decode_header, make_header

import pytest
from django.db import transaction

from backend.accounts.models import Role
from backend.orders.models import Order, OrderEvent, OrderEventType, OrderStatus
from backend.orders.services import events
from backend.orders.services.approval import approve, reject
from tests.fixtures.waiting_orders import *  # noqa: F403
from tests.fixtures.waiting_orders import place_waiting, viewer_of
from tests.fixtures.worker import wait_for
from tests.plugin_fixtures.calls import CALLS

pytestmark = pytest.mark.django_db(transaction=True)  # e-mail is sent after a real commit

HOOKED = "tests.plugin_fixtures.order_events"


def sent(mailoutbox) -> list[tuple[str, str]]:
    return sorted((message.to[0], message.subject) for message in mailoutbox)


@pytest.fixture
def world(approval_world):
    return approval_world


@pytest.fixture
def hooked(settings):
    settings.PLUGINS = [HOOKED]
    CALLS.clear()
    yield CALLS
    CALLS.clear()


def test_an_order_waiting_is_sent_to_the_buyers_approvers_each_in_their_language(
        world, mailoutbox):
    order = place_waiting(world)

    assert sent(mailoutbox) == [
        ("admin@sub-a.test", f"Заказ {order} ждёт вашего согласования"),
        ("approver@sub-a.test", f"Order {order} waits for your approval")]
    english = next(m for m in mailoutbox if m.to == ["approver@sub-a.test"])
    assert "Борис Покупкин placed order" in english.body
    assert "Total with VAT: 1,800.00 RUB" in english.body
    assert "/orders/" in english.body


def test_an_approval_tells_the_placer_with_the_comment_and_the_seller_takes_it(
        world, mailoutbox):
    order = place_waiting(world)
    mailoutbox.clear()

    approve(viewer_of(world.approver, world.buyer_org), order, "Берём, но в следующий раз "
                                                               "дешевле")

    assert sent(mailoutbox) == [
        ("admin@alfa.test", f"Новый заказ {order} от Субдилер Альфа-1"),
        ("buyer@sub-a.test", f"Заказ {order} согласован")]
    placer = next(m for m in mailoutbox if m.to == ["buyer@sub-a.test"])
    assert "Анна Согласова согласовал(а) ваш заказ" in placer.body
    assert "Комментарий: Берём, но в следующий раз дешевле" in placer.body
    assert "Сумма с НДС: 1\u00a0800,00 RUB" in placer.body


def test_a_rejection_tells_the_placer_why_and_the_seller_nothing(world, mailoutbox):
    order = place_waiting(world)
    mailoutbox.clear()

    reject(viewer_of(world.approver, world.buyer_org), order, "Лимит на месяц исчерпан")

    assert sent(mailoutbox) == [("buyer@sub-a.test", f"Заказ {order} отклонён")]
    assert "Комментарий: Лимит на месяц исчерпан" in mailoutbox[0].body


def test_an_order_placed_with_the_manufacturer_goes_to_its_order_moderators(
        world, network, make_user, staff_user, mailoutbox):
    make_user("viewer@factory.test", network["factory"], Role.ADMIN, is_staff=True,
              staff_permissions=["VIEW_ALL"])
    order = place_waiting(world)
    Order.objects.filter(pk=order.pk).update(seller=network["factory"],
                                             buyer=network["dealer_a"],
                                             status=OrderStatus.PLACED)
    order.refresh_from_db()
    mailoutbox.clear()

    with transaction.atomic():
        events.record(order, OrderEventType.PLACED, user=world.buyer)

    assert sent(mailoutbox) == [("staff@factory.test", f"Новый заказ {order} от Дилер Альфа")]


def test_who_placed_an_order_on_behalf_is_not_told_of_it(world, make_user, mailoutbox):
    other_admin = make_user("admin2@alfa.test", world.seller, Role.ADMIN)
    order = place_waiting(world)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PLACED, on_behalf=True,
                                             placed_by=world.seller_admin)
    order.refresh_from_db()
    mailoutbox.clear()

    with transaction.atomic():
        events.record(order, OrderEventType.PLACED, user=world.seller_admin,
                      acting_as=world.seller)

    assert [m.to for m in mailoutbox] == [[other_admin.email]]


def test_a_rolled_back_answer_sends_nothing_and_calls_no_hook(world, mailoutbox, hooked):
    order = place_waiting(world)
    mailoutbox.clear()
    hooked.clear()

    with pytest.raises(RuntimeError), transaction.atomic():
        reject(viewer_of(world.approver, world.buyer_org), order, "Нет")
        raise RuntimeError("the request failed after the answer")

    assert mailoutbox == []
    assert hooked == []
    assert OrderEvent.objects.filter(order=order, event_type="REJECTED").count() == 0


def test_the_order_event_hook_hears_each_committed_event_after_commit(world, hooked):
    seen_in_transaction = []
    with transaction.atomic():
        order = place_waiting(world)
        seen_in_transaction.extend(hooked)
    approve(viewer_of(world.approver, world.buyer_org), order, "Да")

    assert seen_in_transaction == []
    assert [(plugin, hook, args[0].event_type, args[0].order.pk)
            for plugin, hook, args in hooked] == [
        ("tests.order_events", "order_event", "APPROVAL_REQUESTED", order.pk),
        ("tests.order_events", "order_event", "APPROVED", order.pk)]
    assert hooked[1][2][0].message == "Да"


def test_a_worker_delivers_the_rejection_to_the_placer(celery_worker, smtp_server,
                                                       approval_world):
    world = approval_world
    order = place_waiting(world)
    wait_for(lambda: len(smtp_server.delivered) == 2, 15,
             "the worker delivered no letters to the approvers", celery_worker.log)

    reject(viewer_of(world.approver, world.buyer_org), order, "Нет бюджета")

    wait_for(lambda: len(smtp_server.delivered) == 3, 15,
             "the worker delivered no rejection", celery_worker.log)
    message = smtp_server.delivered[-1]
    assert message["To"] == "buyer@sub-a.test"
    assert str(make_header(decode_header(message["Subject"]))) == f"Заказ {order} отклонён"
    assert "Нет бюджета" in message.get_payload(decode=True).decode()
