"""One generic runner for every hook: ``manager.run(hook, default, *args)``."""

from __future__ import annotations

import logging
from functools import lru_cache, partial
from importlib import import_module
from typing import Any

from django.conf import settings
from django.db import transaction

from .base import BasePlugin
from .hooks import get_hook

logger = logging.getLogger(__name__)


def load_plugin(app_module: str) -> BasePlugin:
    """Instantiate ``<app_module>.plugin.Plugin``."""
    module = import_module(f"{app_module}.plugin")
    plugin_class = getattr(module, "Plugin", None)
    if plugin_class is None or not issubclass(plugin_class, BasePlugin):
        raise ImportError(f"{app_module}.plugin must define Plugin(BasePlugin)")
    plugin = plugin_class()
    if not plugin.PLUGIN_ID:
        raise ImportError(f"{app_module}.plugin.Plugin needs a PLUGIN_ID")
    return plugin


class PluginManager:
    def __init__(self, app_modules: list[str] | tuple[str, ...]):
        self.plugins: list[BasePlugin] = [load_plugin(m) for m in app_modules]

    def _implementations(self, hook: str) -> list[Any]:
        return [
            getattr(p, hook) for p in self.plugins if hasattr(p, hook) and p.is_active()
        ]

    @staticmethod
    def _run_effect(method: Any, hook: str, args: tuple, kwargs: dict) -> None:
        """Call an effect hook after commit. The change is committed: a plugin that fails
        is logged (naming it and the hook) and never reaches the caller or the plugins
        after it."""
        try:
            method(*args, previous_value=None, **kwargs)
        except Exception:
            plugin = getattr(method, "__self__", None)
            logger.exception("plugin effect hook failed after commit",
                             extra={"plugin": getattr(plugin, "PLUGIN_ID", repr(plugin)),
                                    "hook": hook})

    def run(self, hook: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        """Run ``hook`` through every enabled plugin in order.

        For a chain hook, returns the last plugin's value (``default`` when none
        implements it). For an effect hook, schedules the calls after commit and returns
        ``None``.
        """
        spec = get_hook(hook)
        implementations = self._implementations(hook)
        if spec.kind == "effect":
            for method in implementations:
                transaction.on_commit(partial(self._run_effect, method, hook, args, kwargs))
            return None
        value = default
        for method in implementations:
            value = method(*args, previous_value=value, **kwargs)
        return value


@lru_cache(maxsize=1)
def _cached_manager(app_modules: tuple[str, ...]) -> PluginManager:
    return PluginManager(app_modules)


def get_plugins_manager() -> PluginManager:
    """The manager for ``settings.PLUGINS`` (built once per list of plugins)."""
    return _cached_manager(tuple(settings.PLUGINS))
