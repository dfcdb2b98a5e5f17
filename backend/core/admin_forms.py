"""Admin forms report the services' own validation, so each rule lives in one place."""

from __future__ import annotations

from django import forms

from .errors import ErrorDetail


def add_domain_errors(form: forms.BaseForm, errors: list[ErrorDetail]) -> None:
    """Attach each service error to its form field (services name fields as Python does;
    an item of a list, ``values.2``, to the list's field), or to the form when the field is
    not on it."""
    for error in errors:
        name = error.field.split(".")[0] if error.field else None
        form.add_error(name if name in form.fields else None, error.message)
