"""Catalog prices kept between requests (``price_rules/schema/kept_prices.py``), in committed
transactions: a later page of the same buyer reads them without resolving; a committed
change of any kind, a new day (a promotion starting or ending), another organization of the
same member, another buyer, a change committed while a page resolves, a transaction that
changed prices itself: each shows the prices a fresh resolution gives, never kept ones of
another version, day or buyer. Kept prices equal fresh ones over random rules."""

from __future__ import annotations

import random
import threading
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from backend.accounts.models import Membership
from backend.catalog.models import Category, ProductVariant
from price_rules.models import DiscountKind, PriceListEntry, Promotion
from price_rules.schema import viewer_prices
from price_rules.schema.kept_prices import KEPT, KeptPrices
from tests import test_api_catalog_prices as _catalog_prices
from tests import test_price_sort_keys as _sort_keys
from tests import test_price_sort_stored as _stored

shop = _catalog_prices.shop  # the fixture: the rules of every kind, for four viewers
PAGE = _catalog_prices.PAGE  # the products' price ranges and their variants' prices

pytestmark = pytest.mark.django_db(transaction=True)

D = Decimal
VIEWERS = ("dealer_a", "dealer_b", "sub_a", "sub_b")


@pytest.fixture(autouse=True)
def _nothing_kept():
    KEPT.clear()
    yield
    KEPT.clear()


@pytest.fixture
def buyers(shop, api_as, make_user):
    return {key: api_as(make_user(f"kept@{key}.test", shop[key]), shop[key])
            for key in VIEWERS}


@pytest.fixture
def resolutions(monkeypatch):
    """The price contexts loaded (each a resolution of the variants asked)."""
    loaded: list[list[int]] = []
    load = viewer_prices.load_price_context

    def counted(buyer, variant_ids, on_date):
        loaded.append(sorted(variant_ids))
        return load(buyer, variant_ids, on_date)

    monkeypatch.setattr(viewer_prices, "load_price_context", counted)
    return loaded


def _prices(client, first: int = 50) -> dict[str, dict]:
    response = client(PAGE, {"first": first})
    assert not response.errors, response.errors
    nodes = [edge["node"] for edge in response.data["products"]["edges"]]
    return {**{v["sku"]: {"price": v["price"], "tiers": v["priceTiers"]}
               for node in nodes for v in node["variants"]},
            **{node["name"]: node["priceRange"] for node in nodes}}


def _fresh(client) -> dict[str, dict]:
    """The page resolved without keeping anything."""
    with override_settings(PRICE_CACHE_VARIANTS=0):
        return _prices(client)


def test_a_later_page_reads_the_kept_prices_without_resolving(buyers, resolutions):
    first = _prices(buyers["sub_a"])
    assert len(resolutions) == 1  # the ranges resolve every variant, the prices read them
    assert len(KEPT) == ProductVariant.objects.filter(product__is_published=True).count()
    with CaptureQueriesContext(connection) as cold:
        _prices(buyers["sub_b"])
    with CaptureQueriesContext(connection) as warm:
        again = _prices(buyers["sub_a"])

    assert again == first
    assert len(resolutions) == 2  # sub B's page only
    assert len(warm) < len(cold)
    assert any(p["price"] for p in first.values())


