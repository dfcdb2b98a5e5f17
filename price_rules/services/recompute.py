"""Derived lists: recompute a list's entries from its source by its formula, and every list
derived from it after it, in the engine's ``recompute_order``.

A job row (``RecomputeJob``) records the progress; the work runs in the Celery task
``price_rules.recompute_derived`` queued when the change commits. Each list is replaced
in one transaction (its old rows deleted, the new ones inserted, then commit): PostgreSQL
shows readers the old list until the commit and the new one after, never a mix. A list
that cannot be derived (the formula brings a price to zero) stops the job as FAILED and
keeps the lists before it recomputed and itself unchanged.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from functools import partial

from celery import shared_task
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from backend.accounts.models import Organization

from .. import engine
from ..models import PriceList, PriceListEntry, PriceListKind, RecomputeJob, RecomputeStatus
from .common import refuse_unless_owner

logger = logging.getLogger(__name__)

BATCH = 2000


def request_recompute(price_list: PriceList) -> RecomputeJob:
    """Queue the recomputation of the lists derived from ``price_list`` (and of
    ``price_list`` itself when it is derived) once the current transaction commits."""
    job = RecomputeJob.objects.create(price_list=price_list)
    transaction.on_commit(partial(_enqueue, job.pk))
    return job


def recompute_price_list(actor: Organization, price_list: PriceList) -> RecomputeJob:
    """``actor`` asks again for the recomputation of its list's derived lists (and of the
    list itself when derived): after a failed job, say."""
    refuse_unless_owner(actor, price_list, price_list.owner_id)
    return request_recompute(price_list)


def _enqueue(job_id: int) -> None:
    try:
        recompute_derived.delay(job_id)
    except Exception:  # the broker is down: the change is committed, the job stays PENDING
        logger.exception("recompute job could not be queued", extra={"job_id": job_id})


def recompute_plan(price_list: PriceList) -> tuple[int, ...]:
    """The lists to recompute after ``price_list`` changed, each after its source."""
    rows = PriceList.objects.filter(Q(source__isnull=False) | Q(pk=price_list.pk)).values_list(
        "id", "owner_id", "currency", "source_id")
    lists = [engine.PriceList(id=i, owner_id=o, currency=c, entries={}, source_id=s)
             for i, o, c, s in rows]
    own = (price_list.pk,) if price_list.source_id is not None else ()
    return own + engine.recompute_order(lists, price_list.pk)


@shared_task(name="price_rules.recompute_derived", ignore_result=True)
def recompute_derived(job_id: int) -> str:
    """Run recompute job ``job_id``; returns its final status (progress is on the row).
    Declared here, beside what it runs, and exported by ``price_rules.tasks``."""
    return str(run_recompute(job_id).status)


def run_recompute(job_id: int) -> RecomputeJob:
    """Do job ``job_id``: every list of the plan in its own transaction, progress stored
    after each. Never raises for a refused formula (the job says FAILED and why)."""
    job = RecomputeJob.objects.select_related("price_list").get(pk=job_id)
    try:
        plan = recompute_plan(job.price_list)
    except engine.PriceRuleError as error:
        return _fail(job, error)
    RecomputeJob.objects.filter(pk=job.pk).update(status=RecomputeStatus.RUNNING,
                                                  lists_total=len(plan), lists_done=0)
    for list_id in plan:
        try:
            recompute_list(list_id)
        except engine.PriceRuleError as error:
            return _fail(job, error)
        RecomputeJob.objects.filter(pk=job.pk).update(lists_done=F("lists_done") + 1)
    RecomputeJob.objects.filter(pk=job.pk).update(status=RecomputeStatus.DONE,
                                                  finished_at=timezone.now())
    job.refresh_from_db()
    return job


def _fail(job: RecomputeJob, error: engine.PriceRuleError) -> RecomputeJob:
    RecomputeJob.objects.filter(pk=job.pk).update(
        status=RecomputeStatus.FAILED, error_code=error.problems[0].code.value,
        error_message=str(error), finished_at=timezone.now())
    job.refresh_from_db()
    return job


def derive(price_list: PriceList) -> dict[int, tuple[engine.Tier, ...]]:
    """The entries derived list ``price_list`` would have from its source's current ones
    (raises ``PriceRuleError`` naming the SKUs whose price the formula brings to zero)."""
    from .common import FloorCheck  # common imports context; keep this module light

    source: dict[int, list[engine.Tier]] = {}
    for variant_id, quantity, price, unit in PriceListEntry.objects.filter(
            price_list_id=price_list.source_id).values_list(
            "variant_id", "min_quantity", "price", "unit").iterator(chunk_size=BATCH):
        source.setdefault(variant_id, []).append(engine.Tier(quantity, price, unit or None))
    formula = formula_of(price_list)
    tiers = {v: tuple(t) for v, t in source.items()}
    try:
        return engine.derive_entries(formula, tiers, {})
    except engine.PriceRuleError:
        # Again with the SKUs, only on the refusal path (they cost a query).
        check = FloorCheck(price_list.owner, tiers)
        return engine.derive_entries(formula, tiers, check.variants)


def formula_of(price_list: PriceList) -> engine.PriceFormula:
    """Derived list ``price_list``'s formula as the engine applies it."""
    return engine.PriceFormula(Decimal(price_list.formula_factor),
                               Decimal(price_list.formula_percent),
                               Decimal(price_list.formula_amount),
                               engine.Rounding(price_list.formula_rounding))


@transaction.atomic
def recompute_list(list_id: int) -> int:
    """Replace derived list ``list_id``'s entries with its source's through its formula;
    returns the number of entries. A resale list's floor flag follows the new prices."""
    price_list = PriceList.objects.select_for_update().get(pk=list_id)
    if price_list.source_id is None:
        return 0
    derived = derive(price_list)
    PriceListEntry.objects.filter(price_list=price_list).delete()
    PriceListEntry.objects.bulk_create(
        (PriceListEntry(price_list=price_list, variant_id=v, min_quantity=t.min_quantity,
                        price=t.price, unit=t.unit or "")
         for v, ts in derived.items() for t in ts), batch_size=BATCH)
    if price_list.kind == PriceListKind.RESALE:
        from .floors import flag_if_below  # floors imports this module

        flag_if_below(price_list, derived)
    return sum(len(ts) for ts in derived.values())
