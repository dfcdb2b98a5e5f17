"""A cart's prices for its buyer, today: the price rules' context and ``quote_cart`` over
the lines (tiers, promotions, the MAP floor, the order-total volume discount).

The *price token* is what the buyer was shown: each line's variant, quantity and unit
price net. The storefront sends it back when placing; placement prices the cart again
and, when any line's price differs, refuses with PRICES_CHANGED naming each change
(``price_changes``), instead of charging a price nobody saw. The token is a plain record,
not a secret: a client that forges one gains nothing, the order is always priced anew.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from backend.accounts.models import Organization
from price_rules.engine import CartQuote, Line, quote_cart
from price_rules.services.context import load_price_context


def quote_lines(buyer: Organization, lines: Sequence[tuple[int, Decimal]],
                day: date | None = None) -> CartQuote:
    """``lines`` as (variant id, quantity) priced for ``buyer`` on ``day`` (today)."""
    context = load_price_context(buyer, [variant_id for variant_id, _ in lines],
                                 day or timezone.localdate())
    return quote_cart(context, [Line(variant_id, quantity) for variant_id, quantity in lines])


def price_token(quote: CartQuote) -> str:
    """The prices of ``quote`` as shown, in a short opaque string."""
    parts = [f"{q.line.variant_id}:{q.line.quantity.normalize():f}:"
             f"{'' if q.unit_net is None else format(q.unit_net, 'f')}" for q in quote.lines]
    return base64.urlsafe_b64encode(";".join(parts).encode()).decode().rstrip("=")


def read_price_token(token: str) -> dict[int, Decimal | None] | None:
    """Variant id -> unit net the token holds; None for a token that is not one."""
    lines = read_token_lines(token)
    return None if lines is None else {v: unit_net for v, (_q, unit_net) in lines.items()}


def read_token_lines(token: str) -> dict[int, tuple[Decimal, Decimal | None]] | None:
    """Variant id -> (quantity, unit net) as shown; None for a token that is not one.
    Placement compares the quantities with the cart's to see a cart changed meanwhile."""
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        shown: dict[int, tuple[Decimal, Decimal | None]] = {}
        for part in filter(None, text.split(";")):
            variant_id, quantity, unit_net = part.split(":")
            shown[int(variant_id)] = (Decimal(quantity),
                                      Decimal(unit_net) if unit_net else None)
        return shown
    except (ValueError, binascii.Error, InvalidOperation, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class PriceChange:
    variant_id: int
    before: Decimal | None  # None: it had no price, or was not in the cart shown
    after: Decimal | None


def price_changes(token: str, quote: CartQuote) -> list[PriceChange]:
    """The lines of ``quote`` whose unit net differs from what ``token`` showed (every line
    when the token cannot be read)."""
    shown = read_price_token(token) or {}
    return [PriceChange(q.line.variant_id, shown.get(q.line.variant_id), q.unit_net)
            for q in quote.lines
            if q.line.variant_id not in shown or shown[q.line.variant_id] != q.unit_net]
