"""The execution context: batching data loaders, and a fast path for plain fields.

- Data loaders: graphql-sync-dataloaders' ``DeferredExecutionContext`` resolves
  ``SyncFuture`` values after each level, so loaders batch a whole page.
- Compatibility: that context calls ``handle_field_error(error, return_type)``, the
  graphql-core 3.2.3 signature; 3.2.4 added ``path``. We accept both and rebuild the path.
- Fast path: most fields of a catalog page are scalars read straight off a model (``sku``,
  ``packSize``...). For a field with no arguments, graphene's default attribute resolver and
  a scalar or enum type, the value is read and serialized directly, skipping the
  ``ResolveInfo`` and argument machinery that dominates the cost of a large page. When
  every field selected on an object is such a field (or ``__typename``), the whole object
  is built in one step. Anything unusual (a null in a required field, a value that does not
  serialize) falls back to the general path, so results and errors are the same
  (``tests/test_execution_fast_path.py``).
"""

from __future__ import annotations

from base64 import b64encode
from decimal import Decimal
from enum import Enum
from functools import partial
from typing import Any, NamedTuple

from graphene import ID, Boolean, String
from graphene.relay.id_type import DefaultGlobalIDType
from graphene.relay.node import GlobalID, Node
from graphene.types.decimal import Decimal as DecimalScalar
from graphene.types.resolver import attr_resolver, dict_or_attr_resolver
from graphene_django.types import DjangoObjectType
from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLError,
    GraphQLField,
    GraphQLID,
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLString,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.execute import get_field_def
from graphql.pyutils import Path, Undefined
from graphql_sync_dataloaders import DeferredExecutionContext, SyncFuture

_DEFAULT_RESOLVERS = (dict_or_attr_resolver, attr_resolver)


class _PlainField(NamedTuple):
    attname: str
    default: Any
    leaf_type: GraphQLLeafType
    non_null: bool
    # A model type's Relay ``id``: the global id of ``source.pk`` (node.to_global_id).
    global_id_node: Any = None


_plans: dict[int, _PlainField | None] = {}


def _plain_field(field_def: GraphQLField) -> _PlainField | None:
    """How to read ``field_def`` directly, or ``None`` when it needs the general path."""
    key = id(field_def)
    if key in _plans:
        return _plans[key]
    plan = None
    resolve = field_def.resolve
    if (not field_def.args and isinstance(resolve, partial)
            and resolve.func is GlobalID.id_resolver
            and resolve.args[0] is DjangoObjectType.resolve_id
            and not resolve.keywords.get("parent_type_name")):
        plan = _PlainField("pk", None, field_def.type.of_type, True, resolve.args[1])
    elif (not field_def.args and isinstance(resolve, partial)
            and resolve.func in _DEFAULT_RESOLVERS and len(resolve.args) == 2
            and not resolve.keywords):
        field_type = field_def.type
        non_null = is_non_null_type(field_type)
        inner = field_type.of_type if non_null else field_type
        if is_leaf_type(inner):
            plan = _PlainField(resolve.args[0], resolve.args[1], inner, non_null)
    _plans[key] = plan
    return plan


class _Fallback(Exception):
    """The fast path cannot answer this object; the general path will (and report)."""


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


def _uses_default_global_ids(node) -> bool:
    return (node.to_global_id.__func__ is Node.to_global_id.__func__
            and node._meta.global_id_type is DefaultGlobalIDType)


def _global_id_reader(node, type_name: str):
    """Relay's global id: base64 of ``"Type:pk"``, encoded here in one step (graphene's
    four layers of calls cost more than the encoding) when the node uses the default."""
    if not _uses_default_global_ids(node):
        to_global_id = node.to_global_id
        return lambda source: to_global_id(type_name, source.pk)
    prefix = f"{type_name}:"
    return lambda source: b64encode(f"{prefix}{source.pk}".encode()).decode()


def _decimal_serializer(serialize):
    def fast(value):
        return str(value) if type(value) is Decimal else serialize(value)

    return fast


