"""The plugin manager: plugins are Django apps listed in ``settings.PLUGINS``."""

from .base import BasePlugin
from .manager import PluginManager, get_plugins_manager

__all__ = ["BasePlugin", "PluginManager", "get_plugins_manager"]
