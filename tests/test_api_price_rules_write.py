"""Writing price rules through the API, role by role, and each bad input of the issue with
its code: a refused call leaves every price-rules table as it was."""

from __future__ import annotations

import pytest
from graphql_relay import to_global_id

from price_rules.models import PriceList, PriceListAssignment, PriceListEntry, PriceListKind
from tests.fixtures.price_services import row_counts

pytestmark = pytest.mark.django_db

ERRORS = "errors { field code message skus listIds variantIds organizationIds }"
LIST_CREATE = f"""mutation($input: PriceListInput!) {{
  priceListCreate(input: $input) {{ priceList {{ id name kind currency owner {{ name }} }}
  {ERRORS} }} }}"""
LIST_UPDATE = f"""mutation($id: ID!, $input: PriceListInput!) {{
  priceListUpdate(id: $id, input: $input) {{ priceList {{ name }} {ERRORS} }} }}"""
UPSERT = f"""mutation($list: ID!, $rows: [PriceListEntryRowInput!]!) {{
  priceListEntriesUpsert(priceList: $list, rows: $rows) {{ priceList {{ entryCount }}
  {ERRORS} }} }}"""
REPLACE = UPSERT.replace("priceListEntriesUpsert", "priceListEntriesReplace")
PERCENT = f"""mutation($list: ID!, $percent: Decimal!, $rounding: PriceRounding) {{
  priceListEntriesChangeByPercent(priceList: $list, percent: $percent, rounding: $rounding) {{
  priceList {{ entryCount }} {ERRORS} }} }}"""
ASSIGN = f"""mutation($list: ID!, $input: PriceListAssignInput!) {{
  priceListAssign(priceList: $list, input: $input) {{ assignment {{ id }} {ERRORS} }} }}"""


def gid(row) -> str:
    return to_global_id({"PriceList": "PriceList"}.get(type(row).__name__,
                                                      type(row).__name__), row.pk)


def org_id(org) -> str:
    return to_global_id("Organization", org.pk)


def codes(payload) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


def door_skus(catalog) -> list[str]:
    return list(catalog["door"].variants.order_by("sku").values_list("sku", flat=True))


# Each role changing the dealer's resale list, and creating a list of its own.
WRITE_OUTCOMES = {
    "anonymous": ([(None, "AUTHENTICATION_REQUIRED")], [(None, "AUTHENTICATION_REQUIRED")]),
    "sub-dealer admin": ([("priceList", "NOT_FOUND")], []),  # its own list: allowed
    "dealer admin": ([], []),
    "dealer buyer": ([(None, "PERMISSION_DENIED")], [(None, "PERMISSION_DENIED")]),
    "staff with MANAGE_PRICES": ([("id", "NOT_OWNER")], []),  # acts for the manufacturer
    "staff without MANAGE_PRICES": ([(None, "PERMISSION_DENIED")],
                                    [(None, "PERMISSION_DENIED")]),
}
OWNER_OF_NEW_LIST = {"sub-dealer admin": "Субдилер Альфа-1", "dealer admin": "Дилер Альфа",
                     "staff with MANAGE_PRICES": "Завод"}


@pytest.mark.parametrize("role", list(WRITE_OUTCOMES))
def test_each_role_writes_only_its_own_organizations_price_rules(role, price_rules,
                                                                price_viewers, catalog):
    client = price_viewers[role]
    resale = price_rules["resale"]
    before = row_counts()
    upsert = client.mutate(UPSERT, {"list": gid(resale), "rows": [
        {"sku": door_skus(catalog)[1].lower(), "price": "1500.00"}]},
        result="priceListEntriesUpsert")
    on_dealers, on_own = WRITE_OUTCOMES[role]
    assert codes(upsert) == on_dealers
    if on_dealers:
        assert upsert["priceList"] is None
        assert row_counts() == before
    else:
        assert upsert["priceList"] == {"entryCount": 2}

    counts = row_counts()
    created = client.mutate(LIST_CREATE, {"input": {"name": "Новый прайс", "kind": "RESALE"
                                                    if role != "staff with MANAGE_PRICES"
                                                    else "PURCHASE"}},
                            result="priceListCreate")
    assert codes(created) == on_own
    if on_own:
        assert created["priceList"] is None and row_counts() == counts
    else:
        assert created["priceList"]["owner"] == {"name": OWNER_OF_NEW_LIST[role]}
        assert PriceList.objects.filter(name="Новый прайс").count() == 1


