from backend.core.plugins import BasePlugin
from tests.plugin_fixtures.calls import CALLS


class Plugin(BasePlugin):
    """Records the order events it hears about."""

    PLUGIN_ID = "tests.order_events"

    def order_event(self, event, *, previous_value):
        CALLS.append((self.PLUGIN_ID, "order_event", (event,)))
