from backend.core.plugins import BasePlugin


class Plugin(BasePlugin):
    """No PLUGIN_ID: refused at load time."""
