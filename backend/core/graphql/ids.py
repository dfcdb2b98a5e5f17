"""Global (Relay) ids: decoding with clear errors."""

from __future__ import annotations

from graphql import GraphQLError
from graphql_relay import from_global_id

from ..errors import CoreErrorCode, DomainValidationError


def decode_global_id(global_id: str, expected_type: str, field: str = "id") -> int:
    """The database id inside ``global_id``; a domain error when it is malformed or of
    another type (an ``Organization`` id passed where a ``Product`` is expected)."""
    try:
        type_name, raw = from_global_id(global_id)
        pk = int(raw)
    except (ValueError, TypeError, UnicodeDecodeError):
        raise DomainValidationError.single(
            CoreErrorCode.INVALID, f"'{global_id}' is not a valid ID.", field
        )
    if type_name != expected_type:
        raise DomainValidationError.single(
            CoreErrorCode.INVALID,
            f"Expected an ID of a {expected_type}, got one of a {type_name or 'unknown type'}.",
            field,
        )
    if pk <= 0:
        raise DomainValidationError.single(CoreErrorCode.INVALID, "IDs are positive.", field)
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
