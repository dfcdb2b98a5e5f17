"""Saved carts (requisition lists): named copies of a cart's lines, kept for reuse.

A saved cart belongs to the organization it was saved for (the cart's buyer) and to its
owner; shared, it is seen by the organization's members who may order
(``visibility.visible_saved_carts``). Only the owner renames, shares or deletes it.
Copying one into a cart re-checks every line for the cart's buyer (``copying``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError
from backend.core.text import normalize_name

from ..errors import CheckoutErrorCode as Code
from ..models import Cart, CartLine, LineSource, SavedCart, SavedCartLine
from .copying import CopiedLine, copy_into_cart
from .reports import LineReport

NAME_MAX = 120


@dataclass(frozen=True)
class SavedCartData:
    name: str
    shared: bool = False


def _name(name: str) -> str:
    cleaned = normalize_name(name or "")
    if not cleaned:
        raise DomainValidationError.single(Code.REQUIRED, "Name the list.", "input.name")
    if len(cleaned) > NAME_MAX:
        raise DomainValidationError.single(
            Code.INVALID_NAME, f"A name has at most {NAME_MAX} characters.", "input.name")
    return cleaned


def _taken(error: IntegrityError) -> DomainValidationError:
    if "saved_cart_name_unique" not in str(error):
        raise error
    return DomainValidationError.single(Code.NAME_TAKEN, "You already have a list with "
                                        "this name.", "input.name")


def create_saved_cart(user, buyer: Organization, cart: Cart | None,
                      data: SavedCartData) -> SavedCart:
    """A new saved cart of ``buyer`` holding ``cart``'s lines (EMPTY_CART without any)."""
    name = _name(data.name)
    lines = list(CartLine.objects.filter(cart=cart).order_by("added_at", "pk")) if cart else []
    if not lines:
        raise DomainValidationError.single(Code.EMPTY_CART, "The cart is empty.")
    try:
        with transaction.atomic():
            saved = SavedCart.objects.create(organization=buyer, owner=user, name=name,
                                             shared=data.shared)
    except IntegrityError as error:
        raise _taken(error) from None
    SavedCartLine.objects.bulk_create(
        SavedCartLine(saved_cart=saved, variant_id=line.variant_id, quantity=line.quantity,
                      position=position) for position, line in enumerate(lines, start=1))
    return saved


def _owned(saved: SavedCart, user) -> None:
    if saved.owner_id != user.pk:
        raise DomainValidationError.single(Code.PERMISSION_DENIED,
                                           "Only its owner changes a list.", "id")


def update_saved_cart(saved: SavedCart, user, data: SavedCartData) -> SavedCart:
    _owned(saved, user)
    saved.name, saved.shared = _name(data.name), data.shared
    try:
        with transaction.atomic():
            saved.save(update_fields=["name", "shared", "updated_at"])
    except IntegrityError as error:
        raise _taken(error) from None
    return saved


def delete_saved_cart(saved: SavedCart, user) -> None:
    _owned(saved, user)
    saved.delete()


def saved_cart_to_cart(saved: SavedCart, cart: Cart, replace: bool = False
                       ) -> list[LineReport]:
    lines = SavedCartLine.objects.filter(saved_cart=saved).select_related("variant") \
        .order_by("position", "pk")
    return copy_into_cart(cart, [CopiedLine(row, line.variant_id, line.variant.sku,
                                            line.quantity)
                                 for row, line in enumerate(lines, start=1)],
                          LineSource.SAVED_CART, replace)