def _reader(plan: _PlainField, type_name: str):
    """A function reading one plain field off a source object."""
    if plan.global_id_node is not None:
        return _global_id_reader(plan.global_id_node, type_name)
    attname, default, serialize = plan.attname, plan.default, plan.leaf_type.serialize
    non_null = plan.non_null
    if isinstance(plan.leaf_type, GraphQLEnumType):
        serialize = _memoized(serialize)
    elif serialize is DecimalScalar.serialize:
        serialize = _decimal_serializer(serialize)

    def read(source):
        if isinstance(source, dict):
            value = source.get(attname, default)
        else:
            value = getattr(source, attname, default)
        if value is None:
            if non_null:
                raise _Fallback
            return None
        serialized = serialize(value)
        if serialized is Undefined or serialized is None:
            raise _Fallback
        return serialized

    return read


def _serializer(leaf_type: GraphQLLeafType):
    serialize = leaf_type.serialize
    if isinstance(leaf_type, GraphQLEnumType):
        return _memoized(serialize)
    return serialize


# Scalars whose serializer returns a value of this type unchanged: the built object
# takes such values as they are.
_IDENTITY_TYPES = {String.serialize: str, ID.serialize: str, Boolean.serialize: bool,
                   GraphQLString.serialize: str, GraphQLID.serialize: str,
                   GraphQLBoolean.serialize: bool}


def _compile_builder(type_name: str, entries: list[tuple[str, _PlainField | None, Any]]):
    """A function building the response object of one source from ``entries``
    (response key, plain field or None for ``__typename``, that field's reader).

    The function is generated so that reading and serializing each field is inline code
    rather than a call: on a page of 700 objects the calls were most of the work. A
    source that is a dict (graphene objects built from dicts) goes through the readers.
    Anything the fast path cannot answer raises, and the caller takes the general path.
    """
    namespace: dict[str, Any] = {"_Fallback": _Fallback, "Undefined": Undefined,
                                 "Decimal": Decimal, "b64encode": b64encode}
    lines: list[str] = []
    from_dict: list[str] = []
    result: list[str] = []
    for i, (key, plan, reader) in enumerate(entries):
        namespace[f"r{i}"] = reader
        from_dict.append(f"{key!r}: r{i}(source)")
        result.append(f"{key!r}: v{i}")
        if plan is None:
            namespace[f"v{i}"] = type_name
            continue
        if plan.global_id_node is not None:
            if _uses_default_global_ids(plan.global_id_node):
                namespace[f"p{i}"] = f"{type_name}:"
                lines.append(f"    v{i} = b64encode((p{i} + str(source.pk)).encode()).decode()")
            else:
                lines.append(f"    v{i} = r{i}(source)")
            continue
        namespace[f"d{i}"] = plan.default
        namespace[f"s{i}"] = serialize = _serializer(plan.leaf_type)
        lines += [f"    v{i} = getattr(source, {plan.attname!r}, d{i})",
                  f"    if v{i} is None:",
                  "        raise _Fallback" if plan.non_null else "        pass"]
        identity = _IDENTITY_TYPES.get(getattr(serialize, "__func__", serialize))
        if identity is not None:
            namespace[f"t{i}"] = identity
            lines.append(f"    elif type(v{i}) is t{i}:\n        pass")
        elif plan.leaf_type.serialize is DecimalScalar.serialize:
            lines.append(f"    elif type(v{i}) is Decimal:\n        v{i} = str(v{i})")
        lines += ["    else:",
                  f"        v{i} = s{i}(v{i})",
                  f"        if v{i} is None or v{i} is Undefined:",
                  "            raise _Fallback"]
    source = "\n".join([
        "def build(source):",
        "    if type(source) is dict:",
        f"        return {{{', '.join(from_dict)}}}",
        *lines,
        f"    return {{{', '.join(result)}}}",
    ])
    exec(compile(source, f"<object builder {type_name}>", "exec"), namespace)
    return namespace["build"]


_builders: dict[tuple, Any] = {}
_MAX_BUILDERS = 4096


