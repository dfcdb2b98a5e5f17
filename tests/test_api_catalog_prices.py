"""The viewer's prices in the catalog through the API: each organization sees its own
prices, tiers, next tier and promotions (a dealer its purchase prices, a sub-dealer its
dealer's resale list or markup, never its dealer's purchase price nor the promotions its
dealer received), anonymous visitors none; the list sorts and filters by the prices the
fields show; a page costs the same queries whatever its size, on the fast path."""

from __future__ import annotations

import gc
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from graphql_relay import to_global_id

from backend.catalog.models import ProductVariant
from price_rules import engine
from price_rules.models import (
    DiscountKind,
    MapFloor,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    PriceListKind,
    Promotion,
    ResaleMarkup,
    Stacking,
)
from price_rules.schema.viewer_prices import PriceBook

pytestmark = pytest.mark.django_db

D = Decimal

PAGE = """
query Page($first: Int, $sortBy: ProductSortingInput, $filter: ProductFilterInput) {
  products(first: $first, sortBy: $sortBy, filter: $filter) {
    totalCount
    edges { node {
      name
      priceRange { currency minNet maxNet minGross maxGross pricesIncludeVat hasPromotion }
      variants {
        sku
        price { currency net gross vatRate pricesIncludeVat listNet listGross minQuantity unit
                nextTier { minQuantity net gross }
                promotions { id name kind value validUntil } }
        priceTiers { minQuantity net gross }
      }
    } }
  }
}
"""


def _entries(price_list, *rows):
    for variant, quantity, price in rows:
        PriceListEntry.objects.create(price_list=price_list, variant=variant,
                                      min_quantity=D(quantity), price=D(price))


@pytest.fixture
def shop(network, catalog):
    """The factory's base list with tiers, a Gold list for dealer A, dealer A's resale list
    (with VAT) and +25% markup for its sub-dealer, a factory promotion for Moscow dealers,
    dealer A's promotions for its sub-dealers, and floors."""
    factory, dealer_a = network["factory"], network["dealer_a"]
    today = timezone.localdate()
    door, door_2 = catalog["door"].variants.order_by("id")
    facade, facade_2 = catalog["facade_white"].variants.order_by("id")
    grey, grey_2 = catalog["interior_grey"].variants.order_by("id")
    ProductVariant.objects.filter(pk=facade.pk).update(min_order_quantity=D(20))
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    PriceListAssignment.objects.create(price_list=base, is_owner_default=True)
    _entries(base, (door, 1, "1000"), (door, 10, "950"), (door_2, 1, "2000"),
             (facade, 1, "500"), (facade, 20, "450"), (facade_2, 1, "520"), (grey, 1, "300"),
             (grey_2, 1, "310"))
    gold = PriceGroup.objects.create(owner=factory, name="Золотые дилеры")
    PriceGroupMember.objects.create(group=gold, organization=dealer_a)
    gold_list = PriceList.objects.create(owner=factory, name="Золотой", fallback=base)
    PriceListAssignment.objects.create(price_list=gold_list, price_group=gold)
    _entries(gold_list, (door, 1, "850"))
    resale = PriceList.objects.create(owner=dealer_a, name="Субдилерам",
                                      kind=PriceListKind.RESALE, prices_include_vat=True)
    PriceListAssignment.objects.create(price_list=resale, organization=network["sub_a"])
    _entries(resale, (door, 1, "1400"), (door, 5, "1300"))
    ResaleMarkup.objects.create(organization=dealer_a, percent=D(25))
    moscow = Promotion.objects.create(
        owner=factory, name="Москва -10%", kind=DiscountKind.PERCENT, value=D(10),
        starts=today - timedelta(days=3), ends=today + timedelta(days=30),
        audience_regions=["Москва"])
    moscow.variants.add(door_2)
    paints = Promotion.objects.create(
        owner=dealer_a, name="Краски -5%", kind=DiscountKind.PERCENT, value=D(5),
        starts=today - timedelta(days=1), ends=today + timedelta(days=9))
    paints.categories.add(catalog["paints"])
    grey_off = Promotion.objects.create(
        owner=dealer_a, name="Серая -20 ₽", kind=DiscountKind.FIXED, value=D(20),
        currency="RUB", stacking=Stacking.STACKS, starts=today, ends=today)
    grey_off.products.add(catalog["interior_grey"])
    MapFloor.objects.create(owner=factory, variant=door_2, amount=D("2600"))
    MapFloor.objects.create(owner=factory, category=catalog["paints"], percent=D(110))
    return {"door": door, "door_2": door_2, "facade": facade, "grey": grey,
            "moscow": moscow, "paints": paints, "grey_off": grey_off, **network}


