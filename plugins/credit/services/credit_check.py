"""The credit check (``credit_check`` hook), inside the placing, confirming or forwarding
transaction.

No account between the buyer and its seller: the previous answer (allowed, as without the
plugin). With one: the account row is locked (``SELECT ... FOR UPDATE``) until the order's
transaction ends, so concurrent placements of one buyer are asked one after the other, each
seeing the orders committed before it (they count in ``open_orders``); then the order's
amount is compared with the available credit, and over it the seller's policy decides:
REFUSE refuses, MODERATE holds the order for the seller's moderator (OVER_LIMIT), CARD asks
for a card payment first (CARD_REQUIRED) when card payments are enabled, else moderation.
"""

from __future__ import annotations

from decimal import Decimal

from backend.accounts.models import Organization
from backend.core.money import Money
from backend.core.plugins.manager import get_plugins_manager
from backend.orders.credit import CreditDecision, CreditVerdict

from ..models import CreditAccount, OverLimitPolicy
from .figures import account_figures


def locked_account(buyer_id: int, seller_id: int) -> CreditAccount | None:
    return (CreditAccount.objects.select_for_update()
            .filter(buyer_id=buyer_id, seller_id=seller_id).first())


def check(buyer: Organization, seller: Organization | None, amount: Decimal, currency: str,
          order_id: int | None, previous: CreditVerdict | None) -> CreditVerdict | None:
    if seller is None:
        return previous
    account = locked_account(buyer.pk, seller.pk)
    if account is None:
        return previous
    if currency != account.currency:
        return CreditVerdict(CreditDecision.REFUSE, (
            f"The credit account with {seller.name} is in {account.currency}; an order in "
            f"{currency} cannot be placed on it."))
    available = account_figures(account, leave_out_order=order_id,
                                last_payments=False).figures.available
    if amount <= available:
        return CreditVerdict(CreditDecision.ALLOW)
    message = (f"Available credit {Money(max(available, Decimal(0)), currency)}; "
               f"the order is {Money(amount, currency)}.")
    policy = account.over_limit_policy
    if policy == OverLimitPolicy.REFUSE:
        return CreditVerdict(CreditDecision.REFUSE, message)
    if policy == OverLimitPolicy.CARD and get_plugins_manager().run(
            "card_payments_enabled", False, currency):
        return CreditVerdict(CreditDecision.CARD_REQUIRED, message)
    return CreditVerdict(CreditDecision.OVER_LIMIT, message)
