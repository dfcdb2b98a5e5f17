from decimal import Decimal

from backend.core.plugins import BasePlugin
from tests.plugin_fixtures.calls import CALLS


class Plugin(BasePlugin):
    """Adds one percentage point of VAT; records organizations it hears about."""

    PLUGIN_ID = "tests.first"

    def vat_rate(self, country, on, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "vat_rate", (country, on, previous_value)))
        return previous_value + Decimal("0.01")

    def organization_created(self, organization, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "organization_created", (organization,)))
