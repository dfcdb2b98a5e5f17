"""Card payments through Stripe (PaymentIntents, signed webhooks); settles in the credit
plugin's ledger. Its API and its webhook view are its entry points; its one hook tells
the credit check that cards can be taken."""

from __future__ import annotations

from backend.core.plugins import BasePlugin

from .config import configured


class Plugin(BasePlugin):
    PLUGIN_ID = "stripe_payments"
    PLUGIN_NAME = "Card payments (Stripe)"

    def card_payments_enabled(self, currency: str, *, previous_value: bool) -> bool:
        return previous_value or configured()
