"""System checks (``manage.py check``) of what fast row loading relies on.

``PortalModel.from_db`` (``backend/core/models.py``) fills a loaded row's ``__dict__``
without calling ``Model.__init__``. That is right only while no model overrides
``__init__`` (its code would not run for loaded rows) and nothing listens to ``pre_init``
or ``post_init`` (while anything does, every row of every model is built by Django's
``__init__`` again, a fifth of a catalog page's time). Both are errors here, so that such
a change is made knowingly (``SILENCED_SYSTEM_CHECKS``), never by accident.
"""

from __future__ import annotations

from django.apps import apps
from django.core import checks
from django.db import models
from django.db.models.signals import post_init, pre_init


def _models(app_configs) -> list[type[models.Model]]:
    if app_configs is None:
        return list(apps.get_models())
    return [model for config in app_configs for model in config.get_models()]


@checks.register(checks.Tags.models)
def check_row_loading(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """core.E001: a portal model overrides ``__init__``; core.E002: a ``pre_init`` or
    ``post_init`` receiver exists."""
    from .models import PortalModel

    project_models = [m for m in _models(app_configs) if issubclass(m, PortalModel)]
    errors: list[checks.CheckMessage] = [
        checks.Error(
            f"{model._meta.label} overrides __init__, which rows loaded from the database "
            "skip (PortalModel.from_db).",
            hint="Set defaults on fields, or build instances through a classmethod.",
            obj=model, id="core.E001")
        for model in project_models if model.__init__ is not models.Model.__init__
    ]
    for signal, name in ((pre_init, "pre_init"), (post_init, "post_init")):
        if not signal.receivers:
            continue
        heard = [m._meta.label for m in project_models if signal.has_listeners(m)]
        errors.append(checks.Error(
            f"{len(signal.receivers)} receiver(s) of {name} (for "
            f"{', '.join(heard) or 'other models'}): every row of every model would be "
            "built by Model.__init__ again instead of PortalModel.from_db's fast path.",
            hint="Compute the value on access (a property, a loader) instead; an "
                 "ImageField's width_field/height_field connect such a receiver.",
            id="core.E002"))
    return errors