def test_a_kept_page_costs_the_same_queries_whatever_its_size(buyers, make_product, catalog):
    for i in range(4):
        make_product(f"Краска {i}", catalog["paints"], variants=3, sku_prefix=f"KK-{i}")
    _prices(buyers["sub_a"])  # keeps every variant's prices

    def queries(first: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            _prices(buyers["sub_a"], first)
        return len(captured)

    assert queries(1) == queries(50)


@pytest.mark.parametrize("change", list(_stored.CHANGES))
def test_the_next_page_after_a_committed_change_shows_it(shop, buyers, change):
    viewer, apply, _ = _stored.CHANGES[change]
    client = buyers[viewer]
    before = _prices(client)
    assert _prices(client) == before  # kept

    apply(shop)  # committed: the tests run in autocommit

    after = _prices(client)
    assert after != before, change
    assert after == _fresh(client)
    assert _prices(client) == after  # and kept again


def test_a_new_day_shows_the_promotions_starting_and_ending_with_it(shop, buyers,
                                                                     monkeypatch):
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    starting = Promotion.objects.create(
        owner=shop["dealer_a"], name="Завтра -50%", kind=DiscountKind.PERCENT, value=D(50),
        starts=tomorrow, ends=tomorrow + timedelta(days=3))
    starting.variants.add(shop["door"])
    client = buyers["sub_a"]

    def promotions(prices, variant) -> set[str]:
        return {p["name"] for p in prices[variant.sku]["price"]["promotions"]}

    now = _prices(client)
    assert "Серая -20 ₽" in promotions(now, shop["grey"])  # ends today
    assert "Завтра -50%" not in promotions(now, shop["door"])
    assert _prices(client) == now

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    later = _prices(client)
    assert "Серая -20 ₽" not in promotions(later, shop["grey"])
    assert "Завтра -50%" in promotions(later, shop["door"])
    assert later == _fresh(client)


def test_a_member_switching_organization_sees_each_ones_own_prices(shop, api_as, make_user):
    user = make_user("two@orgs.test", shop["dealer_a"])
    Membership.objects.create(user=user, organization=shop["sub_a"])
    as_dealer, as_sub = api_as(user, shop["dealer_a"]), api_as(user, shop["sub_a"])
    dealer, sub = _fresh(as_dealer), _fresh(as_sub)
    assert dealer != sub

    for _ in range(2):  # the first round keeps, the second reads
        assert _prices(as_dealer) == dealer
        assert _prices(as_sub) == sub


def test_buyers_never_read_each_others_kept_prices(buyers):
    fresh = {key: _fresh(client) for key, client in buyers.items()}
    assert len({repr(prices) for prices in fresh.values()}) == len(VIEWERS)

    for _ in range(2):
        for key, client in buyers.items():
            assert _prices(client) == fresh[key], key


def test_a_transaction_that_changed_prices_reads_and_keeps_nothing(shop, buyers):
    client = buyers["dealer_b"]
    before = _prices(client)
    kept = len(KEPT)

    with pytest.raises(RuntimeError), transaction.atomic():
        _set_door(shop, "7")
        inside = _prices(client)  # the request runs in this transaction
        assert inside[shop["door"].sku]["price"]["net"] == "7.00"
        raise RuntimeError  # rolled back

    assert len(KEPT) == kept
    assert _prices(client) == before


def _in_thread(call) -> None:
    def run():
        try:
            call()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)


def _set_door(shop, price: str) -> None:
    """The base list's door at ``price`` (committed: autocommit)."""
    PriceListEntry.objects.filter(variant=shop["door"], price_list__is_base=True,
                                  min_quantity=1).update(price=D(price))


@pytest.mark.parametrize("when", ["before the rules are read", "after the rules are read"])
def test_prices_resolved_while_a_writer_commits_are_never_shown_after_it(
        shop, buyers, monkeypatch, when):
    client, door = buyers["dealer_b"], shop["door"].sku
    load = viewer_prices.load_price_context
    state = {"written": False}

    def load_with_a_writer(*args):
        if state["written"]:
            return load(*args)
        state["written"] = True
        if when == "before the rules are read":
            _in_thread(lambda: _set_door(shop, "7"))
            return load(*args)
        found = load(*args)
        _in_thread(lambda: _set_door(shop, "7"))  # committed after the rules were read
        return found

    monkeypatch.setattr(viewer_prices, "load_price_context", load_with_a_writer)
    during = _prices(client)[door]["price"]["net"]
    assert state["written"]
    if when == "before the rules are read":
        assert during == "7.00"  # (after: old or new, the request began before the commit)
    for _ in range(2):
        assert _prices(client)[door]["price"]["net"] == "7.00"
    assert _prices(client) == _fresh(client)


def test_readers_racing_a_writer_see_the_new_price_once_it_is_committed(shop, api_as,
                                                                        make_user):
    users = [make_user(f"reader{i}@kept.test", shop["dealer_b"]) for i in range(3)]
    door = shop["door"].sku
    committed = threading.Event()
    stop = threading.Event()
    stale: list[str] = []
    errors: list[BaseException] = []

    def read(user):
        client = api_as(user, shop["dealer_b"])
        try:
            while not stop.is_set():
                after_commit = committed.is_set()
                net = _prices(client)[door]["price"]["net"]
                if after_commit and net != "7.00":
                    stale.append(net)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    readers = [threading.Thread(target=read, args=(user,)) for user in users]
    for reader in readers:
        reader.start()
    for price in ("990", "980", "7"):
        threading.Event().wait(0.3)
        _set_door(shop, price)
    committed.set()
    threading.Event().wait(1.0)
    stop.set()
    for reader in readers:
        reader.join(timeout=30)

    assert not errors, errors
    assert not stale, stale


