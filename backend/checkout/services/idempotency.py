"""A retried placement returns the order the first request made, never a second one.

The storefront makes a key (a uuid) when the checkout opens and sends it with every
attempt; the order keeps it, unique per placer (``order_idempotency_unique``). A retry
finds the order and gets it back as if placed now: no rows, no events, no stock. The same
key for another buyer is a client's mistake (IDEMPOTENCY_KEY_REUSED), not a retry.

Two requests with one key at the same moment: both lock the cart's lines, the second
waits for the first to commit and then finds its order (``placement.py`` looks again
under the lock). Should they not share a cart, the unique constraint still refuses the
second insert: ``after_conflict`` then answers with the first order.
"""

from __future__ import annotations

from django.db import IntegrityError

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError
from backend.orders.models import Order

from ..errors import CheckoutErrorCode as Code

MAX_KEY_LENGTH = Order._meta.get_field("idempotency_key").max_length
CONSTRAINT = "order_idempotency_unique"


def check_key(key: str | None) -> str:
    """The key as stored, or REQUIRED / INVALID naming the field."""
    key = (key or "").strip()
    if not key:
        raise DomainValidationError.single(
            Code.REQUIRED, "Send the idempotency key the checkout made.", "idempotencyKey")
    if len(key) > (MAX_KEY_LENGTH or 64):
        raise DomainValidationError.single(
            Code.INVALID, f"The idempotency key is at most {MAX_KEY_LENGTH} characters.",
            "idempotencyKey")
    return key


def placed_before(user_id: int, key: str, buyer: Organization) -> Order | None:
    """The order this placer already made with ``key`` (None: none yet); the same key for
    another buyer is refused."""
    order = Order.objects.filter(placed_by_id=user_id, idempotency_key=key).first()
    if order is not None and order.buyer_id != buyer.pk:
        raise DomainValidationError.single(
            Code.IDEMPOTENCY_KEY_REUSED, "This key was already used for an order of another "
                                         "organization: reload the checkout.",
            "idempotencyKey")
    return order


def is_key_conflict(error: IntegrityError) -> bool:
    """Whether ``error`` is the idempotency constraint refusing a second order."""
    return CONSTRAINT in str(error)
