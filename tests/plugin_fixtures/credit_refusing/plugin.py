from backend.core.plugins import BasePlugin
from tests.plugin_fixtures.calls import CALLS


class Plugin(BasePlugin):
    """Refuses every order's credit, after recording what it was asked."""

    PLUGIN_ID = "tests.credit_refusing"

    def credit_check(self, buyer, seller, amount, currency, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "credit_check", (buyer.pk, seller.pk, amount, currency)))
        return "The credit limit is used up: pay the overdue invoices first."
