"""GraphQL error types built from the domain error code enums."""

from __future__ import annotations

from enum import Enum

import graphene

_enum_cache: dict[type[Enum], type[graphene.Enum]] = {}


def graphql_enum(python_enum: type[Enum]) -> type[graphene.Enum]:
    """One graphene Enum per Python enum (a schema may not define a type twice)."""
    if python_enum not in _enum_cache:
        _enum_cache[python_enum] = graphene.Enum.from_enum(python_enum)
    return _enum_cache[python_enum]


def error_type(name: str, code_enum: type[Enum], description: str = "",
               **extra_fields) -> type:
    """An ``<Domain>Error`` object type: ``{field, code, message}``, plus ``extra_fields``
    (graphene fields) filled from the error's params of the same name."""
    attrs = {
        **extra_fields,
        "field": graphene.String(
            description="The input field the error is about, or null for the whole input."
        ),
        "code": graphene.Field(graphql_enum(code_enum), required=True),
        "message": graphene.String(required=True, description="A message for a person."),
        "Meta": type("Meta", (), {"description": description or f"An error of {name}."}),
    }
    return type(name, (graphene.ObjectType,), attrs)


def error_code_for(python_enum: type[Enum], code: Enum | str) -> Enum:
    """Map a code from any domain enum onto ``python_enum`` by name (common codes exist in
    every domain enum), falling back to INVALID."""
    value = code.value if isinstance(code, Enum) else str(code)
    try:
        return python_enum(value)
    except ValueError:
        return python_enum("INVALID")