def test_the_dealer_replaces_its_resale_list_by_sku_and_by_variant_id(price_rules,
                                                                     price_viewers, catalog):
    dealer = price_viewers["dealer admin"]
    first, second = catalog["door"].variants.order_by("sku")
    result = dealer.mutate(REPLACE, {"list": gid(price_rules["resale"]), "rows": [
        {"variant": to_global_id("ProductVariant", first.pk), "price": "1500.00"},
        {"variant": to_global_id("ProductVariant", first.pk), "minQuantity": "10",
         "price": "1450.00", "unit": "PACK"},
        {"sku": second.sku, "price": "1300.00"}]}, result="priceListEntriesReplace")
    assert result == {"priceList": {"entryCount": 3}, "errors": []}
    assert sorted(PriceListEntry.objects.filter(price_list=price_rules["resale"])
                  .values_list("variant__sku", "min_quantity", "price", "unit")) == sorted([
        (first.sku, 1, 1500, ""), (first.sku, 10, 1450, "PACK"), (second.sku, 1, 1300, "")])


# The "Bad input", each with its code and nothing saved.
def test_duplicate_tiers_are_refused_with_the_sku(price_rules, price_viewers, catalog):
    sku = door_skus(catalog)[1]
    before = row_counts()
    result = price_viewers["dealer admin"].mutate(UPSERT, {
        "list": gid(price_rules["resale"]), "rows": [
            {"sku": sku, "price": "1500.00"}, {"sku": sku, "minQuantity": "1.000",
                                               "price": "1490.00"}]},
        result="priceListEntriesUpsert")
    assert codes(result) == [("entries", "DUPLICATE_TIER")]
    assert result["errors"][0]["skus"] == [sku]
    assert row_counts() == before


def test_zero_and_negative_prices_are_refused_with_every_sku(price_rules, price_viewers,
                                                             catalog):
    first, second = door_skus(catalog)
    before = row_counts()
    result = price_viewers["dealer admin"].mutate(REPLACE, {
        "list": gid(price_rules["resale"]), "rows": [
            {"sku": first, "price": "0"}, {"sku": second, "price": "-5.00"}]},
        result="priceListEntriesReplace")
    assert codes(result) == [("entries", "NON_POSITIVE_PRICE")]
    assert sorted(result["errors"][0]["skus"]) == [first, second]
    assert row_counts() == before


def test_unknown_skus_are_listed_and_nothing_is_saved(price_rules, price_viewers, catalog):
    before = row_counts()
    result = price_viewers["dealer admin"].mutate(UPSERT, {
        "list": gid(price_rules["resale"]), "rows": [
            {"sku": door_skus(catalog)[1], "price": "1500.00"},
            {"sku": "NO-SUCH-1", "price": "10.00"}, {"sku": "NO-SUCH-2", "price": "10.00"},
            {"sku": catalog["hidden"].variants.first().sku, "price": "10.00"}]},
        result="priceListEntriesUpsert")
    assert codes(result) == [("rows", "UNKNOWN_VARIANT")]
    hidden = catalog["hidden"].variants.first().sku
    assert result["errors"][0]["skus"] == sorted(["NO-SUCH-1", "NO-SUCH-2", hidden])
    assert row_counts() == before


def test_a_row_needs_its_variant_or_its_sku(price_rules, price_viewers):
    result = price_viewers["dealer admin"].mutate(UPSERT, {
        "list": gid(price_rules["resale"]), "rows": [{"price": "1500.00"}]},
        result="priceListEntriesUpsert")
    assert codes(result) == [("rows.0", "INVALID")]


