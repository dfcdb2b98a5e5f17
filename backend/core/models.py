"""The base of every model in the portal: rows load without ``Model.__init__``.

Loading a row is Django's documented hook ``Model.from_db(db, field_names, values)``. The
default builds the instance through ``__init__``, which sends the ``pre_init`` and
``post_init`` signals and assigns every field through its descriptor: on a catalog page of
700 rows that is a fifth of the request. A freshly loaded row needs none of it: no field
is cached yet and the descriptors of loaded fields only store the value. So the values go
straight into the instance's ``__dict__``, exactly where ``__init__`` would put them;
fields not loaded (``only``/``defer``) stay absent and load on access, as usual.

When anything listens to ``pre_init`` or ``post_init`` (an ``ImageField`` with dimension
fields, a third-party app), Django's own path runs so that the receivers are called.
``tests/test_model_loading.py`` compares both paths field by field for every model.
"""

from __future__ import annotations

from django.db import models
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init


class PortalModel(models.Model):
    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        if pre_init.receivers or post_init.receivers:  # any receiver at all (rare)
            return super().from_db(db, field_names, values)
        instance = cls.__new__(cls)
        instance.__dict__.update(zip(field_names, values, strict=True))
        state = instance._state = ModelState()
        state.adding = False
        state.db = db
        return instance


class RateCounter(PortalModel):
    """A counter of the database store of ``backend.core.ratelimit``: hits of ``key`` in the
    window that ends at ``expires_at``. Written only with atomic SQL statements."""

    key = models.CharField(max_length=120, primary_key=True)
    count = models.IntegerField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
