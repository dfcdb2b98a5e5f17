"""The order list runs the same number of SQL queries however many orders, lines,
shipments and events its page shows, all of it on the execution fast path."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.orders_world import make_order, seed_orders

pytestmark = pytest.mark.django_db

PAGE = """{ orders(first: 50) { totalCount edges { node {
  id number sellerNumber buyerReference status paymentStatus orderType grandTotalGross
  lineCount buyer { name } seller { name } placedBy { fullName } placedAs { name }
  decidedBy { fullName } pickupWarehouse { code }
  lines { sku unit quantity totalNet tierMinQuantity promotionNames variant { sku } }
  shipments { warehouseName warehouse { code } carrier { name } cost { amount }
    lines { quantity preorder line { sku } } }
  events { type user { fullName } actingAs { name } onBehalfOf { name } before after }
} } } }"""


def _count(client, fast_path) -> tuple[int, int]:
    fast_path.reset()
    with CaptureQueriesContext(connection) as captured:
        response = client(PAGE)
    assert response.status == 200 and not response.errors, response.errors
    assert fast_path.fallbacks == 0
    return len(captured), response.data["orders"]["totalCount"]


def test_an_order_page_reads_a_constant_number_of_queries(network, catalog, make_user,
                                                          staff_user, api_as, fast_path):
    world = seed_orders(network, catalog, make_user)
    clients = {"staff": api_as(staff_user, network["factory"]),
               "dealer": api_as(world["users"]["dealer_a_buyer"], network["dealer_a"])}
    before = {label: _count(client, fast_path) for label, client in clients.items()}
    for _ in range(5):
        make_order(network["sub_a"], world["users"]["dealer_a_admin"], world["variants"],
                   warehouse=world["warehouse"], on_behalf=True, placed_as=network["dealer_a"])
    after = {label: _count(client, fast_path) for label, client in clients.items()}
    for label in clients:
        assert after[label][1] == before[label][1] + 5
        assert after[label][0] == before[label][0], (label, before, after)
