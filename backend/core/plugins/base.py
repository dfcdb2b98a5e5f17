"""The base class of every plugin."""

from __future__ import annotations

from typing import ClassVar


class BasePlugin:
    """Subclass in ``<plugin app>/plugin.py`` as ``Plugin`` and implement hooks by name.

    ``PLUGIN_ID`` names the plugin in logs and errors. ``is_active()`` may switch a plugin
    off at run time (for instance when its configuration is missing).
    """

    PLUGIN_ID: ClassVar[str] = ""
    PLUGIN_NAME: ClassVar[str] = ""

    def is_active(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<Plugin {self.PLUGIN_ID}>"
