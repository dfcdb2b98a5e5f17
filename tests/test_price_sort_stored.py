"""Stored price sort keys (``price_rules/stored_keys.py``) in committed transactions: the
first sort of a buyer stores its keys, the next ones read them; any committed change of
what a key reads (an entry's price, an assignment, a promotion, the markup, a floor, a
variant's minimum order) raises the rules version, so the next sort stores and shows the
new keys; two first sorts at once store one set; keys computed while a writer commits are
not stored as current; old versions are deleted; a warm page costs constant queries."""

from __future__ import annotations

import importlib
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.catalog.models import Product, ProductVariant
from price_rules import stored_keys
from price_rules.models import (
    DiscountKind,
    MapFloor,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    Promotion,
    ResaleMarkup,
)
from tests import test_api_catalog_prices as _catalog_prices

SORTED = _catalog_prices.SORTED
shop = _catalog_prices.shop  # the fixture: the rules of every kind, for four viewers

pytestmark = pytest.mark.django_db(transaction=True)

D = Decimal

MIGRATION = importlib.import_module("price_rules.migrations.0004_stored_price_keys")
RANGES = """query R { products(first: 50) { edges { node { id name
  priceRange { minGross } } } } }"""


@pytest.fixture
def buyers(shop, api_as, make_user):
    return {key: api_as(make_user(f"stored@{key}.test", shop[key]), shop[key])
            for key in ("dealer_a", "dealer_b", "sub_a")}


def _sort(client) -> list[tuple[str, Decimal | None]]:
    response = client(SORTED, {"sortBy": {"field": "PRICE"}})
    assert not response.errors, response.errors
    return [(e["node"]["name"], e["node"]["priceRange"]
             and D(e["node"]["priceRange"]["minGross"]))
            for e in response.data["products"]["edges"]]


def _version() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {stored_keys.VERSION}")
        return cursor.fetchone()[0]


