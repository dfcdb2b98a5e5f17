"""The credit check (``credit_check`` hook). Placeholder until the ledger lands: allows."""

from __future__ import annotations

from decimal import Decimal

from backend.accounts.models import Organization
from backend.orders.credit import CreditVerdict


def check(buyer: Organization, seller: Organization, amount: Decimal, currency: str,
          order_id: int | None, previous: CreditVerdict | None) -> CreditVerdict | None:
    return previous
