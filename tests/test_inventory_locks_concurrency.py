"""Allocation under real concurrency on PostgreSQL: each thread runs its own transaction
on its own connection, all released at once by a barrier.

- 50 buyers of one unit each, 10 units left: exactly 10 succeed, allocated ends at 10.
- Carts of several lines over several warehouses, the lines in random order: no deadlock
  (the locks are taken in primary-key order whatever the plan's order), and what was
  allocated is exactly what the successful carts asked for.
"""

import random
import threading
from contextlib import nullcontext
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, transaction

from backend.catalog.models import ProductVariant
from inventory.engine.types import AllocationPlan, Pick, PlannedShipment
from inventory.models import StockItem, StockMovement, Warehouse, WarehouseKind
from inventory.services.locks import InsufficientStock, allocate

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 11, 30)


def _run_at_once(jobs, *, atomic=True, timeout=60):
    """Run each job (a callable taking no argument) in its own thread and connection (in
    a transaction of its own when ``atomic``); returns each one's result: "ok", "short",
    or the exception's class name."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=timeout)
            with transaction.atomic() if atomic else nullcontext():
                job()
            results[index] = "ok"
        except InsufficientStock:
            results[index] = "short"
        except Exception as exc:  # a deadlock would show here
            results[index] = type(exc).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


def _plan(picks):
    shipments = {}
    for key, (item, quantity) in enumerate(picks):
        pick = Pick(line_key=key, variant_id=item.variant_id, sku=f"V{item.variant_id}",
                    warehouse_id=item.warehouse_id, quantity=Decimal(quantity), supply_id=None,
                    ready_date=TODAY)
        shipments.setdefault(item.warehouse_id, []).append(pick)
    return AllocationPlan(tuple(PlannedShipment(w, tuple(p), TODAY, Decimal(0), Decimal(0))
                                for w, p in shipments.items()), ())


@pytest.fixture
def shelves(network, catalog):
    warehouses = [Warehouse.objects.create(owner=network["factory"], kind=WarehouseKind.REGIONAL,
                                           code=f"W{i}", name=f"Склад {i}", region="Москва")
                  for i in range(3)]
    variants = list(ProductVariant.objects.order_by("pk")[:4])
    return [StockItem.objects.create(warehouse=w, variant=v, on_hand=40, allocated=0)
            for w in warehouses for v in variants]


def test_fifty_buyers_of_the_last_ten_units(shelves):
    last = shelves[0]
    StockItem.objects.filter(pk=last.pk).update(on_hand=12, allocated=2)
    plan = _plan([(last, 1)])
    results = _run_at_once([lambda i=i: allocate(plan, reference=f"ORD-{i}")
                            for i in range(50)])
    assert results.count("ok") == 10
    assert results.count("short") == 40
    last.refresh_from_db()
    assert (last.on_hand, last.allocated) == (12, 12)
    assert StockMovement.objects.filter(reason="ALLOCATION").count() == 10


def test_mixed_carts_in_random_order_never_deadlock(shelves):
    chooser = random.Random(12)
    carts = []
    for _ in range(20 * 5):
        lines = chooser.sample(shelves, 5)
        carts.append([(item, chooser.randint(1, 4)) for item in lines])

    def buy(thread_carts):
        # Five carts one after another, each in its own transaction as an order is.
        def job():
            for index, cart in enumerate(thread_carts):
                try:
                    with transaction.atomic():
                        allocate(_plan(cart), reference=f"cart-{index}")
                        outcome.append(cart)
                except InsufficientStock:
                    pass
        outcome: list = []
        return job, outcome

    jobs, outcomes = zip(*(buy(carts[i * 5:(i + 1) * 5]) for i in range(20)), strict=True)
    results = _run_at_once(list(jobs), atomic=False)
    assert results == ["ok"] * 20
    expected: dict[int, int] = {}
    for outcome in outcomes:
        for cart in outcome:
            for item, quantity in cart:
                expected[item.pk] = expected.get(item.pk, 0) + quantity
    allocated = dict(StockItem.objects.values_list("pk", "allocated"))
    assert allocated == {item.pk: expected.get(item.pk, 0) for item in shelves}
    assert all(value <= 40 for value in allocated.values())
