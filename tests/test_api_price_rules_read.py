"""Reading price rules through the API, role by role: staff with MANAGE_PRICES see every
row; a dealer's admin its own resale list, markup and the floors it must respect; a
member without MANAGE_PRICES, staff without the permission, a sub-dealer and anonymous
visitors none of them; a member sees its seller's running promotions that reach it (so
an applied promotion opens by node id), never what the seller received from above."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from price_rules.models import DiscountKind, PriceGroup, PriceGroupMember, Promotion

pytestmark = pytest.mark.django_db

LISTS = """{
  priceLists(first: 50) { totalCount edges { node { name kind owner { name } entryCount
    fallback { name } source { name } assignments { region organization { name } } } } }
  priceListEntries(first: 50) { edges { node { price minQuantity variant { sku }
    priceList { name } } } }
  priceGroups(first: 50) { edges { node { name members { name } } } }
  priceListAssignments(first: 50) { totalCount }
  resaleMarkups(first: 50) { edges { node { percent organization { name } } } }
  volumeDiscounts(first: 50) { edges { node { name steps { threshold percent } } } }
  mapFloors(first: 50) { edges { node { amount percent variant { sku } category { name } } } }
  recomputeJobs(first: 50) { totalCount }
  promotions(first: 50) { edges { node { name } } }
}"""

ALL = {
    "priceLists": {"Базовый прайс", "Золотой прайс", "Для субдилеров"},
    "priceGroups": {"Золотые дилеры"},
    "resaleMarkups": {"25.000"},
    "volumeDiscounts": {"Объём"},
    "mapFloors": {"1100.00", "90.00"},
    "promotions": {"Весенняя распродажа"},
}
NONE: dict[str, set[str]] = {key: set() for key in ALL}
DEALER = {"priceLists": {"Для субдилеров"}, "priceGroups": set(),
          "resaleMarkups": {"25.000"}, "volumeDiscounts": set(),
          "mapFloors": {"1100.00", "90.00"}, "promotions": set()}
EXPECTED = {
    "anonymous": NONE,
    "sub-dealer admin": NONE,
    "dealer admin": DEALER,
    "dealer buyer": NONE,
    "staff with MANAGE_PRICES": ALL,
    "staff without MANAGE_PRICES": NONE,
}


def _names(data) -> dict[str, set[str]]:
    def nodes(key):
        return [edge["node"] for edge in data[key]["edges"]]

    return {
        "priceLists": {n["name"] for n in nodes("priceLists")},
        "priceGroups": {n["name"] for n in nodes("priceGroups")},
        "resaleMarkups": {n["percent"] for n in nodes("resaleMarkups")},
        "volumeDiscounts": {n["name"] for n in nodes("volumeDiscounts")},
        "mapFloors": {n["amount"] or n["percent"] for n in nodes("mapFloors")},
        "promotions": {n["name"] for n in nodes("promotions")},
    }


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reads_the_price_rules_it_may_see_and_no_others(role, price_rules,
                                                                 price_viewers):
    response = price_viewers[role](LISTS)
    assert not response.errors, response.errors
    data = response.body["data"]
    assert _names(data) == EXPECTED[role]
    lists = {e["node"]["priceList"]["name"] for e in data["priceListEntries"]["edges"]}
    assert lists == EXPECTED[role]["priceLists"] & {"Базовый прайс", "Для субдилеров"}


def test_nested_relations_show_only_what_the_viewer_may_see(price_rules, price_viewers):
    data = price_viewers["dealer admin"](LISTS).data
    resale = data["priceLists"]["edges"][0]["node"]
    assert resale == {"name": "Для субдилеров", "kind": "RESALE",
                      "owner": {"name": "Дилер Альфа"}, "entryCount": 1, "fallback": None,
                      "source": None, "assignments": [
                          {"region": "", "organization": {"name": "Субдилер Альфа-1"}},
                          {"region": "Москва", "organization": None}]}
    assert [e["node"]["price"] for e in data["priceListEntries"]["edges"]] == ["1400.00"]
    staff = price_viewers["staff with MANAGE_PRICES"](LISTS).data
    gold = next(e["node"] for e in staff["priceLists"]["edges"]
                if e["node"]["name"] == "Золотой прайс")
    assert gold["fallback"] == {"name": "Базовый прайс"}
    assert gold["source"] == {"name": "Базовый прайс"}
    assert staff["priceGroups"]["edges"][0]["node"]["members"] == [{"name": "Дилер Альфа"}]
    assert staff["priceListAssignments"]["totalCount"] == 4
    assert staff["recomputeJobs"]["totalCount"] == 1


def test_node_ids_open_only_for_viewers_who_see_the_row(price_rules, price_viewers):
    ids = {key: to_global_id(type_name, price_rules[key].pk) for key, type_name in (
        ("base", "PriceList"), ("resale", "PriceList"), ("gold", "PriceGroup"),
        ("markup", "ResaleMarkup"), ("promotion", "Promotion"), ("volume", "VolumeDiscount"),
        ("variant_floor", "MapFloor"), ("job", "RecomputeJob"))}
    document = "{ " + " ".join(f'{key}: node(id: "{g}") {{ id }}' for key, g in ids.items()) + " }"
    opened = {role: {key for key, value in client(document).data.items() if value}
              for role, client in price_viewers.items()}
    assert opened == {
        "anonymous": set(), "sub-dealer admin": set(), "dealer buyer": set(),
        "staff without MANAGE_PRICES": set(),
        "dealer admin": {"resale", "markup", "variant_floor"},
        "staff with MANAGE_PRICES": set(ids),
    }


def test_filters_narrow_the_lists(price_rules, price_viewers, network):
    staff = price_viewers["staff with MANAGE_PRICES"]
    dealer = to_global_id("Organization", network["dealer_a"].pk)
    data = staff("""query($dealer: ID, $list: ID) {
      byOwner: priceLists(filter: {owner: $dealer}) { edges { node { name } } }
      resale: priceLists(filter: {kind: RESALE}) { edges { node { name } } }
      searched: priceLists(filter: {search: "золот"}) { edges { node { name } } }
      usd: priceLists(filter: {currency: "usd"}) { totalCount }
      flagged: priceLists(filter: {belowFloor: true}) { totalCount }
      entries: priceListEntries(filter: {priceList: $list, search: "dv-oak"}) {
        edges { node { minQuantity price unit } } }
      noSku: priceListEntries(filter: {search: "KR-"}) { totalCount }
      past: promotions(filter: {status: PAST}) { totalCount }
      running: promotions(filter: {status: RUNNING}) { totalCount }
    }""", {"dealer": dealer, "list": to_global_id("PriceList", price_rules["base"].pk)}).data
    assert [e["node"]["name"] for e in data["byOwner"]["edges"]] == ["Для субдилеров"]
    assert [e["node"]["name"] for e in data["resale"]["edges"]] == ["Для субдилеров"]
    assert [e["node"]["name"] for e in data["searched"]["edges"]] == ["Золотой прайс"]
    assert data["usd"]["totalCount"] == 0 and data["flagged"]["totalCount"] == 0
    assert [e["node"] for e in data["entries"]["edges"]] == [
        {"minQuantity": "1.000", "price": "1000.00", "unit": None},
        {"minQuantity": "10.000", "price": "950.00", "unit": "PACK"}]
    assert data["noSku"]["totalCount"] == 0
    today = timezone.localdate()
    expected_past = 1 if today > price_rules["promotion"].ends else 0
    assert data["past"]["totalCount"] == expected_past


def _promotion(owner, name, **fields):
    today = timezone.localdate()
    return Promotion.objects.create(owner=owner, name=name, kind=DiscountKind.PERCENT,
                                    value=Decimal(5), starts=today - timedelta(days=1),
                                    ends=today + timedelta(days=30), **fields)


def test_members_see_their_sellers_running_promotions_that_reach_them_only(
        price_rules, price_viewers, network, make_user):
    from backend.accounts.models import Role
    from tests.fixtures.graphql import GraphQLClient

    to_dealers = _promotion(network["factory"], "Заводская акция дилерам")
    to_subs = _promotion(network["dealer_a"], "Акция дилера субдилерам")
    elsewhere = _promotion(network["dealer_a"], "Акция для Татарстана",
                           audience_regions=["Республика Татарстан"])
    sub_buyer = GraphQLClient(make_user("buyer@sub-a.test", network["sub_a"], Role.BUYER),
                              network["sub_a"])
    query = "{ promotions(first: 50) { edges { node { name owner { name } } } } }"

    def names(client):
        return {e["node"]["name"] for e in client(query).data["promotions"]["edges"]}

    assert names(sub_buyer) == {"Акция дилера субдилерам"}
    assert names(price_viewers["sub-dealer admin"]) == {"Акция дилера субдилерам"}
    assert names(price_viewers["dealer buyer"]) == {"Заводская акция дилерам"}
    assert names(price_viewers["dealer admin"]) == {
        "Заводская акция дилерам", "Акция дилера субдилерам", "Акция для Татарстана"}
    # What the sub-dealer reaches by id: its seller's promotion, not the factory's.
    document = "{ " + " ".join(
        f'p{p.pk}: node(id: "{to_global_id("Promotion", p.pk)}") {{ id }}'
        for p in (to_dealers, to_subs, elsewhere)) + " }"
    opened = {key for key, value in sub_buyer(document).data.items() if value}
    assert opened == {f"p{to_subs.pk}"}


def test_a_group_counts_its_members_and_the_assignments_deleting_it_would_remove(
        price_rules, price_viewers, network):
    PriceGroup.objects.create(owner=network["factory"], name="Пустая группа")
    PriceGroupMember.objects.create(group=price_rules["gold"], organization=network["dealer_b"])
    data = price_viewers["staff with MANAGE_PRICES"](
        "{ priceGroups(first: 10) { edges { node { name memberCount assignmentCount } } } }").data
    assert [e["node"] for e in data["priceGroups"]["edges"]] == [
        {"name": "Золотые дилеры", "memberCount": 2, "assignmentCount": 1},
        {"name": "Пустая группа", "memberCount": 0, "assignmentCount": 0},
    ]
