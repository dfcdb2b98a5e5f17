from backend.core.plugins import BasePlugin
from tests.plugin_fixtures.calls import CALLS


class Plugin(BasePlugin):
    """Its effect hook crashes, as a plugin talking to a broken ERP would."""

    PLUGIN_ID = "tests.failing"

    def organization_created(self, organization, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "organization_created", (organization,)))
        raise ConnectionError("ERP is down")
