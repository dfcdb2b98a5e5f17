"""Global (Relay) ids: decoding with clear errors.

A global id is base64 of ``"<TypeName>:<primary key>"``. Whatever a client sends, decoding
ends in a pair (type name, positive 64-bit key) or in a domain error that quotes no more
than a short prefix of the id (an id is echoed back, and may be 100 KB long).
"""

from __future__ import annotations

from graphql import GraphQLError
from graphql_relay import from_global_id

from ..errors import CoreErrorCode, DomainValidationError

MAX_PK = 2**63 - 1  # PostgreSQL bigint
_SHOWN = 40  # characters of a bad id quoted in an error


def shown(value: str) -> str:
    """A short, printable prefix of ``value`` for an error message."""
    prefix = value[:_SHOWN].encode("ascii", "backslashreplace").decode("ascii")
    return prefix + ("…" if len(value) > _SHOWN else "")


def parse_global_id(global_id: str, field: str = "id") -> tuple[str, int]:
    """(type name, primary key) inside ``global_id``; a domain error when it is not one."""
    try:
        type_name, raw = from_global_id(global_id)
    except (ValueError, TypeError, UnicodeDecodeError):
        type_name, raw = "", ""
    # int() would also take " 7", "+7", "7_0" and other scripts' digits: ours are plain.
    if (not type_name or not raw.isascii() or not raw.isdigit() or len(raw) > 19
            or not 0 < int(raw) <= MAX_PK):
        raise DomainValidationError.single(
            CoreErrorCode.INVALID, f"'{shown(global_id)}' is not a valid ID.", field)
    return type_name, int(raw)


def decode_global_id(global_id: str, expected_type: str, field: str = "id") -> int:
    """The database id inside ``global_id``; a domain error when it is malformed or of
    another type (an ``Organization`` id passed where a ``Product`` is expected)."""
    type_name, pk = parse_global_id(global_id, field)
    if type_name != expected_type:
        raise DomainValidationError.single(
            CoreErrorCode.INVALID,
            f"Expected an ID of a {expected_type}, got one of a {shown(type_name)}.",
            field,
        )
    return pk


def decode_global_ids(global_ids: list[str], expected_type: str, field: str) -> list[int]:
    return [decode_global_id(g, expected_type, field) for g in global_ids]


def graphql_error_from(exc: DomainValidationError) -> GraphQLError:
    """A query argument's domain error as a GraphQL error (queries have no ``errors``
    field of their own)."""
    detail = exc.errors[0]
    return GraphQLError(detail.message,
                        extensions={"code": detail.code_value, "field": detail.field})


def decode_query_id(global_id: str, expected_type: str, field: str = "id") -> int:
    try:
        return decode_global_id(global_id, expected_type, field)
    except DomainValidationError as exc:
        raise graphql_error_from(exc)


def decode_query_ids(global_ids: list[str], expected_type: str, field: str) -> list[int]:
    return [decode_query_id(g, expected_type, field) for g in global_ids]