def test_a_fallback_in_another_currency_is_a_currency_mismatch(price_rules, price_viewers):
    dealer = price_viewers["dealer admin"]
    usd = dealer.mutate(LIST_CREATE, {"input": {"name": "В долларах", "kind": "RESALE",
                                                "currency": "USD"}},
                        result="priceListCreate")["priceList"]
    before = row_counts()
    result = dealer.mutate(LIST_UPDATE, {"id": gid(price_rules["resale"]),
                                         "input": {"fallback": usd["id"]}},
                           result="priceListUpdate")
    assert codes(result) == [("currency", "CURRENCY_MISMATCH")]
    assert row_counts() == before


def test_a_list_assigned_outside_its_owners_subtree_is_refused(price_rules, price_viewers,
                                                               network):
    before = row_counts()
    dealer = price_viewers["dealer admin"]
    above = dealer.mutate(ASSIGN, {"list": gid(price_rules["resale"]), "input": {
        "organization": org_id(network["factory"])}}, result="priceListAssign")
    assert codes(above) == [("organization", "ASSIGNMENT_OUTSIDE_SUBTREE")]
    # Another dealer's sub-dealer is not even visible to the dealer: not found.
    beside = dealer.mutate(ASSIGN, {"list": gid(price_rules["resale"]), "input": {
        "organization": org_id(network["sub_b"])}}, result="priceListAssign")
    assert codes(beside) == [("organization", "NOT_FOUND")]
    staff = price_viewers["staff with MANAGE_PRICES"]
    two = staff.mutate(ASSIGN, {"list": gid(price_rules["base"]), "input": {
        "region": "Москва", "ownerDefault": True}}, result="priceListAssign")
    assert codes(two) == [("target", "ASSIGNMENT_TARGET")]
    assert row_counts() == before
    made = staff.mutate(ASSIGN, {"list": gid(price_rules["base"]), "input": {
        "organization": org_id(network["sub_b"])}}, result="priceListAssign")
    assert made["errors"] == []
    assert PriceListAssignment.objects.filter(organization=network["sub_b"]).exists()


def test_a_formula_cycle_is_refused_with_the_lists(price_rules, price_viewers):
    staff = price_viewers["staff with MANAGE_PRICES"]
    before = row_counts()
    result = staff.mutate(LIST_UPDATE, {"id": gid(price_rules["base"]), "input": {
        "source": gid(price_rules["gold_list"])}}, result="priceListUpdate")
    assert ("source", "FORMULA_CYCLE") in codes(result)
    cycle = next(e for e in result["errors"] if e["code"] == "FORMULA_CYCLE")
    assert set(cycle["listIds"]) >= {gid(price_rules["base"]), gid(price_rules["gold_list"])}
    assert row_counts() == before


def test_a_resale_list_below_the_floor_is_refused_with_every_sku(price_rules, price_viewers,
                                                                 catalog):
    first, second = door_skus(catalog)
    PriceListEntry.objects.create(price_list=price_rules["base"], price=1000,
                                  variant=catalog["door"].variants.get(sku=second))
    before = row_counts()
    # 1200 with VAT is 1000 net: below the door's own floor (1100) and, for the second
    # door, 600 net is below 90% of its base list price (900).
    result = price_viewers["dealer admin"].mutate(REPLACE, {
        "list": gid(price_rules["resale"]), "rows": [
            {"sku": first, "price": "1200.00"}, {"sku": second, "price": "720.00"}]},
        result="priceListEntriesReplace")
    assert [e["code"] for e in result["errors"]] == ["BELOW_MAP_FLOOR"]
    assert sorted(result["errors"][0]["skus"]) == [first, second]
    assert row_counts() == before


