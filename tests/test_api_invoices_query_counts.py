"""The invoice list and an order list's invoices and UPDs run the same number of SQL
queries however many rows they show, all on the execution fast path."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fixtures.order_place import *  # noqa: F403
from tests.invoices_world import *  # noqa: F403
from tests.invoices_world import confirmed, shipped

pytestmark = pytest.mark.django_db

INVOICES = """{ invoices(first: 50) { totalCount edges { node {
  id number status overdueDays pdfUrl seller { name } buyer { name requisites { bik } }
  order { number } totalGross { amount } paid { amount } remaining { amount }
  lines { sku quantity totalGross { amount } } } } } }"""

ORDERS = """{ orders(first: 50) { edges { node { number
  invoices { number paid { amount } lines { sku } }
  shipmentDocuments { dispatchNumber updUrl } } } } }"""


def counted(client, document, fast_path) -> int:
    fast_path.reset()
    with CaptureQueriesContext(connection) as captured:
        response = client(document)
    assert response.status == 200 and not response.errors, response.errors
    assert fast_path.fallbacks == 0
    return len(captured)


def add_orders(world, how_many: int) -> None:
    for _ in range(how_many):
        order = confirmed(world, (world["variants"][1], 2), (world["variants"][2], 1))
        shipped(world, order, (world["variants"][1], 1))


def test_invoice_lists_read_no_row_one_by_one(credit_world, api_as, fast_path):
    add_orders(credit_world, 1)
    clients = [api_as(credit_world["staff"]),
               api_as(credit_world["accountant"], credit_world["dealer"])]
    before = [counted(client, document, fast_path)
              for client in clients for document in (INVOICES, ORDERS)]
    add_orders(credit_world, 3)
    after = [counted(client, document, fast_path)
             for client in clients for document in (INVOICES, ORDERS)]
    assert after == before
