"""Minimum resale prices (MAP): the manufacturer sets a floor per variant (a net amount) or
per category (a percentage of its base list). A change is never refused for the lists it
leaves below the floor: those resale lists are flagged (``below_floor_since`` with the
offending SKUs) for their owners to fix, and the engine raises prices to the floor
meanwhile. Writing a list that is below the floor is refused (see ``entries``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from backend.accounts.models import Organization
from backend.catalog.models import Category, ProductVariant
from backend.core.errors import DomainValidationError, ErrorCollector

from .. import engine
from ..models import MapFloor, PriceList, PriceListEntry, PriceListKind
from .common import Code, FloorCheck, refuse_unless_owner


@dataclass(kw_only=True)
class MapFloorData:
    """A net ``amount`` for one variant, or a ``percent`` of the base list for a
    category: exactly one pair."""

    variant: ProductVariant | None = None
    category: Category | None = None
    amount: Decimal | None = None
    percent: Decimal | None = None


def _errors(actor: Organization, data: MapFloorData) -> ErrorCollector:
    errors = ErrorCollector()
    if actor.parent_id is not None:
        errors.add(Code.MANUFACTURER_ONLY, "Minimum resale prices are set by the "
                                           "manufacturer.", "id")
    if (data.variant is None) == (data.category is None):
        errors.add(Code.INVALID, "Choose a variant or a category.", "variant")
    elif data.variant is not None and (data.amount is None or data.amount <= 0
                                       or data.percent is not None):
        errors.add(Code.NON_POSITIVE_PRICE, "A variant's floor is an amount above zero.",
                   "amount")
    elif data.category is not None and (data.percent is None or data.percent <= 0
                                        or data.amount is not None):
        errors.add(Code.INVALID_DISCOUNT, "A category's floor is a percentage above zero "
                                          "of the base list.", "percent")
    return errors


@transaction.atomic
def set_map_floor(actor: Organization, data: MapFloorData) -> tuple[MapFloor, list[PriceList]]:
    """Create or change the floor of a variant or category; returns it and the resale
    lists now flagged below a floor (flags of lists now above every floor are cleared)."""
    _errors(actor, data).raise_if_any()
    target = ({"variant": data.variant} if data.variant is not None
              else {"category": data.category})
    floor, _ = MapFloor.objects.update_or_create(
        owner=actor, **target,
        defaults={"amount": data.amount, "percent": data.percent, "currency": actor.currency})
    return floor, reflag_resale_lists(actor, _variants_of(data))


@transaction.atomic
def delete_map_floor(actor: Organization, floor: MapFloor) -> list[PriceList]:
    refuse_unless_owner(actor, floor, floor.owner_id, "minimum resale price")
    variants = _variants_of(MapFloorData(variant=floor.variant, category=floor.category))
    floor.delete()
    return reflag_resale_lists(actor, variants)


def _variants_of(data: MapFloorData) -> list[int]:
    if data.variant is not None:
        return [data.variant.pk]
    if data.category is None:  # unreachable after validation; keeps mypy honest
        raise DomainValidationError.single(Code.INVALID, "Choose a variant or a category.")
    return list(ProductVariant.objects.filter(
        product__category__path__startswith=data.category.path).values_list("id", flat=True))


def reflag_resale_lists(manufacturer: Organization, variant_ids: list[int]) -> list[PriceList]:
    """Check again every resale list below ``manufacturer`` that prices one of
    ``variant_ids``; returns the lists flagged now."""
    concerned = PriceListEntry.objects.filter(
        variant_id__in=variant_ids, price_list__kind=PriceListKind.RESALE,
        price_list__owner__path__startswith=manufacturer.path,
    ).exclude(price_list__owner=manufacturer).values("price_list_id")
    # Locked like an entries write does, so a list is not flagged from a stale read.
    lists = PriceList.objects.select_for_update(of=("self",)).filter(pk__in=concerned)
    flagged = []
    for price_list in lists.select_related("owner").order_by("id"):
        tiers: dict[int, list[engine.Tier]] = {}
        for variant_id, quantity, price in PriceListEntry.objects.filter(
                price_list=price_list).values_list("variant_id", "min_quantity", "price"):
            tiers.setdefault(variant_id, []).append(engine.Tier(quantity, price))
        if flag_if_below(price_list, {v: tuple(t) for v, t in tiers.items()}):
            flagged.append(price_list)
    return flagged


def flag_if_below(price_list: PriceList, entries: Mapping[int, tuple[engine.Tier, ...]]
                  ) -> bool:
    """Store whether ``entries`` (the list's whole content) fall below a floor: the
    offending SKUs, and since when (kept while it stays below)."""
    check = FloorCheck(price_list.owner, entries)
    if price_list.currency != check.floors.currency:
        return bool(price_list.below_floor_since)  # not comparable; the write refuses it
    violations = check.violations(engine.PriceList(
        id=price_list.pk, owner_id=price_list.owner_id, currency=price_list.currency,
        entries=entries, prices_include_vat=price_list.prices_include_vat))
    skus = list(dict.fromkeys(v.sku for v in violations))
    since = (price_list.below_floor_since or timezone.now()) if skus else None
    PriceList.objects.filter(pk=price_list.pk).update(below_floor_since=since,
                                                      below_floor_skus=skus)
    price_list.below_floor_since, price_list.below_floor_skus = since, skus
    return bool(skus)
