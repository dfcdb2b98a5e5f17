"""The lists derived from a list, checked before the list changes.

A change of a list's entries (or of a derived list's formula) queues the recomputation of
the lists derived from it, in a Celery task after the commit. When a derived list cannot
take the new prices (its formula brings a price to zero or below; a dealer's resale list
falls below the manufacturer's floor), that task could only fail, and the price manager
who made the change would never hear of it while the derived list silently kept its old
prices. Writing those prices into the derived list directly is refused, so the change
that would produce them is refused too, before anything is written: each problem names
the derived list (``list_ids``, and its name in the message) and the SKUs. The manager
then corrects the prices or the derived list's formula. The derived prices are computed
in memory from the proposed entries, each list from its source's, in ``recompute_order``;
the task still writes them after the commit (a job can still fail if a concurrent change
slips in between: it says so on its row, as before).
"""

from __future__ import annotations

from collections.abc import Mapping

from backend.core.errors import ErrorDetail

from .. import engine
from ..models import PriceList, PriceListKind
from .common import Code, FloorCheck
from .recompute import formula_of, recompute_plan

Tiers = Mapping[int, tuple[engine.Tier, ...]]


def derived_problems(price_list: PriceList, entries: Tiers,
                     field: str = "entries") -> list[ErrorDetail]:
    """What the lists derived from ``price_list`` (at any depth) would break if its
    entries became ``entries``: one error per derived list and problem, naming it and
    the SKUs. ``price_list`` itself is not checked (its caller does)."""
    if price_list.pk is None:
        return []
    try:
        plan = [i for i in recompute_plan(price_list) if i != price_list.pk]
    except engine.PriceRuleError as error:  # a formula cycle: refused when lists are saved
        return [_about(price_list, problem, field) for problem in error.problems]
    if not plan:
        return []
    lists = PriceList.objects.select_related("owner").in_bulk(plan)
    computed: dict[int, Tiers] = {price_list.pk: entries}
    checks = _FloorChecks()
    errors: list[ErrorDetail] = []
    for list_id in plan:
        derived = lists[list_id]
        source = computed.get(derived.source_id or 0)
        if source is None:  # below a list already refused: its problems are that list's
            continue
        try:
            tiers = _derive(derived, source, checks)
        except engine.PriceRuleError as error:
            errors += [_about(derived, problem, field) for problem in error.problems]
            continue
        computed[list_id] = tiers
        errors += [_about(derived, problem, field)
                   for problem in floor_problems(derived, tiers, checks)]
    return errors


class _FloorChecks(dict):
    """One ``FloorCheck`` per owner, over every variant it is asked about first (the
    derived lists of one source have its variants)."""

    def of(self, owner, variant_ids) -> FloorCheck:
        if owner.pk not in self:
            self[owner.pk] = FloorCheck(owner, variant_ids)
        return self[owner.pk]


def _derive(derived: PriceList, source: Tiers, checks: _FloorChecks) -> dict:
    formula = formula_of(derived)
    try:
        return engine.derive_entries(formula, source, {})
    except engine.PriceRuleError:  # again with the SKUs, on the refusal path only
        return engine.derive_entries(formula, source, checks.of(derived.owner, source).variants)


def floor_problems(price_list: PriceList, tiers: Tiers,
                   checks: _FloorChecks | None = None) -> list[engine.Problem]:
    """A dealer's resale list with ``tiers`` against the manufacturer's floors (as a write
    of its entries is checked); nothing for other lists."""
    if price_list.kind != PriceListKind.RESALE or price_list.owner.parent_id is None:
        return []
    check = (checks or _FloorChecks()).of(price_list.owner, tiers)
    return check.check(engine.PriceList(
        id=price_list.pk or 0, owner_id=price_list.owner_id, currency=price_list.currency,
        entries=dict(tiers), prices_include_vat=price_list.prices_include_vat))


def _about(derived: PriceList, problem: engine.Problem, field: str) -> ErrorDetail:
    return ErrorDetail(
        code=Code[problem.code.value], field=field,
        message=f"Derived list «{derived.name}» would break its rules: {problem.message}",
        params={"skus": list(problem.skus), "list_ids": [derived.pk]})
