"""The credit check under real concurrency on PostgreSQL: twenty buyers' members place at
once (threads, each on its own connection, released by a barrier) through the placement
service against a limit that fits five orders. The account row is locked by each check
until its order commits, so each check sees the orders before it: at most five pass on
account; with the REFUSE policy the rest are refused (nothing saved), with MODERATE they are
placed held OVER_LIMIT, their moderation flagged over credit."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from backend.accounts.models import Role
from backend.checkout.services.placement import PlaceRequest, place_order
from backend.core.errors import DomainValidationError
from backend.orders.credit import CreditHold
from backend.orders.models import Order, OrderStatus
from plugins.credit.models import CreditAccount, OverLimitPolicy
from plugins.order_workflow.models import OrderModeration
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import cart_of, viewer_of

pytestmark = pytest.mark.django_db(transaction=True)


def _place_at_once(calls, timeout=90):
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index, viewer, request):
        try:
            barrier.wait(timeout=timeout)
            results[index] = place_order(viewer, request).pk
        except DomainValidationError as error:
            results[index] = error.errors[0].code_value
        except Exception as exc:  # a deadlock would show here
            results[index] = type(exc).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


def _twenty_racers(w, make_user, policy):
    """One order's grand total (a probe order, then rejected so it counts no more), an
    account fitting five and a half of them, twenty members with the same cart."""
    item = (w["variants"][1], 1)
    cart_of(w["buyer"], w["dealer"], item)
    probe = place_order(viewer_of(w["buyer"], w["dealer"]), PlaceRequest(idempotency_key="p"))
    Order.objects.filter(pk=probe.pk).update(status=OrderStatus.REJECTED)
    one = probe.grand_total_gross
    CreditAccount.objects.create(buyer=w["dealer"], seller=w["factory"],
                                 credit_limit=one * Decimal("5.5"), over_limit_policy=policy)
    calls = []
    for i in range(20):
        user = make_user(f"racer{i}@alfa.test", w["dealer"], Role.BUYER)
        cart_of(user, w["dealer"], item)
        calls.append((viewer_of(user, w["dealer"]), PlaceRequest(idempotency_key=f"r{i}")))
    return probe, calls


def test_twenty_orders_at_once_against_a_limit_for_five_refused_beyond_it(place_world,
                                                                          make_user):
    probe, calls = _twenty_racers(place_world, make_user, OverLimitPolicy.REFUSE)

    results = _place_at_once(calls)

    placed = [r for r in results if isinstance(r, int)]
    assert len(placed) == 5, results
    assert set(results) - set(placed) == {"CREDIT_REFUSED"}, results
    orders = Order.objects.exclude(pk=probe.pk)
    assert orders.count() == 5
    assert set(orders.values_list("credit_hold", flat=True)) == {CreditHold.NONE}


def test_twenty_orders_at_once_with_moderation_beyond_the_limit(place_world, make_user):
    probe, calls = _twenty_racers(place_world, make_user, OverLimitPolicy.MODERATE)

    results = _place_at_once(calls)

    assert all(isinstance(r, int) for r in results), results
    orders = Order.objects.exclude(pk=probe.pk)
    holds = list(orders.values_list("credit_hold", flat=True))
    assert holds.count(CreditHold.NONE) == 5, holds
    assert holds.count(CreditHold.OVER_LIMIT) == 15
    flagged = set(OrderModeration.objects.filter(over_credit=True)
                  .values_list("order_id", flat=True))
    assert flagged == set(orders.filter(credit_hold=CreditHold.OVER_LIMIT)
                          .values_list("pk", flat=True))
