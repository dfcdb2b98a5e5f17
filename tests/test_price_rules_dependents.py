"""A change whose derived lists could not take their recomputed prices is refused at once,
naming each derived list and the SKUs, instead of failing the recompute job later where
the person who made it never sees it (``services/dependents.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from graphql_relay import to_global_id as gid

from backend.core.errors import DomainValidationError
from price_rules.models import MapFloor, PriceList, PriceListEntry, PriceListKind, RecomputeJob
from price_rules.services.entries import EntryRow, change_entries_by_percent, upsert_entries
from price_rules.services.lists import PriceListData, save_price_list
from tests.fixtures.price_services import row_counts

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def base(network, catalog):
    factory = network["factory"]
    door, other = catalog["door"].variants.order_by("id")
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    for variant, price in ((door, "1000.00"), (other, "2000.00")):
        PriceListEntry.objects.create(price_list=base, variant=variant, price=D(price))
    return {"factory": factory, "base": base, "door": door, "other": other, **network}


def refusal(call) -> list[tuple]:
    with pytest.raises(DomainValidationError) as caught:
        call()
    return [(e.code_value, e.field, e.params.get("list_ids"), e.params.get("skus"))
            for e in caught.value.errors]


def test_a_source_write_whose_derived_price_would_reach_zero_is_refused_naming_the_list(
        base, django_capture_on_commit_callbacks):
    factory, door = base["factory"], base["door"]
    half = PriceList.objects.create(owner=factory, name="Половина", source=base["base"],
                                    formula_factor=D("0.5"))
    minus = PriceList.objects.create(owner=factory, name="Минус", source=half,
                                     formula_amount=D(-400))
    before = row_counts()
    # 700 -> 350 in «Половина» (fine) -> -50 in «Минус», two levels down.
    assert refusal(lambda: upsert_entries(factory, base["base"], [
        EntryRow(variant_id=door.id, price=D(700))])) == [
        ("NON_POSITIVE_PRICE", "entries", [minus.id], [door.sku])]
    assert refusal(lambda: change_entries_by_percent(factory, base["base"], D(-30))) == [
        ("NON_POSITIVE_PRICE", "entries", [minus.id], [door.sku])]
    assert row_counts() == before and not RecomputeJob.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        upsert_entries(factory, base["base"], [EntryRow(variant_id=door.id, price=D(900))])
    assert PriceListEntry.objects.get(price_list=minus, variant=door).price == D(50)


def test_a_derived_resale_list_below_the_floor_refuses_its_sources_write(base):
    dealer, door = base["dealer_a"], base["door"]
    source = PriceList.objects.create(owner=dealer, name="Мой базовый")
    PriceListEntry.objects.create(price_list=source, variant=door, price=D(1500))
    resale = PriceList.objects.create(owner=dealer, name="Субдилерам -20%", source=source,
                                      kind=PriceListKind.RESALE, formula_percent=D(-20))
    MapFloor.objects.create(owner=base["factory"], variant=door, amount=D(1100))
    before = row_counts()
    assert refusal(lambda: upsert_entries(dealer, source, [
        EntryRow(variant_id=door.id, price=D(1300))])) == [
        ("BELOW_MAP_FLOOR", "entries", [resale.id], [door.sku])]
    assert row_counts() == before
    upsert_entries(dealer, source, [EntryRow(variant_id=door.id, price=D(1400))])  # 1120


def test_a_formula_change_whose_dependents_would_break_is_refused(base):
    factory, door = base["factory"], base["door"]
    half = PriceList.objects.create(owner=factory, name="Половина", source=base["base"],
                                    formula_factor=D("0.5"))
    minus = PriceList.objects.create(owner=factory, name="Минус", source=half,
                                     formula_amount=D(-400))
    before = row_counts()
    # «Половина» at 0.3 is 300 (fine), «Минус» derived from it -100.
    assert refusal(lambda: save_price_list(factory, half, PriceListData(
        formula_factor=D("0.3")))) == [
        ("NON_POSITIVE_PRICE", "formula_amount", [minus.id], [door.sku])]
    assert row_counts() == before
    # A dealer's derived resale list whose own new formula goes below the floor.
    dealer = base["dealer_a"]
    source = PriceList.objects.create(owner=dealer, name="Мой базовый")
    PriceListEntry.objects.create(price_list=source, variant=door, price=D(1500))
    resale = PriceList.objects.create(owner=dealer, name="Субдилерам", source=source,
                                      kind=PriceListKind.RESALE)
    MapFloor.objects.create(owner=factory, variant=door, amount=D(1100))
    counts = row_counts()
    with pytest.raises(DomainValidationError) as caught:
        save_price_list(dealer, resale, PriceListData(formula_percent=D(-30)))
    assert [(e.code_value, e.params["skus"]) for e in caught.value.errors] == [
        ("BELOW_MAP_FLOOR", [door.sku])]
    assert row_counts() == counts


def test_the_api_names_the_derived_list_and_skus(price_rules, price_viewers, catalog):
    staff = price_viewers["staff with MANAGE_PRICES"]
    base = PriceList.objects.get(name="Базовый прайс")
    gold = PriceList.objects.get(name="Золотой прайс")  # base x 0.85, whole units
    door = catalog["door"].variants.first()
    before = row_counts()
    result = staff.mutate("""mutation($list: ID!, $rows: [PriceListEntryRowInput!]!) {
      priceListEntriesUpsert(priceList: $list, rows: $rows) { priceList { id }
      errors { field code message skus listIds } } }""", {
        "list": gid("PriceList", base.pk),
        "rows": [{"variant": gid("ProductVariant", door.pk), "price": "0.50"}]},
        result="priceListEntriesUpsert")
    assert result["priceList"] is None
    [error] = result["errors"]
    assert (error["field"], error["code"], error["skus"], error["listIds"]) == (
        "entries", "NON_POSITIVE_PRICE", [door.sku], [gid("PriceList", gold.pk)])
    assert "Золотой прайс" in error["message"]
    assert row_counts() == before
