"""Notifications through the API: each person reads only their own, newest first, in
their language, with the order through the orders' visibility; marks them read; chooses
per topic whether to be told by e-mail and in the portal. Celery runs eagerly here: the
committed event's task runs when its transaction's on-commit callbacks do."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from backend.orders.models import OrderEventType
from backend.orders.services import events
from backend.orders.services.notifications import silenced
from plugins.notifications.models import Notification, NotificationPreference
from tests.fixtures.waiting_orders import *  # noqa: F403
from tests.fixtures.waiting_orders import place_waiting

pytestmark = pytest.mark.django_db

LIST = """query($unread: Boolean, $first: Int) {
  notifications(unreadOnly: $unread, first: $first) {
    totalCount
    edges { node { id eventType topic title body url createdAt readAt order { id number } } }
  }
  notificationUnreadCount
}"""
MARK = """mutation($ids: [ID!], $all: Boolean) { notificationsMarkRead(ids: $ids, all: $all) {
  unreadCount errors { field code message } } }"""
PREFERENCES = "{ notificationPreferences { topic email inApp } }"
UPDATE = """mutation($p: [NotificationPreferenceInput!]!) {
  notificationPreferencesUpdate(preferences: $p) {
    preferences { topic email inApp } errors { field code message } } }"""


@pytest.fixture
def world(approval_world):
    return approval_world


def place(world, django_capture_on_commit_callbacks, **options):
    with django_capture_on_commit_callbacks(execute=True):
        return place_waiting(world, **options)


def nodes(response) -> list[dict]:
    return [edge["node"] for edge in response.data["notifications"]["edges"]]


def test_each_approver_reads_their_own_notification_in_their_language(
        world, api_as, django_capture_on_commit_callbacks, mailoutbox):
    order = place(world, django_capture_on_commit_callbacks)
    order_id = to_global_id("Order", order.pk)

    english = api_as(world.approver, world.buyer_org)(LIST)
    russian = api_as(world.buyer_admin, world.buyer_org)(LIST)
    placer = api_as(world.buyer, world.buyer_org)(LIST)

    [note] = nodes(english)
    assert note["eventType"] == "APPROVAL_REQUESTED"
    assert note["topic"] == "ORDER_APPROVAL"
    assert note["title"] == f"Order {order} waits for your approval"
    assert "Борис Покупкин placed order" in note["body"]
    assert note["url"] == f"/orders/{order_id}"
    assert note["order"] == {"id": order_id, "number": str(order)}
    assert note["readAt"] is None
    assert english.data["notificationUnreadCount"] == 1
    assert [n["title"] for n in nodes(russian)] == [f"Заказ {order} ждёт вашего согласования"]
    # The placer did it themselves: told nothing.
    assert nodes(placer) == [] and placer.data["notificationUnreadCount"] == 0
    assert len(mailoutbox) == 2


def test_a_notification_is_its_recipients_alone_by_list_and_by_id(
        world, api_as, django_capture_on_commit_callbacks):
    place(world, django_capture_on_commit_callbacks)
    note = Notification.objects.get(recipient=world.approver)
    other = api_as(world.buyer_admin, world.buyer_org)

    response = other("query($id: ID!) { node(id: $id) { id } }",
                     {"id": to_global_id("Notification", note.pk)})
    assert response.data["node"] is None
    payload = other.mutate(MARK, {"ids": [to_global_id("Notification", note.pk)]},
                           result="notificationsMarkRead")
    assert payload["errors"][0]["code"] == "NOT_FOUND"
    assert Notification.objects.get(pk=note.pk).read_at is None


def test_the_order_of_a_notification_is_null_once_the_reader_may_not_see_it(
        world, api_as, django_capture_on_commit_callbacks, network):
    place(world, django_capture_on_commit_callbacks)
    # The approver reads while acting for another organization: the list is theirs, the
    # order is not visible there.
    from backend.accounts.models import Membership, Role
    Membership.objects.create(user=world.approver, organization=network["dealer_b"],
                              role=Role.BUYER)

    [note] = nodes(api_as(world.approver, network["dealer_b"])(LIST))
    assert note["order"] is None
    assert note["url"].startswith("/orders/")


def test_newest_first_unread_only_and_marking_read(
        world, api_as, django_capture_on_commit_callbacks):
    first = place(world, django_capture_on_commit_callbacks)
    second = place(world, django_capture_on_commit_callbacks)
    client = api_as(world.approver, world.buyer_org)
    [newest, oldest] = nodes(client(LIST))
    assert (newest["order"]["number"], oldest["order"]["number"]) == (str(second), str(first))

    payload = client.mutate(MARK, {"ids": [oldest["id"]]}, result="notificationsMarkRead")
    assert payload == {"unreadCount": 1, "errors": []}
    unread = client(LIST, {"unread": True})
    assert [n["id"] for n in nodes(unread)] == [newest["id"]]
    assert unread.data["notifications"]["totalCount"] == 1

    assert client.mutate(MARK, {"all": True}, result="notificationsMarkRead") == {
        "unreadCount": 0, "errors": []}
    assert nodes(client(LIST, {"unread": True})) == []
    # Someone else's stay unread.
    assert Notification.objects.filter(recipient=world.buyer_admin,
                                       read_at__isnull=True).count() == 2


def test_marking_needs_ids_or_all_and_a_signed_in_user(world, api_as, api):
    client = api_as(world.approver, world.buyer_org)
    assert client.mutate(MARK, {}, result="notificationsMarkRead")["errors"] == [
        {"field": "ids", "code": "REQUIRED",
         "message": "Give the notifications' ids, or all: true."}]
    assert api.mutate(MARK, {"all": True}, result="notificationsMarkRead")["errors"][0][
        "code"] == "AUTHENTICATION_REQUIRED"
    assert api(LIST).data == {"notifications": {"totalCount": 0, "edges": []},
                              "notificationUnreadCount": 0}


def test_preferences_default_on_and_choose_the_channels(
        world, api_as, django_capture_on_commit_callbacks, mailoutbox):
    approver = api_as(world.approver, world.buyer_org)
    defaults = approver(PREFERENCES).data["notificationPreferences"]
    assert [p["topic"] for p in defaults] == ["ORDER_APPROVAL", "ORDER_MODERATION",
                                              "ORDER_PROPOSALS", "ORDER_FULFILMENT",
                                              "ORDER_FORWARDING", "PAYMENTS"]
    assert all(p["email"] and p["inApp"] for p in defaults)

    payload = approver.mutate(UPDATE, {"p": [
        {"topic": "ORDER_APPROVAL", "email": False, "inApp": True}]},
        result="notificationPreferencesUpdate")
    assert payload["errors"] == []
    assert payload["preferences"][0] == {"topic": "ORDER_APPROVAL", "email": False,
                                         "inApp": True}
    api_as(world.buyer_admin, world.buyer_org).mutate(UPDATE, {"p": [
        {"topic": "ORDER_APPROVAL", "email": True, "inApp": False}]},
        result="notificationPreferencesUpdate")

    place(world, django_capture_on_commit_callbacks)

    assert [m.to for m in mailoutbox] == [[world.buyer_admin.email]]
    assert list(Notification.objects.values_list("recipient__email", flat=True)) == [
        world.approver.email]


def test_a_topic_given_twice_is_refused_and_nothing_changes(world, api_as):
    payload = api_as(world.approver, world.buyer_org).mutate(UPDATE, {"p": [
        {"topic": "ORDER_APPROVAL", "email": False, "inApp": True},
        {"topic": "ORDER_APPROVAL", "email": True, "inApp": True}]},
        result="notificationPreferencesUpdate")
    assert payload == {"preferences": [], "errors": [
        {"field": "preferences", "code": "DUPLICATE_TOPIC",
         "message": "Each topic may be given once."}]}
    assert not NotificationPreference.objects.exists()


def test_the_list_runs_a_constant_number_of_queries(
        world, api_as, django_capture_on_commit_callbacks, fast_path):
    client = api_as(world.approver, world.buyer_org)
    place(world, django_capture_on_commit_callbacks)

    def counted() -> int:
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            response = client(LIST, {"first": 50})
        assert not response.errors and fast_path.fallbacks == 0
        return len(captured)

    one = counted()
    for _ in range(4):
        place(world, django_capture_on_commit_callbacks, quantity=1, preorder=0)
    assert len(nodes(client(LIST))) == 5
    assert counted() == one


def test_silenced_events_tell_nobody(world, django_capture_on_commit_callbacks, mailoutbox):
    with silenced():
        place(world, django_capture_on_commit_callbacks)
    order = place(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        events.record(order, OrderEventType.NOTE, user=world.buyer, message="a note")

    assert Notification.objects.filter(order=order).count() == 2
    assert Notification.objects.count() == 2 and len(mailoutbox) == 2
