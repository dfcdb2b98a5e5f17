"""How the execution fast path reads a field off its source as graphene's default resolver
does, and serializes it (``builders.py`` inlines the same reads in generated code; the
general path's plain fields use ``reader``)."""

from __future__ import annotations

from base64 import b64encode
from decimal import Decimal
from enum import Enum
from functools import partial
from typing import Any, NamedTuple

from graphene.relay.id_type import DefaultGlobalIDType
from graphene.relay.node import GlobalID, Node
from graphene.types.decimal import Decimal as DecimalScalar
from graphene.types.resolver import attr_resolver, dict_or_attr_resolver
from graphene_django.types import DjangoObjectType
from graphql import GraphQLEnumType, GraphQLField, GraphQLLeafType, is_leaf_type, is_non_null_type
from graphql.pyutils import Undefined

_DEFAULT_RESOLVERS = (dict_or_attr_resolver, attr_resolver)


class Fallback(Exception):
    """A planned fallback: the fast path cannot answer this object (a null in a required
    field, a value that does not serialize, an error raised by a resolver or by reading
    an attribute, a loader's pending future, an object of another type, an iterable that
    is not a list), and the general path will, reporting any error at its path. Builders
    raise only this on purpose; anything else they raise is a bug in the fast path
    (``GRAPHQL_FAST_PATH_STRICT`` lets it propagate)."""


class FieldRead(NamedTuple):
    """How graphene's default resolver reads a field without arguments off its source."""

    attname: str
    default: Any
    leaf_type: GraphQLLeafType | None  # None: an object or a list, completed after reading
    non_null: bool
    # A model type's Relay ``id``: the global id of ``source.pk`` (node.to_global_id).
    global_id_node: Any = None
    from_dicts: bool = True  # a dict source's key (dict_or_attr_resolver), not getattr


# Keyed by id (graphql-core's fields are not hashable); each entry holds its field, so
# that an id is never reused by another field (a schema made and dropped, as tests do).
_reads: dict[int, tuple[GraphQLField, FieldRead | None]] = {}


def field_read(field_def: GraphQLField) -> FieldRead | None:
    """How to read ``field_def`` off its source, or None when it has its own resolver."""
    key = id(field_def)
    known = _reads.get(key)
    if known is not None:
        return known[1]
    read = None
    resolve = field_def.resolve
    field_type = field_def.type
    non_null = is_non_null_type(field_type)
    inner = field_type.of_type if non_null else field_type
    if not field_def.args and isinstance(resolve, partial):
        if (resolve.func is GlobalID.id_resolver
                and resolve.args[0] is DjangoObjectType.resolve_id
                and not resolve.keywords.get("parent_type_name")):
            read = FieldRead("pk", None, inner, True, resolve.args[1], from_dicts=False)
        elif (resolve.func in _DEFAULT_RESOLVERS and len(resolve.args) == 2
                and not resolve.keywords):
            read = FieldRead(resolve.args[0], resolve.args[1],
                             inner if is_leaf_type(inner) else None, non_null,
                             from_dicts=resolve.func is dict_or_attr_resolver)
    _reads[key] = (field_def, read)
    return read


def plain_field(field_def: GraphQLField) -> FieldRead | None:
    """The read of a scalar, enum or Relay id field, or None (resolver, object, list)."""
    read = field_read(field_def)
    return read if read is not None and read.leaf_type is not None else None


def _memoized(serialize):
    """Enum serialization looks values up by name, then by value: remember the answers
    (enums have few values). A Python enum member (a model's ``TextChoices`` default, not
    yet read back from the database) is taken by its value."""
    answers: dict[Any, Any] = {}

    def cached(value):
        if isinstance(value, Enum):
            value = value.value
        try:
            return answers[value]
        except KeyError:
            answers[value] = result = serialize(value)
            return result
        except TypeError:  # unhashable
            return serialize(value)

    return cached


def uses_default_global_ids(node) -> bool:
    return (node.to_global_id.__func__ is Node.to_global_id.__func__
            and node._meta.global_id_type is DefaultGlobalIDType)


def _global_id_reader(node, type_name: str):
    """Relay's global id: base64 of ``"Type:pk"``, encoded here in one step (graphene's
    four layers of calls cost more than the encoding) when the node uses the default."""
    if not uses_default_global_ids(node):
        to_global_id = node.to_global_id
        return lambda source: to_global_id(type_name, source.pk)
    prefix = f"{type_name}:"
    return lambda source: b64encode(f"{prefix}{source.pk}".encode()).decode()


def serializer(leaf_type: GraphQLLeafType):
    serialize = leaf_type.serialize
    if isinstance(leaf_type, GraphQLEnumType):
        return _memoized(serialize)
    if serialize is DecimalScalar.serialize:
        def fast(value):
            return str(value) if type(value) is Decimal else serialize(value)

        return fast
    return serialize


def reader(read: FieldRead, type_name: str):
    """A function reading one scalar field off a source (the general path's fields)."""
    if read.global_id_node is not None:
        return _global_id_reader(read.global_id_node, type_name)
    attname, default, non_null = read.attname, read.default, read.non_null
    from_dicts = read.from_dicts
    serialize = serializer(read.leaf_type)

    def read_field(source):
        try:
            if from_dicts and isinstance(source, dict):
                value = source.get(attname, default)
            else:
                value = getattr(source, attname, default)
            if value is None:
                if non_null:
                    raise Fallback
                return None
            serialized = serialize(value)
        except Fallback:
            raise
        except Exception as error:  # a property or a serializer refused: reported there
            raise Fallback from error
        if serialized is Undefined or serialized is None:
            raise Fallback
        return serialized

    return read_field