def _builder(type_name: str, entries: list[tuple[str, _PlainField | None, Any]]):
    """The compiled builder for this selection, shared by every request (field plans
    live as long as the schema, so their ids identify the selection)."""
    key = (type_name, *((response_key, id(plan)) for response_key, plan, _ in entries))
    build = _builders.get(key)
    if build is None:
        if len(_builders) >= _MAX_BUILDERS:  # arbitrary documents: stay bounded
            _builders.clear()
        build = _builders[key] = _compile_builder(type_name, entries)
    return build


def _complete_plain_objects(object_type, build, info, items) -> list | None:
    is_type_of = object_type.is_type_of
    completed = []
    try:
        for item in items:
            if (item is None or isinstance(item, SyncFuture)
                    or (is_type_of is not None and is_type_of(item, info) is not True)):
                return None
            completed.append(build(item))
    except Exception:
        return None
    return completed


def _path_from_list(keys) -> Path | None:
    path = None
    for key in keys or ():
        path = Path(path, key, None)
    return path


class PortalExecutionContext(DeferredExecutionContext):
    _object_plans: dict[tuple, Any]
    _readers: dict[tuple[int, str], Any]

    def _object_plan(self, return_type, field_nodes):
        """A function building the object (``_compile_builder``) when every selected
        field is plain, else None."""
        if not hasattr(self, "_object_plans"):
            self._object_plans = {}
        # As graphql-core's own subfield cache: the node ids, not the list's.
        key = ((return_type, id(field_nodes[0])) if len(field_nodes) == 1
               else (return_type, *map(id, field_nodes)))
        try:
            return self._object_plans[key]
        except KeyError:
            pass
        entries: list[tuple[str, _PlainField | None, Any]] | None = []
        for response_key, nodes in self.collect_subfields(return_type, field_nodes).items():
            name = nodes[0].name.value
            if name == "__typename":
                type_name = return_type.name
                entries.append((response_key, None, lambda source, n=type_name: n))
                continue
            field_def = return_type.fields.get(name)
            read = self._field_reader(return_type, field_def) if field_def else None
            if read is None:
                entries = None
                break
            entries.append((response_key, _plain_field(field_def), read))
        build = _builder(return_type.name, entries) if entries is not None else None
        self._object_plans[key] = build
        return build

    def complete_object_value(self, return_type, field_nodes, info, path, result):
        plan = self._object_plan(return_type, field_nodes)
        if plan is not None and (return_type.is_type_of is None
                                 or return_type.is_type_of(result, info) is True):
            try:
                return plan(result)
            except Exception:
                pass
        return super().complete_object_value(return_type, field_nodes, info, path, result)

    def complete_list_value(self, return_type, field_nodes, info, path, result):
        """A list of objects whose selected fields are all plain (a product's variants)
        is built in one loop, without completing each item on its own; any item the fast
        path cannot answer sends the whole list down the general path."""
        item_type = return_type.of_type
        object_type = item_type.of_type if is_non_null_type(item_type) else item_type
        if type(result) is list and isinstance(object_type, GraphQLObjectType):
            plan = self._object_plan(object_type, field_nodes)
            if plan is not None:
                completed = _complete_plain_objects(object_type, plan, info, result)
                if completed is not None:
                    return completed
        return super().complete_list_value(return_type, field_nodes, info, path, result)

    def _field_reader(self, parent_type, field_def):
        """The reader of a plain field on ``parent_type`` (cached), or None."""
        if not hasattr(self, "_readers"):
            self._readers = {}
        key = (id(field_def), parent_type.name)
        if key not in self._readers:
            plan = _plain_field(field_def) if self.middleware_manager is None else None
            self._readers[key] = _reader(plan, parent_type.name) if plan else None
        return self._readers[key]

    def execute_field(self, parent_type, source, field_nodes, path):
        field_def = get_field_def(self.schema, parent_type, field_nodes[0])
        read = self._field_reader(parent_type, field_def) if field_def else None
        if read is not None:
            try:
                return read(source)
            except Exception:
                pass
        return super().execute_field(parent_type, source, field_nodes, path)

    def handle_field_error(self, error: GraphQLError, return_type: GraphQLOutputType,
                           path: Path | None = None) -> None:
        if path is None:
            path = _path_from_list(error.path)
        return super().handle_field_error(error, return_type, path)
