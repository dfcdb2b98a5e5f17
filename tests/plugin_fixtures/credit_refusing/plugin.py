from backend.core.plugins import BasePlugin
from backend.orders.credit import CreditDecision, CreditVerdict
from tests.plugin_fixtures.calls import CALLS


class Plugin(BasePlugin):
    """Refuses every order's credit, after recording what it was asked."""

    PLUGIN_ID = "tests.credit_refusing"

    def credit_check(self, buyer, seller, amount, currency, order_id=None, *,
                     previous_value):
        CALLS.append((self.PLUGIN_ID, "credit_check", (buyer.pk, seller.pk, amount, currency)))
        return CreditVerdict(CreditDecision.REFUSE,
                             "The credit limit is used up: pay the overdue invoices first.")
