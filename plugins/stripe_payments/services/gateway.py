"""The one door to Stripe's API: a client of the official library pointed at
``STRIPE_API_BASE`` (Stripe itself, or the local stand-in in tests), and amounts between
the portal's Decimals and Stripe's integer minor units."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings

# Currencies Stripe counts in whole units (no kopecks/cents): their minor unit is the unit.
ZERO_DECIMAL = frozenset({"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG",
                          "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"})


def client() -> stripe.StripeClient:
    """A client per call: settings may differ between tests, and the client is cheap.
    No automatic retries: a call runs inside the caller's transaction, the caller
    answers an error instead, and the intent's idempotency key makes a retry safe."""
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=0,
    )


def _exponent(currency: str) -> int:
    return 0 if currency.upper() in ZERO_DECIMAL else 2


def to_minor(amount: Decimal, currency: str) -> int:
    """12 345.67 RUB -> 1234567 (Stripe's ``amount``)."""
    scale = Decimal(10) ** _exponent(currency)
    return int((amount * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(amount: int, currency: str) -> Decimal:
    """1234567 (Stripe's ``amount``) -> Decimal('12345.67') RUB."""
    exponent = _exponent(currency)
    return (Decimal(amount) / (Decimal(10) ** exponent)).quantize(
        Decimal(1).scaleb(-exponent))
