"""A list's entries (tiers per variant): replace the whole list, upsert rows, or set the
tiers of some variants (a screen's row editor: its tiers as edited, or none to remove it).

Everything is checked before anything is written: unknown variants, duplicate tiers,
prices and quantities not above zero, and, for a dealer's resale list, the manufacturer's
floors over the list as it would be (every offending SKU named). The list's row is locked
first, so concurrent writes to one list run one after the other: two transactions adding
the same tier leave one tier, the later price, never an error or a duplicate. The lists
derived from the list must accept their recomputed prices too (``dependents``), or the
write is refused naming them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant, Unit
from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail

from .. import engine
from ..models import PriceList, PriceListEntry, PriceListKind
from .common import Code, FloorCheck, problem_errors, refuse_unless_owner
from .dependents import derived_problems
from .floors import flag_if_below
from .recompute import BATCH, request_recompute


@dataclass(frozen=True, kw_only=True)
class EntryRow:
    """From ``min_quantity`` on, one unit of ``variant_id`` costs ``price``."""

    variant_id: int
    price: Decimal
    min_quantity: Decimal = Decimal(1)
    unit: str = ""


Entries = dict[int, dict[Decimal, EntryRow]]


def replace_entries(actor: Organization, price_list: PriceList,
                    rows: Iterable[EntryRow]) -> PriceList:
    """The list's entries become exactly ``rows``."""
    return _write(actor, price_list, list(rows), replace=True)


def upsert_entries(actor: Organization, price_list: PriceList,
                   rows: Iterable[EntryRow]) -> PriceList:
    """Add ``rows``; a row for a tier the list has (same variant and minimum quantity)
    changes its price and unit. Other entries stay."""
    return _write(actor, price_list, list(rows), replace=False)


def set_variant_entries(actor: Organization, price_list: PriceList, variant_ids: Iterable[int],
                        rows: Iterable[EntryRow]) -> PriceList:
    """The tiers of ``variant_ids`` become exactly ``rows`` (a variant without rows leaves
    the list); the list's other entries stay. Checked as a whole, saved all or nothing."""
    variants = set(variant_ids)
    rows = list(rows)
    outside = sorted({row.variant_id for row in rows} - variants)
    if outside:
        raise DomainValidationError.single(
            Code.INVALID, "Every row must be of one of the variants named.", "rows",
            variant_ids=outside)
    return _write(actor, price_list, rows, replace=False, variants=variants)


def matching_variant_ids(price_list: PriceList, search: str) -> set[int]:
    """The list's variants whose SKU or name holds ``search`` (as the entries query finds)."""
    return set(PriceListEntry.objects.filter(price_list=price_list).filter(
        Q(variant__sku__icontains=search) | Q(variant__name__icontains=search))
        .values_list("variant_id", flat=True))


@transaction.atomic
def change_entries_by_percent(actor: Organization, price_list: PriceList, percent: Decimal,
                              rounding: str = "CENT", search: str = "") -> PriceList:
    """Every price of the list (or, with ``search``, of the variants whose SKU or name holds
    it) times (1 + ``percent``/100), rounded half up (to 0.01 or whole units), checked like
    any write (a dealer's resale list against the floors, every offending SKU named) and
    saved all or nothing."""
    refuse_unless_owner(actor, price_list, price_list.owner_id)
    errors = ErrorCollector()
    if rounding not in engine.Rounding.__members__:
        errors.add(Code.INVALID, f"Unknown rounding '{rounding}'.", "rounding")
    if not percent > -100:
        errors.add(Code.INVALID_FORMULA, "A change must stay above -100%.", "percent")
    errors.raise_if_any()
    formula = engine.PriceFormula(percent=percent, rounding=engine.Rounding(rounding))
    # The lock first: the prices read are the ones replaced.
    PriceList.objects.select_for_update().filter(pk=price_list.pk).first()
    search = search.strip()
    chosen = matching_variant_ids(price_list, search) if search else None
    rows = [EntryRow(variant_id=row.variant_id, min_quantity=row.min_quantity,
                     price=formula.apply(row.price), unit=row.unit)
            for variant_id, by_quantity in _stored(price_list).items()
            if chosen is None or variant_id in chosen
            for row in by_quantity.values()]
    # A search changes its variants' prices only; the whole list is rewritten at once.
    return _write(actor, price_list, rows, replace=chosen is None)


