"""An explicit null for an input that declares a default means that default.

GraphQL keeps ``{percent: null}`` as null and gives the declared default only to an
omitted field; clients build inputs from forms whose empty fields are null, so the two
would mean different things for no reason a person could guess. Mutations read their
arguments through ``null_as_default``: a null argument, or input field at any depth
(inside lists too), that declares a default gets it exactly as omitting it would (the
schema's own default, so enums are their members as graphql-core coerces them). A field
without a default keeps its null: there null says something ("no end date", "clear").
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    Undefined,
)


def null_as_default(arguments: dict[str, GraphQLArgument], values: dict[str, Any]) -> dict:
    """``values`` (a field's coerced arguments, by Python name) with every explicit null
    that has a declared default replaced by it, in place."""
    for name, argument in arguments.items():
        key = argument.out_name or name
        if key not in values:
            continue
        if values[key] is None and argument.default_value is not Undefined:
            values[key] = argument.default_value
        else:
            _fill(argument.type, values[key])
    return values


def _fill(type_: GraphQLInputType, value: Any) -> None:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if value is None:
        return
    if isinstance(type_, GraphQLList):
        for item in value if isinstance(value, list) else (value,):
            _fill(type_.of_type, item)
    elif isinstance(type_, GraphQLInputObjectType) and isinstance(value, dict):
        for name, field in type_.fields.items():
            key = field.out_name or name
            if key not in value:
                continue
            if value[key] is None and field.default_value is not Undefined:
                value[key] = field.default_value
                if type(value) is not dict:  # graphene's input objects mirror keys as attributes
                    setattr(value, key, field.default_value)
            else:
                _fill(field.type, value[key])
