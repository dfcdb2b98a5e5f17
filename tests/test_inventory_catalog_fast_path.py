"""The catalog page with the viewer's price and stock per warehouse (the page of
``bench.catalog_stock``) stays on the execution fast path for every kind of viewer and
runs as many SQL queries for 3 products as for 100."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import Role
from bench.catalog_stock import BOTH_QUERY
from tests.fixtures.graphql import GraphQLClient
from tests.fixtures.stock_world import add_stock_center, seed_stock

pytestmark = pytest.mark.django_db


def test_the_page_with_price_and_stock_never_falls_back_and_its_queries_stay_constant(
        network, catalog, make_org, make_user, make_product, staff_user, fast_path):
    seed_stock(network, catalog, make_org)
    for i in range(4):  # more products, each variant in stock in a warehouse of its own
        product = make_product(f"Краска {i}", catalog["paints"], variants=3,
                               colors=("white",), sku_prefix=f"ST{i}")
        add_stock_center(f"ST-{i}", network["sub_a"] if i % 2 else network["dealer_a"],
                         product)
    viewers = {
        "sub-dealer buyer": GraphQLClient(
            make_user("buyer@sub-a.test", network["sub_a"], Role.BUYER), network["sub_a"]),
        "dealer admin": GraphQLClient(
            make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN), network["dealer_a"]),
        "anonymous": GraphQLClient(),
        "staff": GraphQLClient(staff_user, network["factory"]),
    }
    for label, client in viewers.items():
        counts = []
        for first in (3, 100):
            client(BOTH_QUERY, {"first": first})  # prices kept, as on a buyer's later pages
            fast_path.reset()
            with CaptureQueriesContext(connection) as captured:
                data = client(BOTH_QUERY, {"first": first}).data
            counts.append(len(captured))
            assert fast_path.fallbacks == 0, (label, first)
            variants = [v for e in data["products"]["edges"] for v in e["node"]["variants"]]
            shown = sum(bool(v["stock"]) for v in variants)
            assert shown == 0 if label == "anonymous" else shown > 0, (label, first)
        assert counts[0] == counts[1], (label, counts)
