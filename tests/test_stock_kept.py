"""Catalog stock answers kept between requests (``inventory/schema/kept_stock.py``), in
committed transactions: a later page of the same view reads them without the stock
statement; a committed change of a warehouse's stock or supply (by any write path), of the
warehouses themselves or of the organizations' tree, another organization, a transaction
that changed stock itself: each shows what a fresh read gives, never kept answers of
older versions or of another view. Kept answers equal fresh ones over random changes."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from graphql_relay import to_global_id

from backend.accounts.models import Role
from inventory.models import IncomingSupply, StockItem
from inventory.schema.kept_stock import KEPT
from tests.fixtures.stock_world import seed_stock
from tests.test_api_inventory_read import CATALOG

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _nothing_kept():
    KEPT.clear()
    yield
    KEPT.clear()


@pytest.fixture
def world(network, catalog, make_org):
    return seed_stock(network, catalog, make_org)


@pytest.fixture
def paint(catalog):
    return {"ids": [to_global_id("Product", catalog["facade_white"].pk)]}


def _stock_reads(captured) -> int:
    return sum("inventory_stockitem" in (q["sql"] or "") for q in captured.captured_queries)


def _page(client, paint) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as captured:
        data = client(CATALOG, paint).data
    return data, _stock_reads(captured)


@pytest.fixture
def sub_buyer(network, make_user, api_as):
    user = make_user("kept@sub-alfa.test", network["sub_a"], Role.BUYER)
    return api_as(user, network["sub_a"])


def _variant_stock(data) -> list[tuple[str, dict]]:
    variant = data["products"]["edges"][0]["node"]["variants"][0]
    return [(s["warehouse"]["code"], s["available"]["exact"] or s["available"]["band"])
            for s in variant["stock"]]


def test_a_later_page_reads_the_kept_answers_without_the_stock_statement(
        world, paint, sub_buyer):
    first, reads = _page(sub_buyer, paint)
    assert reads == 1
    again, reads = _page(sub_buyer, paint)
    assert reads == 0
    assert again == first
    assert len(KEPT) > 0


def test_a_page_with_prices_reads_the_price_and_stock_versions_in_one_statement(
        world, paint, sub_buyer):
    """backend/core/request_reads: a query's versions, the price rules' and the stock's,
    in one round trip, not one each."""
    priced = CATALOG.replace("variants { sku", "variants { sku price { net currency }")
    sub_buyer(priced, paint)  # keeps the view
    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        sub_buyer(priced, paint)
    versions = [sql for sql in statements
                if "inventory_stock_version" in sql or "rules_version" in sql]
    assert len(versions) == 1
    assert "inventory_stock_version" in versions[0] and "rules_version" in versions[0]


def test_a_committed_stock_change_in_a_shown_warehouse_is_seen_at_once(
        world, paint, sub_buyer):
    _page(sub_buyer, paint)
    row = StockItem.objects.get(warehouse=world["warehouses"]["SA1"])
    StockItem.objects.filter(pk=row.pk).update(on_hand=row.on_hand + 4)  # QuerySet.update

    data, reads = _page(sub_buyer, paint)
    assert reads == 1
    assert ("SA1", "7.000") in _variant_stock(data)


def test_a_change_in_a_warehouse_the_view_does_not_show_keeps_its_answers(
        world, paint, sub_buyer):
    before, _ = _page(sub_buyer, paint)
    hidden = StockItem.objects.get(warehouse=world["warehouses"]["DB"])  # another network
    hidden.on_hand += 10
    hidden.save()

    data, reads = _page(sub_buyer, paint)
    assert reads == 0
    assert data == before


def test_incoming_supply_and_bulk_writes_are_seen(world, paint, sub_buyer, catalog):
    _page(sub_buyer, paint)
    supply = world["supplies"]["DA"]
    IncomingSupply.objects.filter(pk=supply.pk).update(quantity=Decimal(45))
    data, reads = _page(sub_buyer, paint)
    assert reads == 1
    variant = data["products"]["edges"][0]["node"]["variants"][0]
    assert [i["quantity"]["exact"] for s in variant["stock"] for i in s["incoming"]] == [
        "45.000"]

    second = catalog["facade_white"].variants.order_by("pk")[1]
    StockItem.objects.bulk_create([StockItem(warehouse=world["warehouses"]["SA1"],
                                             variant=second, on_hand=6, allocated=0)])
    data, reads = _page(sub_buyer, paint)
    assert reads == 1
    variants = data["products"]["edges"][0]["node"]["variants"]
    assert [(s["warehouse"]["code"], s["available"]["exact"])
            for s in variants[1]["stock"]] == [("SA1", "6.000")]


def test_a_warehouse_setting_or_the_tree_changing_renews_the_view(
        world, paint, sub_buyer, network):
    _page(sub_buyer, paint)
    shared = world["warehouses"]["SA2"]
    shared.shared_with_network = False
    shared.save()
    data, reads = _page(sub_buyer, paint)
    assert reads == 1
    assert "SA2" not in dict(_variant_stock(data))

    # The sub-dealer moved under dealer B: dealer A's stock center is no longer its seller's.
    sub = network["sub_a"]
    sub.parent = network["dealer_b"]
    sub.save()
    data, _ = _page(sub_buyer, paint)
    codes = dict(_variant_stock(data))
    assert "DA" not in codes and "DB" in codes


def test_another_organization_never_reads_a_views_answers(
        world, paint, sub_buyer, network, make_user, api_as):
    mine, _ = _page(sub_buyer, paint)
    dealer = api_as(make_user("kept@alfa.test", network["dealer_a"], Role.BUYER),
                    network["dealer_a"])
    theirs, reads = _page(dealer, paint)
    assert reads == 1
    assert dict(_variant_stock(theirs))["F-EXACT"] == "120.000"
    assert "F-EXACT" not in dict(_variant_stock(mine))


def test_a_transaction_that_changed_stock_itself_neither_reads_nor_keeps(
        world, paint, sub_buyer):
    _page(sub_buyer, paint)
    row = StockItem.objects.get(warehouse=world["warehouses"]["SA1"])
    with transaction.atomic():
        StockItem.objects.filter(pk=row.pk).update(on_hand=row.on_hand + 20)
        inside, reads = _page(sub_buyer, paint)
        assert reads == 1
        assert ("SA1", "23.000") in _variant_stock(inside)
        transaction.set_rollback(True)
    after, reads = _page(sub_buyer, paint)
    assert reads == 0  # the rolled-back change raised nothing: the kept answers stand
    assert ("SA1", "3.000") in _variant_stock(after)


def test_keeping_can_be_turned_off(world, paint, sub_buyer):
    with override_settings(STOCK_CACHE_VARIANTS=0):
        _page(sub_buyer, paint)
        _, reads = _page(sub_buyer, paint)
    assert reads == 1
    assert len(KEPT) == 0


def test_kept_answers_equal_fresh_ones_over_random_changes(world, paint, sub_buyer, catalog):
    rng = random.Random(15)
    variants = list(catalog["facade_white"].variants.order_by("pk"))
    warehouses = list(world["warehouses"].values())
    for _ in range(12):
        kind = rng.choice(("stock", "supply", "nothing"))
        if kind == "stock":
            StockItem.objects.update_or_create(
                warehouse=rng.choice(warehouses), variant=rng.choice(variants),
                defaults={"on_hand": rng.randint(0, 60), "allocated": 0})
        elif kind == "supply":
            IncomingSupply.objects.filter(pk=world["supplies"]["DA"].pk).update(
                quantity=rng.randint(1, 80))
        kept, _ = _page(sub_buyer, paint)
        with override_settings(STOCK_CACHE_VARIANTS=0):
            fresh, _ = _page(sub_buyer, paint)
        assert kept == fresh
