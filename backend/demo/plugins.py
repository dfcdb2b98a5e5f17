"""Each plugin ships its own demo data: ``load_demo() -> int`` (rows created) in the
plugin's ``demo`` module, found for every app in ``settings.PLUGINS``, as the API finds
their schema modules. The demo command names no plugin."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.conf import settings
from django.db import transaction


def plugin_demo_loaders() -> list[tuple[str, Callable[[], int]]]:
    """``(plugin app, load_demo)`` for every plugin with a ``demo`` module, in ``PLUGINS``
    order (the order of the plugins' hooks)."""
    loaders = []
    for app in settings.PLUGINS:
        try:
            module = import_module(f"{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.demo":
                raise
            continue
        loaders.append((app, module.load_demo))
    return loaders


def load_plugin_demos() -> int:
    """Load every plugin's demo data, each in a transaction of its own, after the network
    and the catalog (which a plugin's data may refer to); the number of rows created."""
    created = 0
    for _app, load_demo in plugin_demo_loaders():
        with transaction.atomic():
            created += load_demo()
    return created
