"""The credit plugin: the credit check when an order is placed, confirmed or forwarded
(``credit_check``, under a lock on the buyer's credit account), and the invoices issued
when an order is confirmed or dispatched (``order_confirmed``, ``order_dispatched``), each
inside the caller's transaction."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Model

from backend.accounts.models import Organization
from backend.core.plugins import BasePlugin
from backend.orders.credit import CreditVerdict
from backend.orders.models import Order

from .services import credit_check, issuing


class Plugin(BasePlugin):
    PLUGIN_ID = "credit"
    PLUGIN_NAME = "Credit and payments"

    def credit_check(self, buyer: Organization, seller: Organization, amount: Decimal,
                     currency: str, order_id: int | None = None, *,
                     previous_value: CreditVerdict | None) -> CreditVerdict | None:
        return credit_check.check(buyer, seller, amount, currency, order_id, previous_value)

    def order_confirmed(self, order: Order, *, previous_value: None) -> None:
        issuing.on_confirmed(order)
        return previous_value

    def order_dispatched(self, order: Order, dispatch: Model, *,
                         previous_value: None) -> None:
        issuing.on_dispatched(order, dispatch)
        return previous_value