@transaction.atomic
def _write(actor: Organization, price_list: PriceList, rows: list[EntryRow], *,
           replace: bool, variants: set[int] | None = None) -> PriceList:
    """``variants``: the variants whose stored tiers give way to ``rows`` (upsert only)."""
    refuse_unless_owner(actor, price_list, price_list.owner_id)
    price_list = PriceList.objects.select_for_update().select_related("owner").get(
        pk=price_list.pk)
    if price_list.source_id is not None:
        raise DomainValidationError.single(
            Code.DERIVED_LIST, "This list is computed from its source by its formula; "
                               "change the formula or the source instead.", "entries")
    errors = _row_errors(rows)
    if errors:
        raise DomainValidationError(errors)
    result = {} if replace else _stored(price_list)
    for variant_id in variants or ():
        result.pop(variant_id, None)
    for row in rows:
        result.setdefault(row.variant_id, {})[row.min_quantity] = row
    tiers = {v: tuple(engine.Tier(r.min_quantity, r.price) for r in by_quantity.values())
             for v, by_quantity in result.items()}
    bound = price_list.kind == PriceListKind.RESALE and actor.parent_id is not None
    if bound:
        check = FloorCheck(actor, tiers)
        errors = problem_errors(check.check(engine.PriceList(
            id=price_list.pk, owner_id=actor.id, currency=price_list.currency,
            entries=tiers, prices_include_vat=price_list.prices_include_vat)), "entries")
        if errors:
            raise DomainValidationError(errors)
    has_derived = price_list.derived_lists.exists()
    if has_derived and (errors := derived_problems(price_list, tiers)):
        raise DomainValidationError(errors)
    if variants:
        PriceListEntry.objects.filter(price_list=price_list, variant_id__in=variants).delete()
    _save(price_list, rows, replace)
    if bound:
        flag_if_below(price_list, tiers)
    if has_derived:
        request_recompute(price_list)
    return price_list


def _row_errors(rows: list[EntryRow]) -> list[ErrorDetail]:
    errors = ErrorCollector()
    ids = {row.variant_id for row in rows}
    known = dict(ProductVariant.objects.filter(id__in=ids).values_list("id", "sku"))
    unknown = sorted(ids - known.keys())
    if unknown:
        errors.add(Code.UNKNOWN_VARIANT, "Unknown variants: "
                   f"{', '.join(map(str, unknown))}.", "entries", variant_ids=unknown)
    bad_units = sorted({row.unit for row in rows if row.unit and row.unit not in Unit.values})
    if bad_units:
        errors.add(Code.INVALID, f"Unknown units: {', '.join(bad_units)}.", "entries",
                   units=bad_units)
    grouped: dict[int, list[engine.Tier]] = defaultdict(list)
    for row in rows:
        grouped[row.variant_id].append(engine.Tier(row.min_quantity, row.price))
    variants = {i: engine.Variant(i, sku, 0) for i, sku in known.items()}
    found = errors.errors + problem_errors(
        engine.entry_problems({v: tuple(t) for v, t in grouped.items()}, variants), "entries")
    return found


def _stored(price_list: PriceList) -> Entries:
    stored: Entries = {}
    for variant_id, quantity, price, unit in PriceListEntry.objects.filter(
            price_list=price_list).values_list("variant_id", "min_quantity", "price", "unit"):
        stored.setdefault(variant_id, {})[quantity] = EntryRow(
            variant_id=variant_id, min_quantity=quantity, price=price, unit=unit)
    return stored


def _save(price_list: PriceList, rows: list[EntryRow], replace: bool) -> None:
    if replace:
        PriceListEntry.objects.filter(price_list=price_list).delete()
    PriceListEntry.objects.bulk_create(
        [PriceListEntry(price_list=price_list, variant_id=r.variant_id,
                        min_quantity=r.min_quantity, price=r.price, unit=r.unit)
         for r in rows], batch_size=BATCH, update_conflicts=not replace,
        unique_fields=None if replace else ["price_list", "variant", "min_quantity"],
        update_fields=None if replace else ["price", "unit"])