def test_the_kept_prices_are_bounded(buyers):
    with override_settings(PRICE_CACHE_VARIANTS=3):
        first = _prices(buyers["sub_a"])
        assert len(KEPT) == 3
        assert _prices(buyers["sub_a"]) == first
        assert len(KEPT) == 3


@pytest.mark.parametrize("seed", range(6))
def test_kept_prices_equal_fresh_resolution_over_random_rules(network, catalog, api_as,
                                                             make_user, seed):
    rng = random.Random(seed)
    today = timezone.localdate()
    variants = list(ProductVariant.objects.filter(product__is_published=True).order_by("id"))
    _sort_keys._scenario(rng, network, variants, list(Category.objects.order_by("id")), today)
    for key in VIEWERS:
        client = api_as(make_user(f"seed{seed}@{key}.test", network[key]), network[key])
        fresh = _fresh(client)
        assert _prices(client) == fresh, key  # resolved and kept
        assert _prices(client) == fresh, key  # read from what was kept


def test_prices_loaded_earlier_in_the_request_are_not_kept_under_a_later_version(
        shop, buyers, monkeypatch):
    """The page's price ranges load the rules first; a writer commits; the variants'
    prices, whose batch reads the new version, must not be kept from the older rules the
    request loaded for the ranges."""
    client, door = buyers["dealer_b"], shop["door"].sku
    load = viewer_prices.load_price_context
    state = {"written": False}

    def load_then_let_a_writer_commit(*args):
        found = load(*args)
        if not state["written"]:
            state["written"] = True
            _in_thread(lambda: _set_door(shop, "7"))
        return found

    monkeypatch.setattr(viewer_prices, "load_price_context", load_then_let_a_writer_commit)
    _prices(client)
    assert state["written"]
    assert _prices(client)[door]["price"]["net"] == "7.00"


def test_a_buyer_row_changed_since_the_request_loaded_it_keeps_nothing(shop, rf):
    from price_rules.schema.kept_prices import KeptPriceBook, kept_price_book

    buyer = shop["dealer_b"]
    request = rf.get("/")
    request.viewer = SimpleNamespace(is_authenticated=True, organization=buyer)
    ids = list(ProductVariant.objects.values_list("id", flat=True))
    assert isinstance(kept_price_book(request, buyer, ids), KeptPriceBook)
    buyer.region = "Москва"  # as loaded before a change the database has not seen
    assert not isinstance(kept_price_book(request, buyer, ids), KeptPriceBook)


def test_each_buyers_first_walks_follow_what_is_kept():
    """``KeptPrices.firsts_of``: a variant's first walk kept (a page's minimum order), one
    lookup for a query; dropped with its variant's walks, never of another buyer or
    generation, and not replaced by a walk at another quantity."""
    kept = KeptPrices()
    generation, later = (1, timezone.localdate()), (2, timezone.localdate())

    def walk(quantity):
        return viewer_prices.PriceWalk(D(quantity), None, [])

    assert kept.take(generation, 7, [1, 2, 3]) == {}
    first = walk(1)
    kept.keep(generation, 7, 1, D(1), first, limit=2)
    kept.keep(generation, 7, 1, D(12), walk(12), limit=2)  # asked at another quantity
    kept.keep(generation, 8, 2, D(5), walk(5), limit=2)  # another buyer
    assert kept.firsts_of(generation, 7) == {1: first}
    assert kept.firsts_of(generation, 9) is None and kept.firsts_of(later, 7) is None
    firsts = kept.firsts_of(generation, 7)
    kept.keep(generation, 7, 3, D(1), walk(1), limit=2)  # over the bound: variant 1 goes
    assert set(firsts) == {3} and set(kept.firsts_of(generation, 8)) == {2}
    kept.take(later, 7, [3])  # a newer generation drops everything, in place
    assert firsts == {} and kept.firsts_of(later, 7) is None