@pytest.fixture
def clients(shop, api, api_as, make_user):
    found = {"anonymous": api}
    for key in ("dealer_a", "dealer_b", "sub_a", "sub_b"):
        found[key] = api_as(make_user(f"buyer@{key}.test", shop[key]), shop[key])
    return found


def _page(client, **variables):
    response = client(PAGE, {"first": 50, **variables})
    assert not response.errors, response.errors
    return [edge["node"] for edge in response.data["products"]["edges"]]


def _variants(client) -> dict[str, dict]:
    return {v["sku"]: v for node in _page(client) for v in node["variants"]}


def test_each_organization_sees_its_own_prices_and_anonymous_visitors_none(shop, clients):
    door = shop["door"].sku
    seen = {key: _variants(client)[door]["price"] for key, client in clients.items()}

    assert (seen["dealer_a"]["net"], seen["dealer_a"]["gross"]) == ("850.00", "1037.00")  # Gold
    assert (seen["dealer_b"]["net"], seen["dealer_b"]["gross"]) == ("1000.00", "1220.00")
    # The resale list states prices with VAT: gross first, net derived.
    assert seen["sub_a"] == {
        "currency": "RUB", "net": "1147.54", "gross": "1400.00", "vatRate": "22",
        "pricesIncludeVat": True, "listNet": "1147.54", "listGross": "1400.00",
        "minQuantity": "1.000", "unit": None,
        "nextTier": {"minQuantity": "5.000", "net": "1065.57", "gross": "1300.00"},
        "promotions": []}
    assert seen["sub_b"] is None  # its dealer set no prices
    assert seen["anonymous"] is None
    anonymous = _page(clients["anonymous"])
    assert all(node["priceRange"] is None for node in anonymous)
    assert all(v["price"] is None and v["priceTiers"] == []
               for node in anonymous for v in node["variants"])


def test_anonymous_prices_cost_no_query(clients):
    plain = "{ products(first: 50) { edges { node { name variants { sku } } } } }"
    priced = ("{ products(first: 50) { edges { node { name priceRange { minGross } "
              "variants { sku price { net } priceTiers { net } } } } } }")
    counts = []
    for document in (plain, priced):
        with CaptureQueriesContext(connection) as queries:
            assert not clients["anonymous"](document).errors
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_manufacturers_staff_see_no_price(shop, api_as, staff_user):
    variants = _variants(api_as(staff_user, shop["factory"]))
    assert {v["price"] is None for v in variants.values()} == {True}


def test_tiers_next_tier_and_a_price_at_a_quantity(shop, clients):
    door = shop["door"].sku
    variant = _variants(clients["dealer_b"])[door]
    assert variant["priceTiers"] == [
        {"minQuantity": "1.000", "net": "1000.00", "gross": "1220.00"},
        {"minQuantity": "10.000", "net": "950.00", "gross": "1159.00"}]
    assert variant["price"]["nextTier"] == {"minQuantity": "10.000", "net": "950.00",
                                            "gross": "1159.00"}
    at = clients["dealer_b"](
        'query V($skus: [String!]) { variants(first: 5, skus: $skus) { edges { node { '
        'a: price(quantity: "12") { net minQuantity nextTier { net } } '
        'b: price(quantity: "3") { net } } } } }', {"skus": [door]})
    node = at.data["variants"]["edges"][0]["node"]
    assert node["a"] == {"net": "950.00", "minQuantity": "10.000", "nextTier": None}
    assert node["b"] == {"net": "1000.00"}
    refused = clients["dealer_b"](
        'query V($skus: [String!]) { variants(first: 5, skus: $skus) { edges { node { '
        'price(quantity: "0") { net } } } } }', {"skus": [door]})
    assert refused.errors[0]["extensions"]["code"] == "INVALID"


def test_the_minimum_order_quantity_picks_the_tier(shop, clients):
    facade = _variants(clients["dealer_b"])[shop["facade"].sku]
    assert (facade["price"]["net"], facade["price"]["minQuantity"]) == ("450.00", "20.000")
    assert [t["minQuantity"] for t in facade["priceTiers"]] == ["20.000"]


