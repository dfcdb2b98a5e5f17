"""Stripe's settings: the secret key (``STRIPE_SECRET_KEY``), the publishable key for
Stripe.js (``STRIPE_PUBLISHABLE_KEY``), the webhook signing secret
(``STRIPE_WEBHOOK_SECRET``) and, for tests and local work, the API's base address
(``STRIPE_API_BASE``: a local stand-in speaking Stripe's API)."""

from __future__ import annotations

from django.conf import settings


def configured() -> bool:
    """Cards can be taken: a secret key and a webhook secret are set."""
    return bool(getattr(settings, "STRIPE_SECRET_KEY", "")
                and getattr(settings, "STRIPE_WEBHOOK_SECRET", ""))
