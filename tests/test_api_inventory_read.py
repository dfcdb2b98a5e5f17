"""The inventory's read API per role: which warehouses each viewer sees down the seller
chain, each quantity exact or banded as the warehouse's display says for that viewer, on
hand and the other managers' figures only for those who manage the warehouse, the
catalog's stock fields and its "in stock in my network" filter (tests/fixtures/stock_world.py
describes the world)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.accounts.models import Role
from tests.fixtures.stock_world import AVAILABLE, seed_stock

pytestmark = pytest.mark.django_db

WAREHOUSES = """{ warehouses(first: 50) { totalCount edges { node {
  code shownAs canManage ownerName owner { name }
  stock(first: 10) { totalCount edges { node { available { exact band inStock }
    onHand allocated } } }
  incoming(first: 10) { edges { node { quantity { exact band } reserved reference } } }
} } } }"""

CATALOG = """query($ids: [ID!]) { products(first: 10, filter: {ids: $ids}) { edges { node {
  availability { inStock available { exact band inStock } nextIncomingDate }
  variants { sku availability { inStock available { exact band } nextIncomingDate }
    stock { warehouse { code shownAs } available { exact band inStock }
      incoming { quantity { exact band } expectedDate } } } } } } }"""


@pytest.fixture
def stock(network, catalog, make_org):
    return seed_stock(network, catalog, make_org)


def _warehouses(client) -> dict[str, dict]:
    edges = client(WAREHOUSES).data["warehouses"]["edges"]
    return {e["node"]["code"]: e["node"] for e in edges}


def _available(node) -> dict:
    return node["stock"]["edges"][0]["node"]["available"]


def _band(band: str) -> dict:
    return {"exact": None, "band": band, "inStock": band != "NONE"}


def _exact(value: int) -> dict:
    band = ("NONE" if value == 0 else "FEW" if value < 10 else "OVER_10" if value <= 50
            else "OVER_50" if value <= 100 else "OVER_100")
    return {"exact": f"{value}.000", "band": band, "inStock": value > 0}


def test_a_dealer_sees_the_factory_its_own_and_its_buyers_shared_stock_centers(
        network, stock, make_user, api_as):
    buyer = make_user("buyer@alfa.test", network["dealer_a"], Role.BUYER)

    seen = _warehouses(api_as(buyer, network["dealer_a"]))

    assert set(seen) == {"F-EXACT", "R-BANDS", "DA", "SA1", "SA2"}
    assert _available(seen["F-EXACT"]) == _exact(120)
    assert _available(seen["R-BANDS"]) == _band("OVER_10")
    assert _available(seen["DA"]) == _exact(5)
    assert _available(seen["SA1"]) == _exact(3)
    assert _available(seen["SA2"]) == _band("FEW")
    assert {code: w["shownAs"] for code, w in seen.items()} == {
        "F-EXACT": "EXACT", "R-BANDS": "BANDS", "DA": "EXACT", "SA1": "EXACT",
        "SA2": "BANDS"}
    # A buyer manages nothing: no on hand, reservations or references, even its own.
    assert not any(w["canManage"] for w in seen.values())
    rows = [e["node"] for w in seen.values() for e in w["stock"]["edges"]]
    assert all(r["onHand"] is None and r["allocated"] is None for r in rows)
    incoming = [e["node"] for w in seen.values() for e in w["incoming"]["edges"]]
    assert {(i["quantity"]["exact"], i["reserved"], i["reference"]) for i in incoming} == {
        ("400.000", None, ""), ("30.000", None, "")}
    assert seen["F-EXACT"]["owner"] == {"name": "Завод"}


def test_a_sub_dealer_sees_its_dealer_and_shared_siblings_never_the_factory_exactly(
        network, stock, make_user, api_as):
    buyer = make_user("buyer@sub-alfa.test", network["sub_a"], Role.BUYER)

    seen = _warehouses(api_as(buyer, network["sub_a"]))

    # F-EXACT hides its figures from the network below its dealers; R-BANDS shows bands.
    assert set(seen) == {"R-BANDS", "DA", "SA1", "SA2"}
    assert _available(seen["R-BANDS"]) == _band("OVER_10")
    assert _available(seen["DA"]) == _exact(5)
    assert _available(seen["SA1"]) == _exact(3)
    assert _available(seen["SA2"]) == _band("FEW")
    # The factory is not an organization the sub-dealer may open; its name is shown.
    assert seen["R-BANDS"]["owner"] is None
    assert seen["R-BANDS"]["ownerName"] == "Завод"


def test_a_sub_dealer_admin_manages_its_own_stock_center_only(
        network, stock, make_user, api_as):
    admin = make_user("admin@sub-alfa.test", network["sub_a"], Role.ADMIN)

    seen = _warehouses(api_as(admin, network["sub_a"]))

    assert {code for code, w in seen.items() if w["canManage"]} == {"SA1"}
    own = seen["SA1"]["stock"]["edges"][0]["node"]
    assert (own["onHand"], own["allocated"]) == ("5.000", "2.000")
    dealer = seen["DA"]["stock"]["edges"][0]["node"]
    assert (dealer["onHand"], dealer["allocated"]) == (None, None)
    movements = api_as(admin, network["sub_a"])(
        "{ stockMovements(first: 10) { edges { node { warehouse { code } reference } } } }"
    ).data["stockMovements"]["edges"]
    assert [m["node"] for m in movements] == [
        {"warehouse": {"code": "SA1"}, "reference": "upload-SA1.xlsx"}]


def test_another_network_and_anonymous_visitors_see_none_of_it(network, stock, make_user,
                                                              api_as, api):
    buyer = make_user("buyer@beta.test", network["dealer_b"], Role.BUYER)

    assert set(_warehouses(api_as(buyer, network["dealer_b"]))) == {"F-EXACT", "R-BANDS",
                                                                    "DB"}
    sub_b = make_user("buyer@sub-beta.test", network["sub_b"], Role.BUYER)
    assert set(_warehouses(api_as(sub_b, network["sub_b"]))) == {"R-BANDS", "DB"}
    anonymous = api("""{ warehouses(first: 5) { totalCount } stockItems(first: 5) {
      totalCount } incomingSupply(first: 5) { totalCount } leftovers(first: 5) { totalCount }
      carriers { code } deliveryZones { name } sellerStockSettings { strategy } }""").data
    assert anonymous == {"warehouses": {"totalCount": 0}, "stockItems": {"totalCount": 0},
                         "incomingSupply": {"totalCount": 0}, "leftovers": {"totalCount": 0},
                         "carriers": [], "deliveryZones": [], "sellerStockSettings": None}


def test_staff_see_every_warehouse_exactly_with_on_hand(network, stock, staff_user, api_as):
    client = api_as(staff_user, network["factory"])

    seen = _warehouses(client)
    assert set(seen) == set(AVAILABLE) - {"F-OFF"}
    assert all(w["shownAs"] == "EXACT" and w["canManage"] for w in seen.values())
    inactive = client("{ warehouses(first: 50, filter: {includeInactive: true}) "
                      "{ totalCount } }").data
    assert inactive["warehouses"]["totalCount"] == len(AVAILABLE)
    assert _available(seen["SA2"]) == _exact(8)
    assert seen["F-EXACT"]["incoming"]["edges"][0]["node"] == {
        "quantity": {"exact": "400.000", "band": "OVER_100"}, "reserved": "100.000",
        "reference": "PO-FACTORY-1"}


def test_the_catalog_shows_a_sub_dealers_stock_per_warehouse_own_first(
        network, catalog, stock, make_user, api_as):
    buyer = make_user("buyer@sub-alfa.test", network["sub_a"], Role.BUYER)
    paint = catalog["facade_white"]

    product = api_as(buyer, network["sub_a"])(
        CATALOG, {"ids": [to_global_id("Product", paint.pk)]}).data["products"]["edges"][0]

    in_week = (timezone.localdate() + timedelta(days=7)).isoformat()
    variant = product["node"]["variants"][0]
    assert [(s["warehouse"]["code"], s["available"]) for s in variant["stock"]] == [
        ("SA1", _exact(3)), ("DA", _exact(5)), ("R-BANDS", _band("OVER_10")),
        ("SA2", _band("FEW"))]
    assert variant["stock"][1]["incoming"] == [
        {"quantity": {"exact": "30.000", "band": "OVER_10"}, "expectedDate": in_week}]
    # 3 + 5 + 37 + 8 = 53, banded: two of the warehouses show bands to this viewer.
    assert variant["availability"] == {"inStock": True, "available": {
        "exact": None, "band": "OVER_50"}, "nextIncomingDate": in_week}
    assert product["node"]["availability"] == {
        "inStock": True, "available": _band("OVER_50"), "nextIncomingDate": in_week}
    others = product["node"]["variants"][1:]
    assert others and all(v["stock"] == [] and v["availability"]["inStock"] is False
                          for v in others)


def test_the_catalog_shows_exact_totals_when_every_warehouse_is_exact(
        network, catalog, stock, staff_user, make_user, api_as, api):
    paint = {"ids": [to_global_id("Product", catalog["facade_white"].pk)]}
    staff = api_as(staff_user, network["factory"])(CATALOG, paint).data
    total = sum(AVAILABLE.values())
    assert staff["products"]["edges"][0]["node"]["availability"]["available"] == _exact(total)

    anonymous = api(CATALOG, paint).data["products"]["edges"][0]["node"]
    assert anonymous["availability"] == {"inStock": False, "available": _band("NONE"),
                                         "nextIncomingDate": None}
    assert all(v["stock"] == [] for v in anonymous["variants"])


FILTER = """query($inStock: Boolean) { products(first: 20,
  filter: {inStockInMyNetwork: $inStock}) { edges { node { name } } } }"""


def _names(client, value) -> set[str]:
    edges = client(FILTER, {"inStock": value}).data["products"]["edges"]
    return {e["node"]["name"] for e in edges}


def test_in_stock_in_my_network_filters_by_the_warehouses_the_viewer_sees(
        network, catalog, stock, make_user, api_as, api):
    from inventory.models import StockItem, Warehouse

    door = catalog["door"].variants.first()
    # The door is only in dealer B's stock center: in stock for B's side, not for A's.
    StockItem.objects.create(warehouse=Warehouse.objects.get(code="DB"), variant=door,
                             on_hand=3)
    sub_a = api_as(make_user("buyer@sub-alfa.test", network["sub_a"], Role.BUYER),
                   network["sub_a"])
    dealer_b = api_as(make_user("buyer@beta.test", network["dealer_b"], Role.BUYER),
                      network["dealer_b"])

    assert _names(sub_a, True) == {"Краска фасадная белая"}
    assert _names(dealer_b, True) == {"Краска фасадная белая", catalog["door"].name}
    assert "Краска фасадная белая" not in _names(sub_a, False)
    assert _names(sub_a, None) == _names(sub_a, False) | _names(sub_a, True)
    assert _names(api, True) == set()


def test_nothing_available_is_not_in_stock(network, catalog, stock, make_user, api_as):
    from inventory.models import StockItem

    StockItem.objects.update(allocated=0, on_hand=0)
    sub_a = api_as(make_user("buyer@sub-alfa.test", network["sub_a"], Role.BUYER),
                   network["sub_a"])
    assert _names(sub_a, True) == set()


def test_leftovers_and_settings_per_role(network, stock, make_user, api_as):
    query = """{ leftovers(first: 10) { edges { node { warehouse { code }
      available { exact band } quantity discountPercent note } } }
      sellerStockSettings { strategy } }"""
    sub = api_as(make_user("buyer@sub-alfa.test", network["sub_a"], Role.BUYER),
                 network["sub_a"])(query).data
    # min(offered 4, available 5), shown as DA shows stock to the sub-dealer (exact).
    assert [e["node"] for e in sub["leftovers"]["edges"]] == [{
        "warehouse": {"code": "DA"}, "available": {"exact": "4.000", "band": "FEW"},
        "quantity": "4.000", "discountPercent": "15.00", "note": "Остатки сезона"}]
    assert sub["sellerStockSettings"] is None
    dealer_admin = api_as(make_user("admin@alfa.test", network["dealer_a"], Role.ADMIN),
                          network["dealer_a"])(query).data
    assert dealer_admin["sellerStockSettings"] == {"strategy": "NEAREST"}
    other = api_as(make_user("buyer@beta.test", network["dealer_b"], Role.BUYER),
                   network["dealer_b"])(query).data
    assert other["leftovers"]["edges"] == []
