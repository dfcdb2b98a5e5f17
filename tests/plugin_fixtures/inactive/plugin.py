from backend.core.plugins import BasePlugin
from tests.plugin_fixtures.calls import CALLS


class Plugin(BasePlugin):
    """Switched off: its hooks must never run."""

    PLUGIN_ID = "tests.inactive"

    def is_active(self):
        return False

    def vat_rate(self, country, on, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "vat_rate", (country, on, previous_value)))
        return previous_value * 100

    def organization_created(self, organization, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "organization_created", (organization,)))
