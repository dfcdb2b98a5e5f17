"""A list's entries through the services: whole-list replace and upsert, every bad row
refused with its code and nothing saved, a dealer's resale list below the manufacturer's
floor refused with every offending SKU, and concurrent writes to one list serialized."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from backend.core.errors import DomainValidationError
from price_rules.models import MapFloor, PriceList, PriceListEntry, PriceListKind
from price_rules.services.entries import EntryRow, replace_entries, upsert_entries
from tests.fixtures.price_services import codes, row_counts

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def lists(network, catalog):
    factory, dealer = network["factory"], network["dealer_a"]
    door, other = catalog["door"].variants.order_by("id")
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    resale = PriceList.objects.create(owner=dealer, name="Субдилерам",
                                      kind=PriceListKind.RESALE)
    MapFloor.objects.create(owner=factory, variant=door, amount=D("1100"))
    MapFloor.objects.create(owner=factory, variant=other, amount=D("2100"))
    return {"factory": factory, "dealer": dealer, "door": door, "other": other, "base": base,
            "resale": resale}


def tiers(price_list) -> list[tuple]:
    return list(PriceListEntry.objects.filter(price_list=price_list).order_by(
        "variant_id", "min_quantity").values_list("variant_id", "min_quantity", "price", "unit"))


def test_replace_sets_the_whole_list_and_upsert_adds_or_changes_rows(lists):
    base, door, other = lists["base"], lists["door"], lists["other"]
    replace_entries(lists["factory"], base, [
        EntryRow(variant_id=door.id, price=D(1000)),
        EntryRow(variant_id=door.id, min_quantity=D(10), price=D(950), unit="PACK"),
        EntryRow(variant_id=other.id, price=D(2000))])
    upsert_entries(lists["factory"], base, [
        EntryRow(variant_id=door.id, min_quantity=D(10), price=D(940)),
        EntryRow(variant_id=other.id, min_quantity=D(5), price=D(1900))])
    assert tiers(base) == [(door.id, D(1), D(1000), ""), (door.id, D(10), D(940), ""),
                           (other.id, D(1), D(2000), ""), (other.id, D(5), D(1900), "")]
    replace_entries(lists["factory"], base, [EntryRow(variant_id=other.id, price=D(1))])
    assert tiers(base) == [(other.id, D(1), D(1), "")]


def refused(call, *args) -> DomainValidationError:
    before = row_counts()
    with pytest.raises(DomainValidationError) as caught:
        call(*args)
    assert row_counts() == before
    return caught.value


@pytest.mark.parametrize("write", [replace_entries, upsert_entries])
@pytest.mark.parametrize(("rows", "code"), [
    (lambda v: [EntryRow(variant_id=v.id, price=D(10)),
                EntryRow(variant_id=v.id, min_quantity=D("1.000"), price=D(9))],
     "DUPLICATE_TIER"),
    (lambda v: [EntryRow(variant_id=v.id, price=D(0))], "NON_POSITIVE_PRICE"),
    (lambda v: [EntryRow(variant_id=v.id, price=D(-5))], "NON_POSITIVE_PRICE"),
    (lambda v: [EntryRow(variant_id=v.id, min_quantity=D(0), price=D(5))],
     "NON_POSITIVE_QUANTITY"),
    (lambda v: [EntryRow(variant_id=v.id + 10_000, price=D(5))], "UNKNOWN_VARIANT"),
    (lambda v: [EntryRow(variant_id=v.id, price=D(5), unit="BARREL")], "INVALID"),
])
def test_each_bad_row_is_refused_with_its_code_and_nothing_saved(lists, write, rows, code):
    replace_entries(lists["factory"], lists["base"],
                    [EntryRow(variant_id=lists["other"].id, price=D(2000))])
    good = EntryRow(variant_id=lists["other"].id, price=D(1500))
    error = refused(write, lists["factory"], lists["base"], [good, *rows(lists["door"])])
    assert codes(error) == [code]
    assert error.errors[0].field == "entries"


def test_every_problem_of_one_input_is_reported_at_once(lists):
    door = lists["door"]
    error = refused(replace_entries, lists["factory"], lists["base"], [
        EntryRow(variant_id=door.id, price=D(0)),
        EntryRow(variant_id=door.id, price=D(5)),
        EntryRow(variant_id=999_999, price=D(5))])
    assert sorted(codes(error)) == ["DUPLICATE_TIER", "NON_POSITIVE_PRICE", "UNKNOWN_VARIANT"]
    skus = {e.code_value: e.params.get("skus") for e in error.errors}
    assert skus["DUPLICATE_TIER"] == [door.sku]


def test_a_resale_list_below_the_floor_is_refused_naming_every_offending_sku(lists):
    door, other, dealer = lists["door"], lists["other"], lists["dealer"]
    error = refused(replace_entries, dealer, lists["resale"], [
        EntryRow(variant_id=door.id, price=D(1200)),
        EntryRow(variant_id=door.id, min_quantity=D(50), price=D(1050)),  # below 1100
        EntryRow(variant_id=other.id, price=D(2000))])  # below 2100
    assert codes(error) == ["BELOW_MAP_FLOOR"]
    assert error.errors[0].params["skus"] == sorted([door.sku, other.sku])
    assert door.sku in error.errors[0].message and other.sku in error.errors[0].message
    assert error.errors[0].params["list_ids"] == [lists["resale"].id]

    upsert_entries(dealer, lists["resale"], [EntryRow(variant_id=door.id, price=D(1100))])
    error = refused(upsert_entries, dealer, lists["resale"], [
        EntryRow(variant_id=door.id, min_quantity=D(10), price=D("1099.99"))])
    assert error.errors[0].params["skus"] == [door.sku]
    # The manufacturer sets the floors; its own lists are not bound by them.
    replace_entries(lists["factory"], lists["base"], [EntryRow(variant_id=door.id, price=D(1))])


def test_only_the_owner_writes_a_list_and_a_derived_lists_entries_come_from_its_formula(
        lists):
    door = lists["door"]
    row = [EntryRow(variant_id=door.id, price=D(1500))]
    assert codes(refused(replace_entries, lists["dealer"], lists["base"], row)) == [
        "NOT_OWNER"]
    derived = PriceList.objects.create(owner=lists["factory"], name="-15%", source=lists["base"],
                                       formula_factor=D("0.85"))
    assert codes(refused(upsert_entries, lists["factory"], derived, row)) == ["DERIVED_LIST"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("write", [replace_entries, upsert_entries])
def test_concurrent_writes_to_one_list_run_one_after_the_other(lists, write):
    """Both add the tier from 10. The first writer holds its transaction open after
    writing; the second must wait for it (not fail on the unique tier, not mix both
    lists), then win."""
    door, factory, base = lists["door"], lists["factory"], lists["base"]
    replace_entries(factory, base, [EntryRow(variant_id=door.id, price=D(1000))])
    first_wrote, release_first = threading.Event(), threading.Event()
    second_done = threading.Event()
    problems: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                write(factory, base, [
                    EntryRow(variant_id=door.id, price=D(900)),
                    EntryRow(variant_id=door.id, min_quantity=D(10), price=D(800))])
                first_wrote.set()
                release_first.wait(timeout=30)
        except BaseException as exc:
            problems.append(exc)
        finally:
            connection.close()

    def second() -> None:
        try:
            first_wrote.wait(timeout=30)
            write(factory, base, [
                EntryRow(variant_id=door.id, price=D(950)),
                EntryRow(variant_id=door.id, min_quantity=D(10), price=D(850))])
            second_done.set()
        except BaseException as exc:
            problems.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_wrote.wait(timeout=30)
    assert not second_done.wait(timeout=0.5)  # blocked behind the first's lock
    release_first.set()
    for thread in threads:
        thread.join()

    assert problems == []
    assert [(q, p) for _, q, p, _ in tiers(base)] == [(D(1), D(950)), (D(10), D(850))]


def test_a_resale_list_in_another_currency_than_the_floors_is_refused(lists):
    euro = PriceList.objects.create(owner=lists["dealer"], name="EUR", currency="EUR",
                                    kind=PriceListKind.RESALE)
    error = refused(replace_entries, lists["dealer"], euro,
                    [EntryRow(variant_id=lists["door"].id, price=D(5000))])
    assert codes(error) == ["CURRENCY_MISMATCH"]
