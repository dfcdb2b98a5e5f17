"""Order-total volume discounts ("from 300 000 RUB: 3%") of a seller to its buyers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction

from backend.accounts.models import Organization
from backend.core.errors import ErrorCollector
from backend.core.text import normalize_name

from .. import engine
from ..models import PriceGroup, VolumeDiscount, VolumeDiscountStep
from .audience import audience_errors
from .common import Code, check_currency, problem_errors, refuse_unless_owner


@dataclass(kw_only=True)
class VolumeDiscountData:
    """The whole discount; ``steps`` are (threshold, percent) pairs."""

    name: str
    currency: str
    steps: list[tuple[Decimal, Decimal]]
    starts: date | None = None
    ends: date | None = None
    audience_organizations: list[Organization] = field(default_factory=list)
    audience_price_groups: list[PriceGroup] = field(default_factory=list)
    audience_regions: list[str] = field(default_factory=list)


@transaction.atomic
def save_volume_discount(actor: Organization, discount: VolumeDiscount | None,
                         data: VolumeDiscountData) -> VolumeDiscount:
    if discount is not None:
        refuse_unless_owner(actor, discount, discount.owner_id, "volume discount")
    errors = ErrorCollector()
    if not data.name or not data.name.strip():
        errors.add(Code.REQUIRED, "Enter a name.", "name")
    errors.check_name(data.name, "name", 200)
    check_currency(data.currency, errors)
    audience_errors(actor, data.audience_organizations, data.audience_price_groups, errors)
    errors.errors += problem_errors(engine.volume_discount_problems(engine.VolumeDiscount(
        id=0, owner_id=actor.id, currency=data.currency,
        steps=tuple(engine.VolumeStep(t, p) for t, p in data.steps),
        starts=data.starts, ends=data.ends)), "steps")
    errors.raise_if_any()
    discount = discount or VolumeDiscount(owner=actor)
    discount.name, discount.currency = normalize_name(data.name), data.currency.upper()
    discount.starts, discount.ends = data.starts, data.ends
    discount.audience_regions = [r.strip() for r in data.audience_regions if r.strip()]
    discount.save()
    discount.steps.all().delete()
    VolumeDiscountStep.objects.bulk_create(
        [VolumeDiscountStep(discount=discount, threshold=t, percent=p) for t, p in data.steps])
    discount.audience_organizations.set(data.audience_organizations)
    discount.audience_price_groups.set(data.audience_price_groups)
    return discount


@transaction.atomic
def delete_volume_discount(actor: Organization, discount: VolumeDiscount) -> None:
    refuse_unless_owner(actor, discount, discount.owner_id, "volume discount")
    discount.delete()
