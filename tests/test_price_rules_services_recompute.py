"""Derived lists: computed from their source by the formula in a Celery task (eager in
tests) queued at commit, with progress on a job row; every list derived from a changed
list recomputed after its source; a list replaced atomically (a reader on another
connection sees the old list until the new one is committed); a refused formula fails the
job and changes nothing."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from backend.core.errors import DomainValidationError
from price_rules.models import (
    MapFloor,
    PriceList,
    PriceListEntry,
    PriceListKind,
    RecomputeJob,
    RecomputeStatus,
)
from price_rules.services.entries import EntryRow, upsert_entries
from price_rules.services.lists import PriceListData, save_price_list
from price_rules.services.recompute import (
    recompute_list,
    recompute_plan,
    recompute_price_list,
)
from tests.fixtures.price_services import row_counts

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def base(network, catalog):
    factory = network["factory"]
    door, other = catalog["door"].variants.order_by("id")
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    for variant, quantity, price in ((door, 1, "1000.00"), (door, 10, "950.00"),
                                     (other, 1, "1999.99")):
        PriceListEntry.objects.create(price_list=base, variant=variant,
                                      min_quantity=D(quantity), price=D(price))
    return {"factory": factory, "base": base, "door": door, "other": other, **network}


def prices(price_list) -> list[tuple]:
    return list(PriceListEntry.objects.filter(price_list=price_list).order_by(
        "variant_id", "min_quantity").values_list("variant_id", "min_quantity", "price"))


def test_a_new_derived_list_is_computed_by_the_task_queued_at_commit(
        base, django_capture_on_commit_callbacks):
    factory, door, other = base["factory"], base["door"], base["other"]
    with django_capture_on_commit_callbacks(execute=True):
        gold = save_price_list(factory, None, PriceListData(
            name="Золотой", source=base["base"], formula_factor=D("0.85"),
            formula_rounding="WHOLE"))
    assert prices(gold) == [(door.id, D(1), D(850)), (door.id, D(10), D(808)),
                            (other.id, D(1), D(1700))]
    job = RecomputeJob.objects.get(price_list=gold)
    assert (job.status, job.lists_done, job.lists_total) == (RecomputeStatus.DONE, 1, 1)
    assert job.finished_at is not None


def test_a_change_recomputes_every_list_depending_on_it_each_after_its_source(
        base, django_capture_on_commit_callbacks):
    factory, door = base["factory"], base["door"]
    gold = PriceList.objects.create(owner=factory, name="Золотой", source=base["base"],
                                    formula_percent=D(-10))
    platinum = PriceList.objects.create(owner=factory, name="Платиновый", source=gold,
                                        formula_amount=D(-100))
    assert recompute_plan(base["base"]) == (gold.id, platinum.id)
    with django_capture_on_commit_callbacks(execute=True):
        upsert_entries(factory, base["base"], [EntryRow(variant_id=door.id, price=D(2000))])
    assert prices(platinum)[0] == (door.id, D(1), D(1700))  # 2000 - 10% - 100
    job = RecomputeJob.objects.get(price_list=base["base"])
    assert (job.status, job.lists_done, job.lists_total) == (RecomputeStatus.DONE, 2, 2)


def test_a_formula_that_brings_a_price_to_zero_is_refused_at_once_or_fails_the_job_later(
        base, django_capture_on_commit_callbacks):
    """A source write that would bring the derived price to zero is refused up front
    (``test_price_rules_dependents``); the job still fails safely when the source changed
    behind the services' back (here a bare UPDATE, as a concurrent change could)."""
    factory, door = base["factory"], base["door"]
    cheap = PriceList.objects.create(owner=factory, name="Минус", source=base["base"],
                                     formula_amount=D(-900))
    recompute_list(cheap.id)
    before, counts = prices(cheap), row_counts()
    with pytest.raises(DomainValidationError) as caught:
        save_price_list(factory, cheap, PriceListData(formula_amount=D(-1000)))
    assert [(e.code_value, e.params["skus"]) for e in caught.value.errors] == [
        ("NON_POSITIVE_PRICE", [door.sku])]
    assert row_counts() == counts

    # The source changes later: the job fails, naming the SKU, and keeps the list.
    PriceListEntry.objects.filter(price_list=base["base"], variant=door,
                                  min_quantity=1).update(price=D(900))
    with django_capture_on_commit_callbacks(execute=True):
        recompute_price_list(factory, base["base"])
    job = RecomputeJob.objects.get(price_list=base["base"])
    assert (job.status, job.error_code, job.lists_done) == (RecomputeStatus.FAILED,
                                                            "NON_POSITIVE_PRICE", 0)
    assert door.sku in job.error_message
    assert prices(cheap) == before


def test_a_derived_resale_list_below_the_floor_is_flagged_not_refused(base):
    dealer = base["dealer_a"]
    source = PriceList.objects.create(owner=dealer, name="Мой базовый")
    PriceListEntry.objects.create(price_list=source, variant=base["door"], price=D(1500))
    resale = PriceList.objects.create(owner=dealer, name="Субдилерам -20%", source=source,
                                      kind=PriceListKind.RESALE, formula_percent=D(-20))
    MapFloor.objects.create(owner=base["factory"], variant=base["door"], amount=D(1300))
    assert recompute_list(resale.id) == 1
    resale.refresh_from_db()
    assert (resale.below_floor_skus, resale.below_floor_since is not None) == (
        [base["door"].sku], True)


@pytest.mark.django_db(transaction=True)
def test_a_reader_sees_the_old_list_until_the_new_one_is_committed(base):
    gold = PriceList.objects.create(owner=base["factory"], name="Золотой",
                                    source=base["base"], formula_factor=D("0.5"))
    recompute_list(gold.id)
    old = prices(gold)
    PriceList.objects.filter(pk=gold.pk).update(formula_factor=D("0.9"))
    seen: list[list[tuple]] = []

    def read() -> None:
        try:
            seen.append(prices(gold))
        finally:
            connection.close()

    with transaction.atomic():
        recompute_list(gold.id)  # old rows deleted, new ones inserted, not committed
        reader = threading.Thread(target=read)
        reader.start()
        reader.join()
    assert seen == [old]
    assert prices(gold) != old and len(prices(gold)) == len(old)
