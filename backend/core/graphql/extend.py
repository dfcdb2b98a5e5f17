"""Fields one app adds to another app's object type (the viewer's prices on products).

The layers forbid the catalog to import the apps above it, so an app above adds its
fields to the catalog's types instead, before the schema is built (``backend/api/schema.py``
imports every app's schema module first). A name the type already has, as a field or as a
``resolve_<name>`` method, is refused: an app must not replace another app's field.
"""

from __future__ import annotations

import graphene
from graphene.types.unmountedtype import UnmountedType
from graphene.types.utils import get_field_as


def add_fields(object_type: type[graphene.ObjectType], **fields: graphene.Field | UnmountedType
               ) -> None:
    """Add ``fields`` (snake_case names, each with its own ``resolver``) to ``object_type``."""
    known = object_type._meta.fields
    for name, value in fields.items():
        if name in known or hasattr(object_type, f"resolve_{name}"):
            raise TypeError(f"{object_type._meta.name} already has a field {name!r}")
        field = get_field_as(value, graphene.Field)
        if field is None:
            raise TypeError(f"{name!r} is not a field: {value!r}")
        if field.resolver is None:
            raise TypeError(f"{object_type._meta.name}.{name} needs its own resolver")
        known[name] = field
