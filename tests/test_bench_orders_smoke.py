"""The orders' benchmark data and the W3 order list workload run end to end on a small data
set, so that the benchmark keeps working as the code changes (speed is measured by the
benchmark itself, not here)."""

from __future__ import annotations

import pytest

from backend.orders.models import Order, OrderLine, ShipmentLine
from bench import order_list
from bench.data import catalog, network, orders, stock
from bench.data.copy import reset_sequences, truncate_all


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
    # Generated again, the orders replace the old ones.
    orders.truncate_orders()
    orders.generate_orders(20)
    assert Order.objects.count() == 20