def _stored(buyer) -> dict[int, Decimal]:
    """The stored keys the buyer reads (its own or a shared set) of the current version and
    day."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT product_id, gross FROM {stored_keys.KEYS} WHERE buyer_id = %s "
                       "AND version = %s AND day = %s",
                       [stored_keys.key_owner(buyer), _version(), timezone.localdate()])
        return dict(cursor.fetchall())


def _sets(buyer) -> list[tuple[int, object]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version, day FROM {stored_keys.KEY_SETS} WHERE buyer_id = %s "
                       "ORDER BY version", [stored_keys.key_owner(buyer)])
        return cursor.fetchall()


def _sorted_as_shown(found) -> None:
    priced = [price for _, price in found if price is not None]
    assert priced == sorted(priced), found
    assert all(price is None for _, price in found[len(priced):]), found


def _cheap_list_for_dealer_b(shop, variant="grey"):
    own = PriceList.objects.create(owner=shop["factory"], name="Личный Б", priority=5)
    PriceListAssignment.objects.create(price_list=own, organization=shop["dealer_b"])
    PriceListEntry.objects.create(price_list=own, variant=shop[variant], min_quantity=1,
                                  price=D("5"))


def _promotion_for_dealer_b(shop):
    today = timezone.localdate()
    promotion = Promotion.objects.create(
        owner=shop["factory"], name="Серая -90%", kind=DiscountKind.PERCENT, value=D(90),
        starts=today, ends=today + timedelta(days=1))
    promotion.audience_organizations.add(shop["dealer_b"])
    promotion.variants.add(shop["grey"])


# Each kind of change: (viewer, the change, the product whose key it changes).
CHANGES = {
    "entry price": ("dealer_b", lambda shop: PriceListEntry.objects.filter(
        variant=shop["grey"], price_list__is_base=True).update(price=D("7")),
        "interior_grey"),
    "assignment": ("dealer_b", _cheap_list_for_dealer_b, "interior_grey"),
    "promotion": ("dealer_b", _promotion_for_dealer_b, "interior_grey"),
    "markup": ("sub_a", lambda shop: ResaleMarkup.objects.filter(
        organization=shop["dealer_a"]).update(percent=D(60)), "interior_grey"),
    "floor": ("sub_a", lambda shop: MapFloor.objects.create(
        owner=shop["factory"], variant=ProductVariant.objects.get(pk=shop["grey"].pk),
        amount=D("9000")), "interior_grey"),
    "minimum order": ("dealer_b", lambda shop: ProductVariant.objects.filter(
        pk=shop["facade"].pk).update(min_order_quantity=D(1)), "facade_white"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_next_sort_after_a_committed_change_shows_it(shop, buyers, catalog, change):
    viewer, apply, product_key = CHANGES[change]
    buyer, client = shop[viewer], buyers[viewer]
    product = catalog[product_key]
    before = _sort(client)
    stored = _stored(buyer)
    assert stored, "the first sort stores the buyer's keys"
    version = _version()

    apply(shop)  # committed: the tests run in autocommit

    after = _sort(client)
    _sorted_as_shown(after)
    now = _stored(buyer)
    assert now[product.pk] != stored[product.pk], change
    shown = {name: price for name, price in after}
    assert now[product.pk] == shown[product.name]
    assert after != before
    assert _version() > version
    assert [version for version, _ in _sets(buyer)] == [_version()]  # the old set is gone


def test_the_keys_equal_the_prices_shown_for_every_viewer(shop, buyers):
    for key, client in buyers.items():
        found = _sort(client)
        _sorted_as_shown(found)
        response = client(RANGES)
        shown = {e["node"]["name"]: e["node"]["priceRange"]["minGross"]
                 for e in response.data["products"]["edges"] if e["node"]["priceRange"]}
        names = dict(Product.objects.filter(is_published=True).values_list("pk", "name"))
        stored = {names[pk]: f"{gross:.2f}" for pk, gross in _stored(shop[key]).items()
                  if pk in names}
        assert stored == shown, key


def test_the_price_filter_reads_the_stored_keys(shop, buyers):
    every = _sort(buyers["sub_a"])
    prices = sorted(price for _, price in every if price is not None)
    response = buyers["sub_a"](SORTED, {"sortBy": {"field": "PRICE"},
                                        "filter": {"priceMax": str(prices[1])}})
    assert [e["node"]["name"] for e in response.data["products"]["edges"]] == [
        name for name, price in every if price is not None and price <= prices[1]]
    assert len(_sets(shop["sub_a"])) == 1


def test_a_warm_sorted_page_costs_the_same_queries_whatever_its_size(
        shop, buyers, make_product, catalog):
    for i in range(4):
        make_product(f"Краска {i}", catalog["paints"], variants=3, sku_prefix=f"KR-{i}")
    _sort(buyers["sub_a"])  # stores the keys

    def run(first: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = buyers["sub_a"](SORTED.replace("first: 50", f"first: {first}"),
                                       {"sortBy": {"field": "PRICE"}})
        assert not response.errors
        assert any(stored_keys.KEYS in q["sql"] for q in queries.captured_queries)
        return len(queries)

    assert run(1) == run(50)


def test_writes_of_every_kind_raise_the_version_at_commit_only(shop):
    start = _version()
    with connection.cursor() as cursor:  # raw SQL
        cursor.execute("UPDATE price_rules_pricelistentry SET price = price + 1")
    assert _version() == start + 1
    PriceListEntry.objects.bulk_create([PriceListEntry(
        price_list=PriceList.objects.get(is_base=True), variant=shop["door"],
        min_quantity=D(100), price=D(1))])
    assert _version() == start + 2
    with transaction.atomic():
        PriceListEntry.objects.filter(min_quantity=D(100)).delete()
        ProductVariant.objects.filter(pk=shop["door"].pk).update(min_order_quantity=D(3))
        assert _version() == start + 2  # raised when the transaction commits, once
    assert _version() == start + 3
    with pytest.raises(RuntimeError), transaction.atomic():
        PriceListEntry.objects.update(price=D(1))
        raise RuntimeError
    assert _version() == start + 3  # rolled back: nothing changed
    ProductVariant.objects.filter(pk=shop["door"].pk).update(name="Другое имя")
    assert _version() == start + 3  # a column no key reads


def test_every_price_rules_table_is_watched_or_left_out_on_purpose():
    tables = set()
    for model in apps.get_app_config("price_rules").get_models():
        tables.add(model._meta.db_table)
        tables.update(f.remote_field.through._meta.db_table
                      for f in model._meta.many_to_many)
    left_out = {t for t in tables if t.startswith(("price_rules_volumediscount",
                                                   "price_rules_recomputejob"))}
    assert tables - left_out == {t for t in MIGRATION.WATCHED if t.startswith("price_rules")}
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                       "WHERE t.tgname LIKE 'price_rules_keys_%%'")
        assert {row[0] for row in cursor.fetchall()} == set(MIGRATION.WATCHED)


def _in_threads(calls):
    answers, errors = [None] * len(calls), []

    def run(index, call):
        try:
            answers[index] = call()
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers, errors


def test_two_first_sorts_at_once_store_one_set(shop, buyers, monkeypatch):
    barrier = threading.Barrier(2)
    fill = stored_keys.fill
    fills = []

    def fill_together(*args):
        barrier.wait(timeout=10)  # both found no keys, both compute them now
        fills.append(fill(*args))
        return fills[-1]

    monkeypatch.setattr(stored_keys, "fill", fill_together)
    client = buyers["dealer_a"]
    answers, errors = _in_threads([lambda: _sort(client), lambda: _sort(client)])

    assert not errors, errors
    assert sorted(fills) == [False, True]  # one stored, the other found them stored
    assert answers[0] == answers[1]
    _sorted_as_shown(answers[0])
    assert len(_sets(shop["dealer_a"])) == 1
    assert len(_stored(shop["dealer_a"])) == sum(price is not None for _, price in answers[0])


def test_keys_computed_while_a_writer_commits_are_not_stored_as_current(
        shop, buyers, catalog, monkeypatch):
    door = catalog["door"]
    sort_keys = stored_keys.sort_keys
    compute = sort_keys.product_keys_sql
    state = {"written": False}

    def write_meanwhile():  # a personal list, read with the rules: the SQL is stale now
        _cheap_list_for_dealer_b(shop, "door")
        connection.close()

    def compute_then_let_a_writer_commit(*args, **kwargs):
        found = compute(*args, **kwargs)  # the rules are read...
        if not state["written"]:
            state["written"] = True
            writer = threading.Thread(target=write_meanwhile)  # ...a writer commits...
            writer.start()
            writer.join(timeout=30)
        return found  # ...and the keys would be computed without its list

    monkeypatch.setattr(sort_keys, "product_keys_sql", compute_then_let_a_writer_commit)
    found = _sort(buyers["dealer_b"])

    assert state["written"]
    _sorted_as_shown(found)
    assert found[0] == (door.name, D("6.10"))  # the new price, computed directly
    assert _sets(shop["dealer_b"]) == []  # nothing stored under the old version
    _sort(buyers["dealer_b"])
    assert _stored(shop["dealer_b"])[door.pk] == D("6.10")


def test_old_versions_and_days_are_pruned(shop, buyers):
    _sort(buyers["dealer_a"])
    _sort(buyers["dealer_b"])
    old = _version()
    PriceListEntry.objects.filter(variant=shop["door"]).update(price=D("999"))
    _sort(buyers["dealer_a"])  # dealer A's old set is deleted when it fills again
    assert [v for v, _ in _sets(shop["dealer_a"])] == [old + 1]
    assert [v for v, _ in _sets(shop["dealer_b"])] == [old]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {stored_keys.KEY_SETS} SET day = day - 1 WHERE buyer_id = %s",
                       [stored_keys.key_owner(shop["dealer_a"])])
        cursor.execute(f"UPDATE {stored_keys.KEYS} SET day = day - 1 WHERE buyer_id = %s",
                       [stored_keys.key_owner(shop["dealer_a"])])
    assert stored_keys.prune_price_keys() > 0
    assert _sets(shop["dealer_a"]) == [] and _sets(shop["dealer_b"]) == []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {stored_keys.KEYS}")
        assert cursor.fetchone()[0] == 0
