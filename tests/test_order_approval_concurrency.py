"""An approval and a rejection of one order sent at once, on PostgreSQL: each thread runs
its own transaction on its own connection, released together by a barrier. The order row
is locked before its status is read, so exactly one answer wins, the other finds the
order no longer waiting, and the stock is given back at most once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from backend.core.errors import DomainValidationError
from backend.orders.models import Order, OrderEvent, OrderStatus
from backend.orders.services.approval import approve, reject
from inventory.models import IncomingSupply, StockItem, StockMovement
from tests.fixtures.waiting_orders import *  # noqa: F403
from tests.fixtures.waiting_orders import place_waiting, viewer_of

pytestmark = pytest.mark.django_db(transaction=True)


def _run_at_once(jobs, timeout=60):
    """Each job in its own thread and transaction; "ok" or the error code it ended with."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=timeout)
            with transaction.atomic():
                job()
            results[index] = "ok"
        except DomainValidationError as exc:
            results[index] = exc.errors[0].code_value
        except Exception as exc:  # a deadlock or a broken lock would show here
            results[index] = type(exc).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


@pytest.mark.parametrize("round_", range(3))
def test_an_approval_and_a_rejection_at_once_one_wins(approval_world, round_):
    world = approval_world
    order = place_waiting(world, quantity=5, preorder=2)
    approver = viewer_of(world.approver, world.buyer_org)
    admin = viewer_of(world.buyer_admin, world.buyer_org)
    jobs = [lambda: approve(approver, order.pk, "Да"), lambda: reject(admin, order.pk, "Нет")]
    if round_ % 2:
        jobs.reverse()

    results = _run_at_once(jobs)

    assert sorted(results) == ["NOT_AWAITING_APPROVAL", "ok"]
    order.refresh_from_db()
    answers = list(OrderEvent.objects.filter(order=order, event_type__in=["APPROVED",
                                                                           "REJECTED"])
                   .values_list("event_type", flat=True))
    allocated = StockItem.objects.get(pk=world.stock.pk).allocated
    reserved = IncomingSupply.objects.get(pk=world.supply.pk).reserved
    releases = StockMovement.objects.filter(reason__in=["RELEASE", "PREORDER_RELEASE"]).count()
    if order.status == OrderStatus.PLACED:
        assert (answers, allocated, reserved, releases) == (["APPROVED"], 3, 2, 0)
    else:
        assert order.status == OrderStatus.REJECTED
        assert (answers, allocated, reserved, releases) == (["REJECTED"], 0, 0, 2)
    assert Order.objects.count() == 1


def test_two_rejections_at_once_release_the_stock_once(approval_world):
    world = approval_world
    order = place_waiting(world, quantity=5, preorder=2)
    viewers = [viewer_of(world.approver, world.buyer_org),
               viewer_of(world.buyer_admin, world.buyer_org)]

    results = _run_at_once([lambda v=v: reject(v, order.pk, "Нет") for v in viewers])

    assert sorted(results) == ["NOT_AWAITING_APPROVAL", "ok"]
    assert StockItem.objects.get(pk=world.stock.pk).allocated == 0
    assert IncomingSupply.objects.get(pk=world.supply.pk).reserved == 0
    assert StockMovement.objects.filter(reason__in=["RELEASE", "PREORDER_RELEASE"]).count() == 2
