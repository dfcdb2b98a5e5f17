"""The recompute path as in production: the list change commits, the job is queued in a
real Redis, a real Celery worker derives the list and records its progress."""

from __future__ import annotations

from decimal import Decimal

import pytest

from price_rules.models import PriceList, PriceListEntry, RecomputeJob, RecomputeStatus
from price_rules.services.lists import PriceListData, save_price_list
from tests.fixtures.worker import wait_for


@pytest.mark.django_db(transaction=True)
def test_a_worker_recomputes_a_derived_list_after_the_change_commits(
        celery_worker, network, catalog):
    factory = network["factory"]
    variants = list(catalog["door"].variants.order_by("id"))
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    PriceListEntry.objects.bulk_create(
        PriceListEntry(price_list=base, variant=v, price=Decimal(1000 + i))
        for i, v in enumerate(variants))

    gold = save_price_list(factory, None, PriceListData(
        name="Золотой", source=base, formula_percent=Decimal(-15), formula_rounding="WHOLE"))

    job = RecomputeJob.objects.get(price_list=gold)
    wait_for(lambda: RecomputeJob.objects.get(pk=job.pk).status == RecomputeStatus.DONE, 15,
             "the worker did not finish the recompute job", celery_worker.log)
    job.refresh_from_db()
    assert (job.lists_done, job.lists_total) == (1, 1)
    assert sorted(PriceListEntry.objects.filter(price_list=gold).values_list(
        "price", flat=True)) == [Decimal(850), Decimal(851)]
