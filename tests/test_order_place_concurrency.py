"""Placement under real concurrency on PostgreSQL: each thread places through its own
connection, all released at once by a barrier.

- Twelve buyers race for the last five units: exactly five orders, allocated ends at on
  hand, every other buyer told NOT_ENOUGH_STOCK / PREORDER_NOT_ALLOWED with its cart kept.
- The same cart placed twice at once (a double click): one order; the second request
  waits for the first's lock on the cart's lines, then finds the cart placed.
- The same idempotency key twice at once (a retry racing the first request): one order,
  both requests answered with it.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from backend.accounts.models import Role
from backend.checkout.models import CartLine
from backend.checkout.services.placement import PlaceRequest, place_order
from backend.checkout.services.pricing import price_token, quote_lines
from backend.core.errors import DomainValidationError
from backend.orders.models import Order, OrderEvent
from inventory.models import IncomingSupply, StockItem
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import cart_of, viewer_of

pytestmark = pytest.mark.django_db(transaction=True)


def _place_at_once(calls, timeout=60):
    """Run each (viewer, request) in its own thread and connection at the same moment;
    each result is the order's id or the first error's code (or an exception's name)."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index, viewer, request):
        try:
            barrier.wait(timeout=timeout)
            results[index] = place_order(viewer, request).pk
        except DomainValidationError as error:
            results[index] = error.errors[0].code_value
        except Exception as exc:  # a deadlock or a constraint would show here
            results[index] = type(exc).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


def test_twelve_buyers_for_the_last_five_units(place_world, make_user):
    w = place_world
    last = w["variants"][3]
    StockItem.objects.filter(variant=last).update(on_hand=0, allocated=0)
    StockItem.objects.filter(variant=last, warehouse=w["moscow"]).update(on_hand=7,
                                                                        allocated=2)
    calls = []
    for i in range(12):
        user = make_user(f"racer{i}@alfa.test", w["dealer"], Role.BUYER)
        cart_of(user, w["dealer"], (last, 1), (w["variants"][4], 1))
        calls.append((viewer_of(user, w["dealer"]), PlaceRequest(idempotency_key=f"r{i}")))
    results = _place_at_once(calls)
    placed = [r for r in results if isinstance(r, int)]
    assert len(placed) == 5, results
    # short under the lock (NOT_ENOUGH_STOCK), or already in the plan of one who came
    # after the others committed (the product takes no pre-orders)
    assert set(results) - set(placed) <= {"NOT_ENOUGH_STOCK", "PREORDER_NOT_ALLOWED"}, results
    item = StockItem.objects.get(variant=last, warehouse=w["moscow"])
    assert (item.on_hand, item.allocated) == (7, 7)  # zero oversell
    assert Order.objects.count() == 5 and OrderEvent.objects.count() == 5
    assert sorted(Order.objects.values_list("serial", flat=True)) == [1, 2, 3, 4, 5]
    assert CartLine.objects.count() == 2 * 7  # the refused carts are kept whole


def test_the_same_cart_placed_twice_at_once(place_world):
    w = place_world
    cart = cart_of(w["buyer"], w["dealer"], (w["variants"][0], 10), (w["variants"][1], 2))
    token = price_token(quote_lines(w["dealer"], [(line.variant_id, line.quantity)
                                                  for line in cart.lines.order_by("pk")]))
    viewer = viewer_of(w["buyer"], w["dealer"])
    results = _place_at_once([(viewer, PlaceRequest(idempotency_key=k, price_token=token))
                              for k in ("click-1", "click-2")])
    assert sorted(map(str, results)) == sorted([str(Order.objects.get().pk), "CART_CHANGED"])
    assert sum(StockItem.objects.filter(variant=w["variants"][0])
               .values_list("allocated", flat=True)) == 5 + 10  # the stock would do twice


def test_the_same_key_twice_at_once(place_world):
    w = place_world
    cart_of(w["buyer"], w["dealer"], (w["variants"][0], 100), (w["variants"][1], 2))
    viewer = viewer_of(w["buyer"], w["dealer"])
    request = PlaceRequest(idempotency_key="retry", order_type="PREORDER")
    results = _place_at_once([(viewer, request), (viewer, request)])
    order = Order.objects.get()
    assert results == [order.pk, order.pk]
    assert IncomingSupply.objects.get(pk=w["supply"].pk).reserved == 10 + Decimal(25)
    assert OrderEvent.objects.count() == 1 and not CartLine.objects.exists()
