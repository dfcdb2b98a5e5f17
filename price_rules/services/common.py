"""What every write service of the price rules shares: ownership and subtree checks, the
engine's problems as the API's errors, the manufacturer's floors for some variants."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Model
from django.utils import timezone

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.money import CURRENCY_DECIMALS
from backend.core.taxes import vat_rate
from backend.core.tree_paths import ancestor_ids, is_descendant_path

from .. import engine
from ..errors import PriceRulesErrorCode
from .context import load_floors, load_variants

Code = PriceRulesErrorCode


def refuse_unless_owner(actor: Organization, owned: Model, owner_id: int | None,
                        what: str = "price list") -> None:
    """The API layer decides who may act for ``actor``; this refuses acting on another
    organization's row, so no caller can forget it."""
    if owner_id != actor.id:
        raise DomainValidationError.single(
            Code.NOT_OWNER, f"This {what} belongs to another organization.", "id",
            id=owned.pk)


def is_below(organization: Organization, owner: Organization) -> bool:
    """``organization`` is in ``owner``'s subtree and is not ``owner`` itself."""
    return (organization.id != owner.id
            and is_descendant_path(organization.path, owner.path))


def check_currency(currency: str | None, errors: ErrorCollector,
                   field: str = "currency") -> None:
    if currency is not None and currency.upper() not in CURRENCY_DECIMALS:
        errors.add(Code.INVALID_CURRENCY, f"Unsupported currency '{currency}'.", field)


def problem_errors(problems: Iterable[engine.Problem],
                   field: str | None = None) -> list[ErrorDetail]:
    """The engine's problems as the API's errors: the same code, the offending SKUs and
    lists as params (the message names the SKUs too)."""
    found = []
    for problem in problems:
        params: dict[str, Any] = {}
        if problem.skus:
            params["skus"] = list(problem.skus)
        if problem.list_ids:
            params["list_ids"] = list(problem.list_ids)
        found.append(ErrorDetail(code=Code[problem.code.value], message=problem.message,
                                 field=field, params=params))
    return found


def raise_problems(problems: Iterable[engine.Problem], field: str | None = None) -> None:
    errors = problem_errors(problems, field)
    if errors:
        raise DomainValidationError(errors)


def manufacturer_of(organization: Organization) -> Organization:
    above = ancestor_ids(organization.path)
    return Organization.objects.get(id=above[0]) if above else organization


def today() -> date:
    return timezone.localdate()


class FloorCheck:
    """The manufacturer's floors as the engine reads them, for the variants of one
    check, with the VAT rate of the list owner's country."""

    def __init__(self, seller: Organization, variant_ids: Iterable[int]) -> None:
        day = today()
        self.variants = load_variants(sorted(set(variant_ids)))
        self.floors = load_floors(manufacturer_of(seller), self.variants, day)
        self.vat_rate: Decimal = vat_rate(seller.country, day)

    def violations(self, price_list: engine.PriceList,
                   promotions: Iterable[engine.Promotion] = ()
                   ) -> tuple[engine.FloorViolation, ...]:
        return engine.floor_violations(price_list, self.floors, self.variants, self.vat_rate,
                                       promotions)

    def check(self, price_list: engine.PriceList,
              promotions: Iterable[engine.Promotion] = ()) -> list[engine.Problem]:
        try:
            engine.check_floors(price_list, self.floors, self.variants, self.vat_rate,
                                promotions)
        except engine.PriceRuleError as error:
            return list(error.problems)
        return []
