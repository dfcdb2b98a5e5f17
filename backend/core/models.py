"""The base of every model in the portal: rows load without ``Model.__init__``.

Loading a row is Django's documented hook ``Model.from_db(db, field_names, values)``. The
default builds the instance through ``__init__``, which sends the ``pre_init`` and
``post_init`` signals and assigns every field through its descriptor: on a catalog page of
700 rows that is a fifth of the request. A freshly loaded row needs none of it: no field
is cached yet and the descriptors of loaded fields only store the value. So the values go
straight into the instance's ``__dict__``, exactly where ``__init__`` would put them;
fields not loaded (``only``/``defer``) stay absent and load on access, as usual.

When anything listens to ``pre_init`` or ``post_init`` (an ``ImageField`` with dimension
fields, a third-party app), Django's own path runs so that the receivers are called. Such
a receiver, and a model that overrides ``__init__`` (skipped here), are system check
errors (``core.E002``, ``core.E001`` in ``checks.py``).
``tests/test_model_loading.py`` compares both paths field by field for every model.

Saving checks the row against its columns first (``column_errors``): text longer than a
column's ``max_length`` or a number with more digits than its ``numeric`` column holds is
the user's mistake, reported as a domain error on the field (``name``, ``spendingLimit``),
not a database error that aborts the transaction and surfaces as an internal error.

Saving also gives every decimal its column's scale (``quantize_decimals``, half away from
zero as PostgreSQL rounds): the saved instance then holds what the database holds
("4.00", not the "4" the caller gave), so an API answering with the saved row needs no
query to read it back. ``bulk_create`` and ``bulk_update`` of ``PortalQuerySet`` (every
model's default manager) do the same for their rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init

from .errors import CoreErrorCode, DomainValidationError, ErrorDetail
from .text import length_error


def _value_problem(field: models.Field, value) -> str | None:
    if isinstance(value, str) and field.max_length is not None:
        return length_error(value, field.max_length)
    if isinstance(field, models.DecimalField) and isinstance(value, Decimal):
        whole_digits = field.max_digits - field.decimal_places
        if not value.is_finite() or (value and value.adjusted() >= whole_digits):
            return f"At most {whole_digits} digits before the decimal point."
    return None


def column_errors(instance: models.Model, fields: Iterable[str] | None = None,
                  field: str | None = None) -> list[ErrorDetail]:
    """What the database would refuse in ``instance``'s columns (all of them, or those
    named in ``fields``), one error per column, named by the model field
    (``field`` overrides the name, e.g. ``"values.2"`` for an item of a list input)."""
    wanted = set(fields) if fields is not None else None
    errors = []
    for model_field in instance._meta.concrete_fields:
        if wanted is not None and model_field.name not in wanted:
            continue
        if model_field.attname not in instance.__dict__:
            continue  # deferred, not loaded: unchanged
        value = instance.__dict__[model_field.attname]
        if isinstance(model_field, ArrayField) and isinstance(value, list):
            problems = [_value_problem(model_field.base_field, item) for item in value]
            problem = next((p for p in problems if p), None)
        else:
            problem = _value_problem(model_field, value)
        if problem is not None:
            errors.append(ErrorDetail(CoreErrorCode.INVALID, problem,
                                      field or model_field.name))
    return errors


def check_columns(instance: models.Model, fields: Iterable[str] | None = None,
                  field: str | None = None) -> None:
    """Raise ``column_errors`` as a ``DomainValidationError`` (rows saved in bulk, which
    skip ``save``, call this for each row)."""
    errors = column_errors(instance, fields, field)
    if errors:
        raise DomainValidationError(errors)


def quantize_decimals(instance: models.Model, fields: Iterable[str] | None = None) -> None:
    """``instance``'s decimal values (all, or those of the fields named) to their column's
    decimal places, as the database will store them. Run after ``check_columns``: a value
    it refuses is left alone."""
    wanted = set(fields) if fields is not None else None
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.DecimalField) or field.attname not in instance.__dict__:
            continue
        if wanted is not None and field.name not in wanted and field.attname not in wanted:
            continue
        value = instance.__dict__[field.attname]
        if isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if isinstance(value, Decimal) and _value_problem(field, value) is None:
            instance.__dict__[field.attname] = value.quantize(
                Decimal(1).scaleb(-field.decimal_places), rounding=ROUND_HALF_UP)


class PortalQuerySet(models.QuerySet):
    """Rows saved in bulk skip ``save``: their decimals get their scale here."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            quantize_decimals(obj)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            quantize_decimals(obj, fields)
        return super().bulk_update(objs, fields, *args, **kwargs)


class PortalModel(models.Model):
    objects = PortalQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        check_columns(self, kwargs.get("update_fields"))
        quantize_decimals(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

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