def test_promotion_badges_and_struck_out_list_prices_are_the_sellers_own(shop, clients):
    door_2, grey = shop["door_2"].sku, shop["grey"].sku
    dealer = _variants(clients["dealer_a"])
    sub = _variants(clients["sub_a"])

    # Dealer A gets the factory's Moscow promotion on the second door...
    price = dealer[door_2]["price"]
    assert (price["listNet"], price["net"]) == ("2000.00", "1800.00")
    assert price["promotions"] == [{
        "id": to_global_id("Promotion", shop["moscow"].pk), "name": "Москва -10%",
        "kind": "PERCENT", "value": "10.00",
        "validUntil": shop["moscow"].ends.isoformat()}]
    # ...its sub-dealer pays the markup over it, raised to the floor, and never sees it.
    price = sub[door_2]["price"]
    assert (price["net"], price["gross"], price["minQuantity"], price["promotions"]) == (
        "2600.00", "3172.00", None, [])
    # Dealer A's own promotions for its sub-dealers: the best of -5% and -20 RUB stacking.
    price = sub[grey]["price"]
    assert (price["listNet"], price["net"]) == ("375.00", "355.00")  # 300 + 25%, -20
    assert [p["name"] for p in price["promotions"]] == ["Серая -20 ₽"]
    assert not dealer[grey]["price"]["promotions"]
    ranges = {node["name"]: node["priceRange"] for node in _page(clients["sub_a"])}
    assert ranges["Краска интерьерная серая"]["hasPromotion"] is True
    assert ranges["Дверь межкомнатная Oak Classic"]["hasPromotion"] is False


SORTED = """
query Sorted($sortBy: ProductSortingInput, $filter: ProductFilterInput) {
  products(first: 50, sortBy: $sortBy, filter: $filter) {
    totalCount
    edges { node { name priceRange { minGross } } }
  }
}
"""


def _sorted(client, direction="ASC", **filter_):
    response = client(SORTED, {"sortBy": {"field": "PRICE", "direction": direction},
                               "filter": filter_ or None})
    assert not response.errors, response.errors
    return [(e["node"]["name"], e["node"]["priceRange"] and D(e["node"]["priceRange"]["minGross"]))
            for e in response.data["products"]["edges"]]


@pytest.mark.parametrize("viewer", ["dealer_a", "dealer_b", "sub_a", "sub_b"])
def test_sorting_by_price_follows_the_prices_shown_products_without_one_last(
        shop, clients, viewer, make_product, catalog):
    make_product("Краска без цены", catalog["paints"], sku_prefix="KR-NONE")
    for direction in ("ASC", "DESC"):
        found = _sorted(clients[viewer], direction)
        priced = [price for _, price in found if price is not None]
        assert priced == sorted(priced, reverse=direction == "DESC"), (direction, found)
        assert all(price is None for _, price in found[len(priced):]), found
        assert len(found) == 4
    assert len(priced) == (0 if viewer == "sub_b" else 3)


@pytest.mark.parametrize("viewer", ["dealer_a", "sub_a"])
def test_the_price_filter_keeps_the_products_whose_lowest_price_is_inside(
        shop, clients, viewer):
    every = _sorted(clients[viewer])
    prices = sorted(price for _, price in every if price is not None)
    low, high = prices[0], prices[1]
    inside = _sorted(clients[viewer], priceMin=str(low), priceMax=str(high))
    assert inside == [(n, p) for n, p in every if p is not None and low <= p <= high]
    above = _sorted(clients[viewer], priceMin=str(high + D("0.01")))
    assert above == [(n, p) for n, p in every if p is not None and p > high]


def test_facets_count_the_products_the_price_filter_keeps(shop, clients):
    every = _sorted(clients["sub_a"])
    cheapest = min(p for _, p in every if p is not None)
    facets = clients["sub_a"](
        "query F($filter: ProductFilterInput) { productFacets(filter: $filter) { "
        "attribute { slug } values { value { slug } count } } }",
        {"filter": {"priceMax": str(cheapest)}})
    assert not facets.errors, facets.errors
    counts = {v["value"]["slug"]: v["count"]
              for facet in facets.data["productFacets"] for v in facet["values"]}
    assert counts == {"grey": 1}  # only the grey paint is that cheap


