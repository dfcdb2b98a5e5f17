"""Adding to one cart from several requests at once (real transactions, one connection per
thread, released together): the cart is created once, no line is lost, and the same SKU
added by several requests adds up into one line."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from backend.checkout.models import Cart, CartLine
from tests.cart_world import *  # noqa: F403

pytestmark = pytest.mark.django_db(transaction=True)

ADD = """
mutation Add($lines: [CartLineInput!]!) { cartLinesAdd(lines: $lines) { errors { code } } }
"""


def test_concurrent_adds_lose_no_line(clients, cart_world):
    client = clients["dealer buyer"]
    door = cart_world["door"]
    others = [cart_world["door_2"], cart_world["facade"], cart_world["litre"]]
    jobs = [[{"sku": door.sku, "quantity": "1"}] for _ in range(3)] + [
        [{"sku": variant.sku, "quantity": "20" if variant == cart_world["facade"] else "1"}]
        for variant in others]
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(index, lines):
        try:
            barrier.wait(timeout=60)
            results[index] = client.mutate(ADD, {"lines": lines},
                                           result="cartLinesAdd")["errors"]
        except Exception as exc:  # an IntegrityError of a lost race would show here
            results[index] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, lines)) for i, lines in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [[]] * len(jobs)
    assert Cart.objects.count() == 1
    quantities = dict(CartLine.objects.values_list("variant__sku", "quantity"))
    assert quantities == {door.sku: Decimal(3), cart_world["door_2"].sku: Decimal(1),
                          cart_world["facade"].sku: Decimal(20),
                          cart_world["litre"].sku: Decimal(1)}
