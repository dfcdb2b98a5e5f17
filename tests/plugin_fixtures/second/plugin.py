from backend.core.plugins import BasePlugin
from tests.plugin_fixtures.calls import CALLS


class Plugin(BasePlugin):
    """Doubles the VAT rate; records organizations it hears about."""

    PLUGIN_ID = "tests.second"

    def vat_rate(self, country, on, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "vat_rate", (country, on, previous_value)))
        return previous_value * 2

    def organization_created(self, organization, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "organization_created", (organization,)))
