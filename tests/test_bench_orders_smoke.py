"""The orders' benchmark data and the W3 order list and moderation queue workloads run end
to end on a small data set, so that the benchmarks keep working as the code changes (speed
is measured by the benchmarks themselves, not here)."""

from __future__ import annotations

import pytest

from backend.orders.models import Order, OrderLine, ShipmentLine
from bench import moderation_queue, order_list, receivables
from bench.data import catalog, network, orders, stock
from bench.data.copy import reset_sequences, truncate_all
from bench.data.credit import generate_credit
from bench.data.moderation import generate_moderation
from plugins.credit.models import Invoice


@pytest.mark.django_db(transaction=True)
def test_small_orders_data_and_the_order_list_workload():
    truncate_all()
    network.generate_organizations(60)
    network.generate_users()
    catalog.generate_reference_data()
    catalog.generate_products(600, 5)
    stock.generate_stock()
    made = orders.generate_orders(300)
    reset_sequences()
    assert made["orders"] == Order.objects.count() == 300
    assert OrderLine.objects.count() == 300 * orders.LINES_PER_ORDER
    assert ShipmentLine.objects.count() == OrderLine.objects.count()

    result = order_list.run(runs=2, warmups=0)

    assert result.fallbacks == 0 and result.queries_first_10 == result.main.queries
    assert all(shape.rows > 0 for shape in result.shapes), result.report()
    assert "W3 order list" in result.report()
    # The moderation queue's rows, written from those orders, and its workload (issue 14).
    made = generate_moderation()
    assert made["moderations"] == Order.objects.filter(status__in=["PLACED", "CANCELLED"]
                                                       ).count()
    assert made["units"] == OrderLine.objects.filter(order__status__in=["PLACED", "CANCELLED"]
                                                     ).count()
    queue = moderation_queue.run(runs=1, warmups=0)
    assert queue.fallbacks == 0, queue.report()
    assert queue.queries_first_10 == queue.shapes[0].queries, queue.report()
    assert all(shape.rows > 0 for shape in queue.shapes), queue.report()
    # The credit accounts and invoices, and the receivables monitor's workload (issue 15).
    made = generate_credit()
    assert made["invoices"] > 0
    assert Invoice.objects.filter(paid_total__gt=0).exists()  # the payments' allocations
    monitor = receivables.run(runs=1, warmups=0)
    assert monitor.fallbacks == 0, monitor.report()
    assert monitor.queries_first_10 == monitor.shapes[0].queries, monitor.report()
    assert all(shape.rows > 0 for shape in monitor.shapes), monitor.report()
    # Generated again, the orders replace the old ones.
    orders.truncate_orders()
    orders.generate_orders(20)
    assert Order.objects.count() == 20