def test_a_percentage_change_rewrites_every_price_or_none(price_rules, price_viewers,
                                                          catalog):
    dealer = price_viewers["dealer admin"]
    resale = price_rules["resale"]
    raised = dealer.mutate(PERCENT, {"list": gid(resale), "percent": "7.5",
                                     "rounding": "WHOLE"},
                           result="priceListEntriesChangeByPercent")
    assert raised == {"priceList": {"entryCount": 1}, "errors": []}
    assert list(resale.entries.values_list("price", flat=True)) == [1505]  # 1400 x 1.075
    before = row_counts()
    lowered = dealer.mutate(PERCENT, {"list": gid(resale), "percent": "-20"},
                            result="priceListEntriesChangeByPercent")
    assert [e["code"] for e in lowered["errors"]] == ["BELOW_MAP_FLOOR"]
    assert lowered["errors"][0]["skus"] == [door_skus(catalog)[0]]
    assert row_counts() == before
    impossible = dealer.mutate(PERCENT, {"list": gid(resale), "percent": "-100"},
                               result="priceListEntriesChangeByPercent")
    assert codes(impossible) == [("percent", "INVALID_FORMULA")]
    derived = price_viewers["staff with MANAGE_PRICES"].mutate(
        PERCENT, {"list": gid(price_rules["gold_list"]), "percent": "5"},
        result="priceListEntriesChangeByPercent")
    assert codes(derived) == [("entries", "DERIVED_LIST")]
    assert row_counts() == before


def test_floors_are_the_manufacturers_and_lists_in_use_stay(price_rules, price_viewers,
                                                             catalog):
    variant = to_global_id("ProductVariant", catalog["door"].variants.order_by("sku")[1].pk)
    floor = """mutation($input: MapFloorInput!) { mapFloorSet(input: $input) {
      floor { amount } flaggedLists { name } errors { field code } } }"""
    before = row_counts()
    refused = price_viewers["dealer admin"].mutate(
        floor, {"input": {"variant": variant, "amount": "10.00"}}, result="mapFloorSet")
    assert codes(refused) == [("id", "MANUFACTURER_ONLY")]
    staff = price_viewers["staff with MANAGE_PRICES"]
    in_use = staff.mutate("""mutation($id: ID!) { priceListDelete(id: $id) {
      deletedId errors { field code listIds } } }""", {"id": gid(price_rules["base"])},
                          result="priceListDelete")
    assert [e["code"] for e in in_use["errors"]] == ["LIST_IN_USE"]
    assert in_use["errors"][0]["listIds"] == [gid(price_rules["gold_list"])]
    assert row_counts() == before
    # The resale list prices the door at 1400 with VAT (1166.67 net): a floor of 1200
    # flags it.
    first = to_global_id("ProductVariant", catalog["door"].variants.order_by("sku")[0].pk)
    flagged = staff.mutate(floor, {"input": {"variant": first, "amount": "1200.00"}},
                           result="mapFloorSet")
    assert flagged == {"floor": {"amount": "1200.00"},
                       "flaggedLists": [{"name": "Для субдилеров"}], "errors": []}
    assert PriceList.objects.get(kind=PriceListKind.RESALE).below_floor_since is not None


def test_a_zero_minimum_quantity_is_refused_and_an_explicit_null_means_from_one(
        price_rules, price_viewers, catalog):
    first, second = door_skus(catalog)
    before = row_counts()
    zero = price_viewers["dealer admin"].mutate(REPLACE, {
        "list": gid(price_rules["resale"]), "rows": [
            {"sku": first, "minQuantity": "0", "price": "1500.00"}]},
        result="priceListEntriesReplace")
    assert codes(zero) == [("entries", "NON_POSITIVE_QUANTITY")]
    assert row_counts() == before
    null = price_viewers["dealer admin"].mutate(REPLACE, {
        "list": gid(price_rules["resale"]), "rows": [
            {"sku": second, "minQuantity": None, "price": "1300.00"}]},
        result="priceListEntriesReplace")
    assert null == {"priceList": {"entryCount": 1}, "errors": []}
    assert list(PriceListEntry.objects.filter(price_list=price_rules["resale"])
                .values_list("variant__sku", "min_quantity")) == [(second, 1)]
