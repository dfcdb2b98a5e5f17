"""A buyer's cart for one user: adding lines, changing and removing them, emptying it.

Every write locks the cart's row first (``_locked``): two requests adding to the same cart
at once take turns, so neither loses the other's line and a SKU added twice adds up into
one line. A SKU already in the cart adds its quantity to the line. ``add_lines`` is all or
nothing (any line's problem refuses them all, each error at the line's field);
``add_valid_lines`` adds the orderable lines and returns every line's check, for the
reports of quick order, order files and copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError, ErrorDetail

from ..errors import CheckoutErrorCode as Code
from ..models import Cart, CartLine, LineSource
from .orderable import CheckedLine, LineInput, check_lines
from .quantities import QuantityRules, quantity_problem


def cart_for(user, buyer: Organization, create: bool = False) -> Cart | None:
    """``user``'s cart for ``buyer`` (None when there is none and ``create`` is false)."""
    if create:
        return Cart.objects.get_or_create(user=user, buyer=buyer)[0]
    return Cart.objects.filter(user=user, buyer=buyer).first()


def _locked(cart: Cart) -> Cart:
    """``cart`` with its row locked until the transaction ends."""
    return Cart.objects.select_for_update().select_related("buyer", "user").get(pk=cart.pk)


def _numbered(lines: Sequence[LineInput]) -> list[LineInput]:
    return [line if line.field is not None else
            LineInput(line.quantity, line.variant_id, line.sku, f"lines.{i}")
            for i, line in enumerate(lines)]


def add_lines(cart: Cart, lines: Sequence[LineInput], source: LineSource | str
              ) -> list[CheckedLine]:
    """Add all of ``lines`` or none: DomainValidationError with every line's problem (its
    ``field``, else ``lines.<index>``)."""
    with transaction.atomic():
        cart = _locked(cart)
        checked = check_lines(cart.user, cart.buyer, _numbered(lines))
        problems = [c.problem for c in checked if c.problem is not None]
        if problems:
            raise DomainValidationError(problems)
        _write(cart, checked, source)
    return checked


def add_valid_lines(cart: Cart, lines: Sequence[LineInput], source: LineSource | str
                    ) -> list[CheckedLine]:
    """Add the orderable ones of ``lines``; every line's check, in order."""
    with transaction.atomic():
        cart = _locked(cart)
        checked = check_lines(cart.user, cart.buyer, _numbered(lines))
        _write(cart, [c for c in checked if c.ok], source)
    return checked


def _write(cart: Cart, checked: Iterable[CheckedLine], source: LineSource | str) -> None:
    adding: dict[int, Decimal] = {}
    for line in checked:
        assert line.variant is not None and line.line.quantity is not None
        adding[line.variant.pk] = adding.get(line.variant.pk, Decimal(0)) + line.line.quantity
    if not adding:
        return
    existing = {line.variant_id: line for line in
                CartLine.objects.filter(cart=cart, variant_id__in=list(adding))}
    new = [variant_id for variant_id in adding if variant_id not in existing]
    most = settings.CART_MAX_LINES
    if new and CartLine.objects.filter(cart=cart).count() + len(new) > most:
        raise DomainValidationError.single(
            Code.TOO_MANY_LINES, f"A cart holds at most {most} lines.", "lines")
    for variant_id, line in existing.items():
        line.quantity += adding[variant_id]
    CartLine.objects.bulk_update(existing.values(), ["quantity"])
    CartLine.objects.bulk_create([CartLine(cart=cart, variant_id=variant_id,
                                           quantity=adding[variant_id], source=str(source))
                                  for variant_id in new])
    _touch(cart)


def _touch(cart: Cart) -> None:
    Cart.objects.filter(pk=cart.pk).update(updated_at=timezone.now())


def update_line(line: CartLine, quantity: Decimal, field: str = "quantity") -> CartLine:
    """Set a line's quantity (under the variant's rules)."""
    with transaction.atomic():
        _locked(line.cart)
        line = CartLine.objects.select_related("variant").get(pk=line.pk)
        problem = quantity_problem(QuantityRules.of(line.variant), quantity)
        if problem is not None:
            raise DomainValidationError(ErrorDetail(
                problem.code, problem.message, field,
                {"skus": [line.variant.sku], "nearest_quantity": problem.nearest}))
        line.quantity = quantity
        line.save(update_fields=["quantity"])
        _touch(line.cart)
    return line


def remove_lines(cart: Cart, line_ids: Iterable[int]) -> int:
    """Remove the lines of ``cart`` among ``line_ids``; how many were removed."""
    with transaction.atomic():
        _locked(cart)
        removed, _ = CartLine.objects.filter(cart=cart, pk__in=list(line_ids)).delete()
        _touch(cart)
    return removed


def clear(cart: Cart) -> None:
    with transaction.atomic():
        _locked(cart)
        CartLine.objects.filter(cart=cart).delete()
        _touch(cart)
