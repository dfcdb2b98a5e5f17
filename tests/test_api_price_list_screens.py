"""What the price list screens need beyond the first API: a row editor's save (a variant's
tiers become exactly the edited ones, or none), a percentage change over a search, and an
upload's dry run that counts the tiers it adds, changes and removes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from price_rules.models import PriceListEntry
from tests.fixtures.price_services import row_counts
from tests.fixtures.price_workbooks import upload, workbook

pytestmark = pytest.mark.django_db

D = Decimal
ERRORS = "errors { field code message skus variantIds }"
SET_VARIANTS = f"""mutation($list: ID!, $variants: [ID!]!, $rows: [PriceListEntryRowInput!]!) {{
  priceListEntriesSetVariants(priceList: $list, variants: $variants, rows: $rows) {{
  priceList {{ entryCount }} {ERRORS} }} }}"""
PERCENT = f"""mutation($list: ID!, $percent: Decimal!, $search: String) {{
  priceListEntriesChangeByPercent(priceList: $list, percent: $percent, search: $search) {{
  priceList {{ entryCount }} {ERRORS} }} }}"""
COUNTED_IMPORT = """mutation($list: ID!, $file: Upload!, $mode: PriceListImportMode,
  $dry: Boolean) { priceListImport(priceList: $list, file: $file, mode: $mode, dryRun: $dry) {
  rows applied added changed removed errors { row column code skus } } }"""
RU = ("Артикул", "Мин. количество", "Цена")


def gid(kind: str, row) -> str:
    return to_global_id(kind, row.pk)


def tiers(price_list) -> list[tuple]:
    return list(PriceListEntry.objects.filter(price_list=price_list).order_by(
        "variant__sku", "min_quantity").values_list("variant__sku", "min_quantity", "price"))


@pytest.fixture
def doors(catalog):
    return list(catalog["door"].variants.order_by("sku"))


def test_a_variants_tiers_become_the_edited_ones_and_the_rest_stay(price_rules,
                                                                    price_viewers, doors):
    dealer = price_viewers["dealer admin"]
    resale = price_rules["resale"]
    floored = price_rules["variant_floor"].variant
    other = next(v for v in doors if v.pk != floored.pk)
    PriceListEntry.objects.create(price_list=resale, variant=other, price=D("2000.00"))
    PriceListEntry.objects.create(price_list=resale, variant=other, min_quantity=D(5),
                                  price=D("1900.00"))

    result = dealer.mutate(SET_VARIANTS, {
        "list": gid("PriceList", resale), "variants": [gid("ProductVariant", other)],
        "rows": [{"variant": gid("ProductVariant", other), "price": "2100.00"},
                 {"variant": gid("ProductVariant", other), "minQuantity": "20",
                  "price": "1800.00"}]}, result="priceListEntriesSetVariants")

    assert result == {"priceList": {"entryCount": 3}, "errors": []}
    assert sorted(tiers(resale)) == sorted([
        (floored.sku, D(1), D("1400.00")), (other.sku, D(1), D("2100.00")),
        (other.sku, D(20), D("1800.00"))])  # the tier from 5 is gone

    removed = dealer.mutate(SET_VARIANTS, {
        "list": gid("PriceList", resale), "variants": [gid("ProductVariant", other)],
        "rows": []}, result="priceListEntriesSetVariants")
    assert removed == {"priceList": {"entryCount": 1}, "errors": []}
    assert tiers(resale) == [(floored.sku, D(1), D("1400.00"))]


def test_a_row_editors_save_below_the_floor_or_of_another_variant_saves_nothing(
        price_rules, price_viewers, doors):
    dealer = price_viewers["dealer admin"]
    resale = price_rules["resale"]
    floored = price_rules["variant_floor"].variant
    other = next(v for v in doors if v.pk != floored.pk)
    before = row_counts()

    below = dealer.mutate(SET_VARIANTS, {
        "list": gid("PriceList", resale), "variants": [gid("ProductVariant", floored)],
        "rows": [{"sku": floored.sku, "price": "1500.00"},
                 {"sku": floored.sku, "minQuantity": "10", "price": "900.00"}]},
        result="priceListEntriesSetVariants")
    stray = dealer.mutate(SET_VARIANTS, {
        "list": gid("PriceList", resale), "variants": [gid("ProductVariant", floored)],
        "rows": [{"sku": other.sku, "price": "1500.00"}]},
        result="priceListEntriesSetVariants")
    duplicate = dealer.mutate(SET_VARIANTS, {
        "list": gid("PriceList", resale), "variants": [gid("ProductVariant", floored)],
        "rows": [{"sku": floored.sku, "price": "1500.00"},
                 {"sku": floored.sku, "price": "1600.00"}]},
        result="priceListEntriesSetVariants")

    assert [(e["code"], e["skus"]) for e in below["errors"]] == [
        ("BELOW_MAP_FLOOR", [floored.sku])]
    assert [(e["field"], e["code"]) for e in stray["errors"]] == [("rows", "INVALID")]
    assert [(e["code"], e["skus"]) for e in duplicate["errors"]] == [
        ("DUPLICATE_TIER", [floored.sku])]
    assert row_counts() == before


def test_a_percentage_change_over_a_search_changes_only_the_variants_found(
        price_rules, price_viewers, doors):
    dealer = price_viewers["dealer admin"]
    resale = price_rules["resale"]
    floored = price_rules["variant_floor"].variant
    other = next(v for v in doors if v.pk != floored.pk)
    PriceListEntry.objects.create(price_list=resale, variant=other, price=D("2000.00"))

    raised = dealer.mutate(PERCENT, {"list": gid("PriceList", resale), "percent": "10",
                                     "search": other.sku.lower()},
                           result="priceListEntriesChangeByPercent")
    assert raised == {"priceList": {"entryCount": 2}, "errors": []}
    assert sorted(tiers(resale)) == sorted([(floored.sku, D(1), D("1400.00")),
                                            (other.sku, D(1), D("2200.00"))])

    before = row_counts()
    refused = dealer.mutate(PERCENT, {"list": gid("PriceList", resale), "percent": "-30",
                                      "search": floored.sku},
                            result="priceListEntriesChangeByPercent")
    assert [(e["code"], e["skus"]) for e in refused["errors"]] == [
        ("BELOW_MAP_FLOOR", [floored.sku])]
    assert row_counts() == before


def test_an_uploads_dry_run_counts_the_tiers_it_adds_changes_and_removes(
        price_rules, price_viewers, doors, make_user, network):
    from backend.accounts.models import Role
    admin = make_user("prices@alpha.test", network["dealer_a"], Role.ADMIN)
    resale = price_rules["resale"]
    floored = price_rules["variant_floor"].variant
    other = next(v for v in doors if v.pk != floored.pk)
    PriceListEntry.objects.create(price_list=resale, variant=other, price=D("2000.00"))
    PriceListEntry.objects.create(price_list=resale, variant=other, min_quantity=D(5),
                                  price=D("1900.00"))
    content = workbook(RU, (floored.sku, 1, D("1400.00")), (floored.sku, 10, D("1350")),
                       (other.sku, 1, D("2050")))
    before = row_counts()

    replace = upload(admin, resale, content, dry_run=True, query=COUNTED_IMPORT)
    upsert = upload(admin, resale, content, dry_run=True, mode="UPSERT",
                    query=COUNTED_IMPORT)

    # The floored door's first tier is unchanged, its tier from 10 new; the other door's
    # first tier changes and, replaced, its tier from 5 goes.
    assert replace == {"rows": 3, "applied": False, "added": 1, "changed": 1, "removed": 1,
                       "errors": []}
    assert upsert == {"rows": 3, "applied": False, "added": 1, "changed": 1, "removed": 0,
                      "errors": []}
    assert row_counts() == before
    applied = upload(admin, resale, content, query=COUNTED_IMPORT)
    assert (applied["applied"], applied["removed"]) == (True, 1)
    assert len(tiers(resale)) == 3
