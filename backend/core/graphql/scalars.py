"""Input scalars that refuse, at coercion time, what no column or lookup can take.

PostgreSQL text cannot hold NUL (U+0000); UTF-8 cannot encode an unpaired surrogate
(U+D800-U+DFFF, which JSON's ``\\udcff`` escapes can produce); a ``numeric`` column holds
no NaN or Infinity. Such input used to travel down to the database driver and come back
as an internal error. Here the schema's ``String``, ``ID`` and ``Decimal`` refuse it where
the request is read, with a GraphQL error naming the problem (``extensions.code``
``INVALID_INPUT``), so no resolver or service ever sees it.

``String`` and ``ID`` are graphql-core's built-in scalars: the introspection types use the
same objects, so a second type of the same name cannot join the schema.
``harden_input_scalars`` therefore swaps the input functions (``parse_value`` for
variables, ``parse_literal`` for values written in the document) of the schema's own
scalar objects. Output (``serialize``) is untouched, so the execution fast path is too.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLSchema,
    IntValueNode,
    StringValueNode,
    Undefined,
    ValueNode,
)
from graphql.type.scalars import coerce_id, coerce_string, parse_id_literal, parse_string_literal

# A global ID is base64 of "<TypeName>:<pk>": a few dozen characters.
MAX_ID_LENGTH = 256
# No quantity or amount comes near this; larger inputs are mistakes or probes. Each
# column's own precision is checked before saving (``backend.core.columns``).
MAX_DECIMAL_DIGITS = 18  # digits before the decimal point, and after it
MAX_DECIMAL_TEXT = 100  # characters of a decimal written as text

INVALID_INPUT = "INVALID_INPUT"


def invalid_input(message: str, node: ValueNode | None = None) -> GraphQLError:
    """The GraphQL error of an input value no column can store."""
    return GraphQLError(message, node, extensions={"code": INVALID_INPUT})


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or None."""
    if "\x00" in value:
        return "contains a NUL character (U+0000)"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "contains an unpaired surrogate (U+D800 to U+DFFF)"
    return None


def _checked_text(value: str, type_name: str, node: ValueNode | None = None) -> str:
    problem = text_problem(value)
    if problem is not None:
        raise invalid_input(f"{type_name} cannot be stored: it {problem}.", node)
    return value


def _checked_id(value: str, node: ValueNode | None = None) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise invalid_input(
            f"ID is too long ({len(value)} characters; IDs have at most {MAX_ID_LENGTH}).",
            node)
    return _checked_text(value, "ID", node)


# graphql-core's input hooks: ``parse_value`` gets a variable's value, ``parse_literal`` a
# value written in the document. Each runs the built-in coercion, then the checks above.

def parse_string_value(value: Any) -> str:
    return _checked_text(coerce_string(value), "String")


def parse_string_node(node: ValueNode, _variables: Any = None) -> str:
    return _checked_text(parse_string_literal(node), "String", node)


def parse_id_value(value: Any) -> str:
    return _checked_id(coerce_id(value))


def parse_id_node(node: ValueNode, _variables: Any = None) -> str:
    return _checked_id(parse_id_literal(node), node)


def checked_decimal(value: Any, node: ValueNode | None = None) -> Decimal:
    """``value`` (text, integer or float) as a finite Decimal of sane size."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise invalid_input("Decimal must be a number or a string of one.", node)
    if isinstance(value, str) and len(value) > MAX_DECIMAL_TEXT:
        raise invalid_input(
            f"Decimal is too long ({len(value)} characters; at most {MAX_DECIMAL_TEXT}).", node)
    try:
        # A float goes through its shortest text: 0.1 stays 0.1, not 0.1000000000000000055.
        number = Decimal(repr(value) if isinstance(value, float) else value)
    except (InvalidOperation, ValueError):
        raise invalid_input("Decimal must be a number, e.g. \"12.50\".", node)
    if not number.is_finite():
        raise invalid_input("Decimal must be a finite number (not NaN or Infinity).", node)
    if number and number.adjusted() >= MAX_DECIMAL_DIGITS:
        raise invalid_input(
            f"Decimal is out of range (at most {MAX_DECIMAL_DIGITS} digits before the "
            "decimal point).", node)
    if number.as_tuple().exponent < -MAX_DECIMAL_DIGITS:  # type: ignore[operator]
        raise invalid_input(
            f"Decimal has too many decimal places (at most {MAX_DECIMAL_DIGITS}).", node)
    return number


def parse_decimal_value(value: Any) -> Decimal:
    return checked_decimal(value)


def parse_decimal_node(node: ValueNode, _variables: Any = None) -> Decimal:
    if not isinstance(node, StringValueNode | IntValueNode):
        return Undefined  # type: ignore[return-value]  # graphql-core: "Expected Decimal"
    return checked_decimal(node.value, node)


_STRICT_INPUT = {
    "String": (parse_string_value, parse_string_node),
    "ID": (parse_id_value, parse_id_node),
    "Decimal": (parse_decimal_value, parse_decimal_node),
}


def harden_input_scalars(schema: GraphQLSchema) -> None:
    """Make ``schema``'s ``String``, ``ID`` and ``Decimal`` refuse unstorable input."""
    for name, (parse_value, parse_literal) in _STRICT_INPUT.items():
        scalar = schema.type_map.get(name)
        if scalar is not None:
            scalar.parse_value = parse_value  # type: ignore[attr-defined]
            scalar.parse_literal = parse_literal  # type: ignore[attr-defined]
