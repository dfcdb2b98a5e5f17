"""Two moderators acting on one order at once, on PostgreSQL, through the GraphQL API:
each request runs in its own thread, transaction and connection, released together by a
barrier. The order row is locked before the moderation is read, so one wins, the other
gets a clear error (CONCURRENT_CHANGE when it sent the version it read, WRONG_STATE when
the action no longer fits), and nothing is lost: one event per success, the version
counts the successes, every line's units add up."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from backend.orders.models import OrderEvent
from plugins.order_workflow.models import LineProposal, OrderModeration
from tests.fixtures.graphql import GraphQLClient
from tests.fixtures.moderation import *  # noqa: F403
from tests.fixtures.moderation import gid, moderate, place
from tests.fixtures.order_place import *  # noqa: F403

pytestmark = pytest.mark.django_db(transaction=True)


def _at_once(jobs, timeout=60):
    """Each job in its own thread; the payload's error codes, [] for a success."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=timeout)
            results[index] = [e["code"] for e in job()["errors"]]
        except Exception as exc:  # a deadlock or a broken lock would show here
            results[index] = [type(exc).__name__]
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


def _clients(world):
    return (GraphQLClient(world["staff"], world["factory"]),
            GraphQLClient(world["staff2"]))


@pytest.mark.parametrize("with_version", [True, False])
def test_two_moderators_taking_one_order_one_wins(moderation_world, with_version):
    world = moderation_world
    order = place(world, (world["variants"][1], 5), key="take")
    first, second = _clients(world)
    version = {"version": 1} if with_version else {}
    results = _at_once([
        lambda: moderate(first, "orderModerationStart", id=gid("Order", order.pk), **version),
        lambda: moderate(second, "orderModerationStart", id=gid("Order", order.pk), **version)])
    assert sorted(results) == [[], ["CONCURRENT_CHANGE" if with_version else "WRONG_STATE"]]
    moderation = OrderModeration.objects.get(order=order)
    winner = [world["staff"], world["staff2"]][results.index([])]
    assert (moderation.state, moderation.version, moderation.moderator_id) == (
        "ON_MODERATION", 2, winner.pk)
    assert OrderEvent.objects.filter(order=order, event_type="MODERATION_STARTED").count() == 1


@pytest.mark.parametrize("round_", range(2))
def test_a_confirmation_and_a_proposal_at_once_one_wins_nothing_lost(moderation_world, round_):
    world = moderation_world
    order = place(world, (world["variants"][1], 5), (world["variants"][2], 2), key="race")
    line = order.lines.order_by("position").first()
    first, second = _clients(world)
    jobs = [
        lambda: moderate(first, "orderConfirm", id=gid("Order", order.pk), version=1),
        lambda: moderate(second, "orderProposalCreate", id=gid("Order", order.pk), version=1,
                         proposals=[{"line": gid("OrderLine", line.pk), "kind": "QUANTITY",
                                     "quantity": "3"}])]
    if round_:
        jobs.reverse()
    results = _at_once(jobs)
    assert sorted(results) == [[], ["CONCURRENT_CHANGE"]]
    moderation = OrderModeration.objects.get(order=order)
    proposals = LineProposal.objects.filter(order=order).count()
    events = set(OrderEvent.objects.filter(order=order).exclude(event_type="PLACED")
                 .values_list("event_type", flat=True))
    assert moderation.version == 2
    assert (moderation.state, proposals, events) in (
        ("CONFIRMED", 0, {"CONFIRMED"}), ("AWAITING_BUYER", 1, {"PROPOSED"}))
