"""Promotions: a percentage or fixed discount of the owner's prices on variants, products or
categories, for a period and an audience, with a stated stacking policy. A dealer's
promotion may not bring any of its resale lists below the manufacturer's floor."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from backend.accounts.models import Organization
from backend.catalog.models import Category, Product, ProductVariant
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.text import normalize_name

from .. import engine
from ..models import DiscountKind, PriceGroup, PriceList, PriceListEntry, PriceListKind, Promotion
from ..models import Stacking as StackingChoice
from .audience import audience_errors
from .common import Code, FloorCheck, check_currency, problem_errors, refuse_unless_owner

MAX_NAME_LENGTH = 200


@dataclass(kw_only=True)
class PromotionData:
    """The whole promotion (a change gives every field again)."""

    name: str
    kind: str
    value: Decimal
    starts: date
    ends: date
    currency: str = ""
    stacking: str = StackingChoice.BEST_PRICE_WINS
    variants: list[ProductVariant] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    audience_organizations: list[Organization] = field(default_factory=list)
    audience_price_groups: list[PriceGroup] = field(default_factory=list)
    audience_regions: list[str] = field(default_factory=list)


def _as_engine(actor: Organization, promotion_id: int, data: PromotionData
               ) -> engine.Promotion:
    return engine.Promotion(
        id=promotion_id, owner_id=actor.id, kind=engine.DiscountKind(data.kind),
        value=data.value, starts=data.starts, ends=data.ends,
        stacking=engine.Stacking(data.stacking),
        variant_ids=frozenset(v.pk for v in data.variants),
        product_ids=frozenset(p.pk for p in data.products),
        category_ids=frozenset(c.pk for c in data.categories),
        currency=data.currency.upper() or None)


def _floor_errors(actor: Organization, promotion: engine.Promotion,
                  data: PromotionData, errors: ErrorCollector) -> None:
    """Each of the dealer's resale lists, with this promotion over it, stays at or above
    the floors (worst case: every buyer, any day)."""
    categories = Q()
    for category in data.categories:
        categories |= Q(variant__product__category__path__startswith=category.path)
    targeted = Q(variant_id__in=promotion.variant_ids) | Q(
        variant__product_id__in=promotion.product_ids) | categories
    rows = PriceListEntry.objects.filter(
        targeted, price_list__owner=actor, price_list__kind=PriceListKind.RESALE,
    ).values_list("price_list_id", "variant_id", "min_quantity", "price")
    entries: dict[int, dict[int, list[engine.Tier]]] = {}
    for list_id, variant_id, quantity, price in rows:
        entries.setdefault(list_id, {}).setdefault(variant_id, []).append(
            engine.Tier(quantity, price))
    if not entries:
        return
    check = FloorCheck(actor, {v for tiers in entries.values() for v in tiers})
    for price_list in PriceList.objects.filter(pk__in=entries).order_by("id"):
        problems = check.check(engine.PriceList(
            id=price_list.pk, owner_id=actor.id, currency=price_list.currency,
            entries={v: tuple(t) for v, t in entries[price_list.pk].items()},
            prices_include_vat=price_list.prices_include_vat), [promotion])
        errors.errors += problem_errors(problems, "value")


def _field_of(problem: engine.Problem, promotion: engine.Promotion,
              problems: list[engine.Problem]) -> str:
    """The input field a refusal of the engine is about, so a form shows it there: the
    period's end, the targets (the engine reports their absence last), else the value."""
    if problem.code is engine.PriceErrorCode.INVALID_PERIOD:
        return "ends"
    targeted = promotion.variant_ids or promotion.product_ids or promotion.category_ids
    if not targeted and problem is problems[-1]:
        return "variants"
    return "value"


def promotion_errors(actor: Organization, promotion_id: int,
                     data: PromotionData) -> ErrorCollector:
    errors = ErrorCollector()
    if not data.name or not data.name.strip():
        errors.add(Code.REQUIRED, "Enter a name.", "name")
    errors.check_name(data.name, "name", MAX_NAME_LENGTH)
    if data.kind not in DiscountKind.values:
        errors.add(Code.INVALID, f"Unknown discount kind '{data.kind}'.", "kind")
    if data.stacking not in StackingChoice.values:
        errors.add(Code.INVALID, f"Unknown stacking policy '{data.stacking}'.", "stacking")
    check_currency(data.currency or None, errors)
    audience_errors(actor, data.audience_organizations, data.audience_price_groups, errors)
    if errors.errors:
        return errors
    promotion = _as_engine(actor, promotion_id, data)
    problems = engine.promotion_problems(promotion)
    for problem in problems:
        errors.errors += problem_errors([problem], _field_of(problem, promotion, problems))
    if not errors.errors and actor.parent_id is not None:
        _floor_errors(actor, promotion, data, errors)
    return errors


@transaction.atomic
def save_promotion(actor: Organization, promotion: Promotion | None,
                   data: PromotionData) -> Promotion:
    """Create (``promotion`` None) or replace a promotion of ``actor``."""
    if promotion is not None:
        refuse_unless_owner(actor, promotion, promotion.owner_id, "promotion")
    errors = promotion_errors(actor, promotion.pk if promotion else 0, data).errors
    if errors:
        raise DomainValidationError(errors)
    promotion = promotion or Promotion(owner=actor)
    promotion.name = normalize_name(data.name)
    promotion.kind, promotion.value, promotion.stacking = data.kind, data.value, data.stacking
    promotion.currency = data.currency.upper()
    promotion.starts, promotion.ends = data.starts, data.ends
    promotion.audience_regions = [r.strip() for r in data.audience_regions if r.strip()]
    promotion.save()
    promotion.variants.set(data.variants)
    promotion.products.set(data.products)
    promotion.categories.set(data.categories)
    promotion.audience_organizations.set(data.audience_organizations)
    promotion.audience_price_groups.set(data.audience_price_groups)
    return promotion


@transaction.atomic
def delete_promotion(actor: Organization, promotion: Promotion) -> None:
    refuse_unless_owner(actor, promotion, promotion.owner_id, "promotion")
    promotion.delete()