@pytest.mark.parametrize("variables", [
    {"sortBy": {"field": "PRICE"}},
    {"filter": {"priceMin": "1"}},
    {"filter": {"priceMax": "1000"}},
])
def test_anonymous_visitors_may_not_sort_or_filter_by_price(clients, variables):
    response = clients["anonymous"](SORTED, variables)
    assert response.errors[0]["extensions"]["code"] == "PRICE_REQUIRES_SIGN_IN"
    facets = clients["anonymous"](
        "query F($filter: ProductFilterInput) { productFacets(filter: $filter) { "
        "attribute { slug } } }", {"filter": variables.get("filter", {"priceMin": "1"})})
    assert facets.errors[0]["extensions"]["code"] == "PRICE_REQUIRES_SIGN_IN"


def test_a_page_of_prices_costs_the_same_queries_whatever_its_size_on_the_fast_path(
        shop, clients, make_product, catalog, fast_path):
    def run(first: int) -> int:
        fast_path.reset()
        with CaptureQueriesContext(connection) as queries:
            response = clients["sub_a"](PAGE, {"first": first,
                                               "sortBy": {"field": "PRICE"}})
        assert not response.errors, response.errors
        assert fast_path.fallbacks == 0
        return len(queries)

    small = run(1)
    base = PriceList.objects.get(is_base=True)
    for i in range(4):
        product = make_product(f"Краска {i}", catalog["paints"], variants=3,
                               sku_prefix=f"KR-{i}")
        for variant in product.variants.all():
            _entries(base, (variant, 1, f"{100 + i}"), (variant, 10, f"{90 + i}"))
    assert run(50) == small


def test_a_priced_page_leaves_its_price_books_to_reference_counting(shop, clients):
    """The request's price books are released with its loaders: kept on the request (which
    sits in reference cycles), a page's prices waited for the garbage collector, which then
    walked them in the middle of a later request."""
    _page(clients["sub_a"])
    gc.collect()
    gc.disable()
    try:
        assert _page(clients["sub_a"])[0]["variants"][0]["price"] is not None
        left = [o for o in gc.get_objects() if isinstance(o, PriceBook)]
    finally:
        gc.enable()

    assert left == []


def test_a_markup_price_lists_only_the_sellers_own_promotions():
    """Engine: a sub-dealer's price by its dealer's markup comes over the dealer's promoted
    purchase price, but names only the dealer's promotions, never the factory's."""
    day = timezone.localdate()
    variant = engine.Variant(1, "SKU-1", 10)
    base = engine.PriceList(1, 100, "RUB", {1: (engine.Tier(D(1), D(1000)),)})
    upper = engine.Promotion(7, 100, engine.DiscountKind.PERCENT, D(10), day, day,
                             variant_ids=frozenset({1}))
    own = engine.Promotion(8, 200, engine.DiscountKind.PERCENT, D(5), day, day,
                           variant_ids=frozenset({1}))
    default = engine.Assignment(1, engine.AssignmentKind.OWNER_DEFAULT)
    factory = engine.Seller(100, lists=(base,), assignments=(default,), promotions=(upper,))
    dealer = engine.Seller(200, markup=engine.PriceFormula(percent=D(25)), promotions=(own,))
    context = engine.PriceContext(
        chain=(engine.ChainLink(engine.Buyer(300, "RUB"), dealer),
               engine.ChainLink(engine.Buyer(200, "RUB"), factory)),
        variants={1: variant}, on_date=day, vat_rate=D("0.22"))

    price = engine.resolve(context, 1, D(1))
    assert price.by_markup and price.promotion_ids == (8,)
    assert price.list_unit_price == D("1125.00")  # (1000 - 10%) + 25%
    assert price.unit_net == D("1068.75")  # - 5%


def test_an_app_cannot_replace_a_field_of_another_apps_type():
    import graphene

    from backend.catalog.schema.types import ProductVariantType
    from backend.core.graphql.extend import add_fields

    with pytest.raises(TypeError, match="already has a field 'sku'"):
        add_fields(ProductVariantType, sku=graphene.String(resolver=lambda root, info: ""))
    with pytest.raises(TypeError, match="already has a field 'price'"):
        add_fields(ProductVariantType, price=graphene.String(resolver=lambda root, info: ""))
    with pytest.raises(TypeError, match="needs its own resolver"):
        add_fields(ProductVariantType, nothing=graphene.String())
