"""Price lists: owner, kind, currency, dates, priority, VAT, fallback and formula.

Every change of the graph of lists (fallbacks, formula sources) is checked by the engine
over all the owner's lists as they would be after the change, under a lock on the owner,
so two concurrent changes cannot each close half of a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.inputs import UNSET
from backend.core.text import normalize_name

from .. import engine
from ..models import PriceList, PriceListKind, Rounding
from .common import Code, check_currency, problem_errors, refuse_unless_owner
from .dependents import derived_problems, floor_problems
from .recompute import derive, request_recompute

MAX_NAME_LENGTH = 200


@dataclass(kw_only=True)
class PriceListData:
    """A list's input; ``None`` (``UNSET`` for the nullable ones, where None clears) keeps
    a field as it is. A ``source`` makes the list derived: its entries are the source's
    through the formula."""

    name: str | None = None
    kind: str | None = None
    currency: str | None = None
    valid_from: date | None = UNSET
    valid_until: date | None = UNSET
    priority: int | None = None
    prices_include_vat: bool | None = None
    is_base: bool | None = None
    fallback: PriceList | None = UNSET
    source: PriceList | None = UNSET
    formula_factor: Decimal | None = None
    formula_percent: Decimal | None = None
    formula_amount: Decimal | None = None
    formula_rounding: str | None = None


_PLAIN = ("kind", "priority", "prices_include_vat", "is_base", "formula_factor",
          "formula_percent", "formula_amount", "formula_rounding")
_NULLABLE = ("valid_from", "valid_until", "fallback", "source")


def _apply(price_list: PriceList, data: PriceListData) -> None:
    """``data`` onto the (unsaved) row; checked afterwards, saved only if clean."""
    if data.name is not None:
        price_list.name = normalize_name(data.name)
    if data.currency is not None:
        price_list.currency = data.currency.upper()
    for name in _PLAIN:
        if (value := getattr(data, name)) is not None:
            setattr(price_list, name, value)
    for name in _NULLABLE:
        if (value := getattr(data, name)) is not UNSET:
            setattr(price_list, name, value)


def _field_errors(actor: Organization, price_list: PriceList, data: PriceListData,
                  errors: ErrorCollector) -> None:
    if (price_list.pk is None and not data.name) or (data.name is not None
                                                     and not data.name.strip()):
        errors.add(Code.REQUIRED, "Enter a name.", "name")
    errors.check_name(data.name, "name", MAX_NAME_LENGTH)
    check_currency(data.currency, errors)
    if price_list.kind not in PriceListKind.values:
        errors.add(Code.INVALID, f"Unknown kind '{price_list.kind}'.", "kind")
    elif price_list.kind == PriceListKind.RESALE and actor.parent_id is None:
        errors.add(Code.INVALID, "The manufacturer sells by purchase lists; resale lists "
                                 "are a dealer's.", "kind")
    if price_list.formula_rounding not in Rounding.values:
        errors.add(Code.INVALID, f"Unknown rounding '{price_list.formula_rounding}'.",
                   "formula_rounding")
    elif not engine.PriceFormula(Decimal(price_list.formula_factor),
                                 Decimal(price_list.formula_percent),
                                 Decimal(price_list.formula_amount)).is_valid:
        errors.add(Code.INVALID_FORMULA, "A formula's factor must be above zero and its "
                                         "percentage above -100.", "formula_factor")
    if (price_list.valid_from and price_list.valid_until
            and price_list.valid_until < price_list.valid_from):
        errors.add(Code.INVALID_PERIOD, "A list must end on or after its first day.",
                   "valid_until")
    for name, other in (("fallback", price_list.fallback), ("source", price_list.source)):
        if other is not None and other.owner_id != actor.id:
            errors.add(Code.NOT_OWNER, f"The {name} must be one of your own lists.", name)
    if price_list.is_base and PriceList.objects.filter(
            owner=actor, is_base=True).exclude(pk=price_list.pk).exists():
        errors.add(Code.UNIQUE, "You already have a base list.", "is_base")


def _graph_errors(actor: Organization, price_list: PriceList,
                  errors: ErrorCollector) -> None:
    """Cycles and currency mismatches among the owner's lists as they would be."""
    rows = {pl.id: pl for pl in PriceList.objects.filter(owner=actor)}
    key = price_list.pk or 0  # a new list is 0 until saved: no other list points to it
    rows[key] = price_list
    lists = [engine.PriceList(id=i, owner_id=actor.id, currency=pl.currency, entries={},
                              fallback_id=pl.fallback_id, source_id=pl.source_id)
             for i, pl in rows.items()]
    for error in problem_errors(engine.list_problems(lists)):
        error.field = "source" if error.code_value == "FORMULA_CYCLE" else "fallback"
        if error.code_value == "CURRENCY_MISMATCH":
            error.field = "currency"
        errors.errors.append(error)


@transaction.atomic
def save_price_list(actor: Organization, price_list: PriceList | None,
                    data: PriceListData) -> PriceList:
    """Create (``price_list`` None) or change a list of ``actor``. A derived list (new, or
    its source or formula changed) is recomputed by a job queued at commit."""
    Organization.objects.select_for_update().filter(pk=actor.pk).first()
    if price_list is not None:
        refuse_unless_owner(actor, price_list, price_list.owner_id)
        price_list = PriceList.objects.get(pk=price_list.pk)  # the locked, current row
        before = (price_list.source_id, price_list.formula_factor, price_list.formula_percent,
                  price_list.formula_amount, price_list.formula_rounding)
    else:
        price_list, before = PriceList(owner=actor), None
    _apply(price_list, data)
    errors = ErrorCollector()
    _field_errors(actor, price_list, data, errors)
    if not errors.errors:
        _graph_errors(actor, price_list, errors)
    after = (price_list.source_id, price_list.formula_factor, price_list.formula_percent,
             price_list.formula_amount, price_list.formula_rounding)
    recompute = price_list.source_id is not None and before != after
    if recompute and not errors.errors:
        try:  # a formula the source's prices refuse is the input's mistake: refuse it now
            derived = derive(price_list)
        except engine.PriceRuleError as error:
            errors.errors += problem_errors(error.problems, "formula_amount")
        else:  # as would a write of these prices, and the lists derived from this one
            errors.errors += problem_errors(floor_problems(price_list, derived),
                                            "formula_amount")
            errors.errors += derived_problems(price_list, derived, "formula_amount")
    if errors.errors:
        raise DomainValidationError(errors.errors)
    price_list.save()
    if recompute:
        request_recompute(price_list)
    return price_list


@transaction.atomic
def delete_price_list(actor: Organization, price_list: PriceList) -> None:
    """Delete a list of ``actor`` with its entries and assignments; refused while
    another list falls back to it or is derived from it (the links name them)."""
    refuse_unless_owner(actor, price_list, price_list.owner_id)
    Organization.objects.select_for_update().filter(pk=actor.pk).first()
    users = sorted(PriceList.objects.filter(
        Q(fallback=price_list) | Q(source=price_list)).values_list("id", flat=True))
    if users:
        raise DomainValidationError.single(
            Code.LIST_IN_USE, "Other lists fall back to this list or are derived from it: "
            f"{', '.join(map(str, users))}.", "id", list_ids=users)
    price_list.delete()
