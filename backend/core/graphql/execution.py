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

from functools import partial
from typing import Any, NamedTuple

from graphene.relay.node import GlobalID
from graphene.types.resolver import attr_resolver, dict_or_attr_resolver
from graphene_django.types import DjangoObjectType
from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLField,
    GraphQLLeafType,
    GraphQLOutputType,
    is_leaf_type,
    is_non_null_type,
    located_error,
)
from graphql.execution.execute import get_field_def
from graphql.pyutils import Path, Undefined
from graphql_sync_dataloaders import DeferredExecutionContext

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
    (enums have few values)."""
    answers: dict[Any, Any] = {}

    def cached(value):
        try:
            return answers[value]
        except KeyError:
            answers[value] = result = serialize(value)
            return result
        except TypeError:  # unhashable
            return serialize(value)

    return cached


def _reader(plan: _PlainField, type_name: str):
    """A function reading one plain field off a source object."""
    if plan.global_id_node is not None:
        to_global_id = plan.global_id_node.to_global_id
        return lambda source: to_global_id(type_name, source.pk)
    attname, default, serialize = plan.attname, plan.default, plan.leaf_type.serialize
    non_null = plan.non_null
    if isinstance(plan.leaf_type, GraphQLEnumType):
        serialize = _memoized(serialize)

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


def _path_from_list(keys) -> Path | None:
    path = None
    for key in keys or ():
        path = Path(path, key, None)
    return path


class PortalExecutionContext(DeferredExecutionContext):
    _object_plans: dict[tuple, list | None]

    def _object_plan(self, return_type, field_nodes) -> list | None:
        """``[(response key, reader)]`` when every selected field is plain, else None."""
        if not hasattr(self, "_object_plans"):
            self._object_plans = {}
        key = (return_type, tuple(map(id, field_nodes)))
        if key in self._object_plans:
            return self._object_plans[key]
        plan: list | None = []
        if self.middleware_manager is not None:
            plan = None
        else:
            for response_key, nodes in self.collect_subfields(return_type, field_nodes).items():
                name = nodes[0].name.value
                if name == "__typename":
                    type_name = return_type.name
                    plan.append((response_key, lambda source, n=type_name: n))
                    continue
                field_def = return_type.fields.get(name)
                field_plan = _plain_field(field_def) if field_def else None
                if field_plan is None:
                    plan = None
                    break
                plan.append((response_key, _reader(field_plan, return_type.name)))
        self._object_plans[key] = plan
        return plan

    def complete_object_value(self, return_type, field_nodes, info, path, result):
        plan = self._object_plan(return_type, field_nodes)
        if plan is not None and (return_type.is_type_of is None
                                 or return_type.is_type_of(result, info) is True):
            try:
                return {response_key: read(result) for response_key, read in plan}
            except _Fallback:
                pass
        return super().complete_object_value(return_type, field_nodes, info, path, result)

    def execute_field(self, parent_type, source, field_nodes, path):
        field_def = get_field_def(self.schema, parent_type, field_nodes[0])
        plan = _plain_field(field_def) if field_def and not self.middleware_manager else None
        if plan is None or field_nodes[0].directives:
            return super().execute_field(parent_type, source, field_nodes, path)
        try:
            if plan.global_id_node is not None:
                return plan.global_id_node.to_global_id(parent_type.name, source.pk)
            if isinstance(source, dict):
                value = source.get(plan.attname, plan.default)
            else:
                value = getattr(source, plan.attname, plan.default)
            if value is None:
                if plan.non_null:
                    raise TypeError("Cannot return null for non-nullable field"
                                    f" {parent_type.name}.{field_nodes[0].name.value}.")
                return None
            serialized = plan.leaf_type.serialize(value)
            if serialized is Undefined or serialized is None:
                raise TypeError(f"Expected `{plan.leaf_type.name}.serialize({value!r})`"
                                " to return non-nullish value")
            return serialized
        except Exception as raw_error:
            error = located_error(raw_error, field_nodes, path.as_list())
            self.handle_field_error(error, field_def.type, path)
            return None

    def handle_field_error(self, error: GraphQLError, return_type: GraphQLOutputType,
                           path: Path | None = None) -> None:
        if path is None:
            path = _path_from_list(error.path)
        return super().handle_field_error(error, return_type, path)
