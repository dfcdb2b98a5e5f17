"""The execution context: batching data loaders, and a fast path that builds objects.

- Data loaders: graphql-sync-dataloaders' ``DeferredExecutionContext`` resolves
  ``SyncFuture`` values after each level, so loaders batch a whole page.
- Compatibility: that context calls ``handle_field_error(error, return_type)``, the
  graphql-core 3.2.3 signature; 3.2.4 added ``path``. We accept both and rebuild the path.
- Fast path. graphql-core completes every field of every object on its own (a path, a
  ``ResolveInfo``, argument coercion, a resolver call, a completion): on a catalog page of
  100 products with 500 variants that machinery, not the data, was most of the time.
  Instead, for each object type and selection the context compiles a *builder*
  (``builders.py``): generated code that makes the response object of one source, or
  those of a whole list in one loop, at once:

  - a field read off the source (graphene's default resolver, no arguments: a scalar, an
    enum, a model type's Relay ``id``, an object or a list of objects) is read and
    completed by inline code, without a resolver call or a ``ResolveInfo``;
  - a field with a resolver is called with a ``ResolveInfo`` and arguments made once per
    execution (``_Envs``), and its value completed inline by the builder of the object
    below. Such a resolver sees the field's own key as ``info.path``, not the whole path
    (nothing here reads it).

  Builders are shared by all requests (keyed by the selection). Lists of objects are built
  in one loop. Anything a builder cannot answer (a null in a required field, a value that
  does not serialize, an error in a resolver, a loader's pending future, an interface or
  union, an iterable that is not a list) makes it raise ``Fallback``, and that object is
  completed by the general path, which then reports errors at their exact paths. Results
  and errors are the same either way (``tests/test_execution_fast_path.py``,
  ``tests/test_execution_builders.py``). With
  graphene middleware configured, the fast path is off.
- Not failing silently: each execution counts its fallbacks (``fallbacks``, one increment
  on the general path only); tests require none on every root list and on the catalog
  page. Any other exception from a builder is a bug of the fast path: logged (the general
  path answers), or raised under ``GRAPHQL_FAST_PATH_STRICT`` (on in the tests).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from graphql import (
    GraphQLError,
    GraphQLList,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.execute import get_field_def
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined
from graphql_sync_dataloaders import DeferredExecutionContext

from . import builders, field_groups
from .builders import (
    Completion,
    Entry,
    Fallback,
    ResolvedField,
    field_read,
    leaf_completion,
    list_completion,
    object_completion,
    plain_field,
    reader,
    shared,
)
from .field_groups import GroupRead

logger = logging.getLogger(__name__)

__all__ = ["Fallback", "PortalExecutionContext"]


class _Envs(dict):
    """``{resolved field: (ResolveInfo, arguments)}`` of one execution, each made on its
    first use (a dict, so that a builder's lookup is one subscript)."""

    __slots__ = ("as_json", "context")

    def __init__(self, context: PortalExecutionContext) -> None:
        super().__init__()
        self.context = context
        # Kept answers as their JSON (``builders.answers_kept``): for the HTTP view only.
        self.as_json = context.kept_answers_as_json

    def __missing__(self, key: ResolvedField | GroupRead):
        if type(key) is GroupRead:  # the group's read for this execution, or None
            try:
                made = key.group.prepare(self[key.field][0])
            except Exception:
                self.context._unplanned()  # a bug: raised in the tests, else logged once
                made = None  # and the members' resolvers answer
            self[key] = made
            return made
        env = self[key] = self.context._resolver_env(key)
        return env


def _path_from_list(keys) -> Path | None:
    path = None
    for key in keys or ():
        path = Path(path, key, None)
    return path


class PortalExecutionContext(DeferredExecutionContext):
    # Objects, lists and plain fields of this execution that the fast path handed to the
    # general path (counted on that path only). Tests require none on every root list
    # and on the catalog page: the fast path must not quietly stop being used.
    fallbacks = 0

    # Kept answers (``builders.answers_kept``) answered as their serialized JSON, an
    # ``orjson.Fragment`` the response's encoder copies: the view's executions set it;
    # anything reading the result as Python data (tests, scripts) leaves it off.
    kept_answers_as_json = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._object_plans: dict[tuple, builders.Builder | None] = {}
        self._readers: dict[tuple[int, str], Any] = {}
        self._envs = _Envs(self)

    def _unplanned(self) -> None:
        """Called while handling an exception that a builder raised but did not plan (not
        a ``Fallback``): a bug of the fast path. Raised under ``GRAPHQL_FAST_PATH_STRICT``
        (the tests), else logged; the general path answers."""
        if settings.GRAPHQL_FAST_PATH_STRICT:
            raise
        logger.exception("The GraphQL fast path failed unexpectedly; the general path "
                         "answers instead.")

    def _object_plan(self, return_type, field_nodes) -> builders.Builder | None:
        """The builder of the object (``builders.compile_builder``) when the fast path can
        build every selected field (and those of the objects below), else None."""
        # As graphql-core's own subfield cache: the node ids, not the list's.
        key = ((return_type, id(field_nodes[0])) if len(field_nodes) == 1
               else (return_type, *map(id, field_nodes)))
        try:
            return self._object_plans[key]
        except KeyError:
            pass
        self._object_plans[key] = None  # a selection that contains itself: general path
        entries: list[Entry] | None = []
        for response_key, nodes in self.collect_subfields(return_type, field_nodes).items():
            entry = self._entry(return_type, response_key, nodes)
            if entry is None:
                entries = None
                break
            entries.append(entry)
        made = builders.builder(return_type.name, entries) if entries is not None else None
        self._object_plans[key] = made
        return made

    def _entry(self, parent_type, response_key: str, nodes) -> Entry | None:
        name = nodes[0].name.value
        if name == "__typename":
            return Entry(response_key, key=(response_key, "__typename"))
        field_def = parent_type.fields.get(name)
        if field_def is None or self.middleware_manager is not None:
            return None
        read = field_read(field_def)
        if read is not None and read.global_id_node is not None:
            return Entry(response_key, read=read, key=(response_key, id(read)))
        complete = self._completion(field_def.type, nodes)
        if complete is None:
            return None
        if read is not None and complete.info_free:
            return Entry(response_key, read=read, completion=complete,
                         key=(response_key, id(read), id(complete)))
        if field_def.resolve is None:
            return None
        resolved = ResolvedField(field_def, nodes, parent_type, response_key)
        group = field_groups.membership(field_def.resolve)
        if group is not None and (any(node.arguments for node in nodes) or any(
                argument.default_value is not Undefined
                for argument in field_def.args.values())):
            group = None  # asked with arguments: its own resolver
        return Entry(response_key, resolved=resolved, completion=complete,
                     key=(response_key, id(field_def), *map(id, nodes), id(complete)),
                     group=group)

    def _completion(self, return_type, field_nodes) -> Completion | None:
        """How the builder completes a value of ``return_type``, or None. Completions are
        shared like builders, so that a builder's key stays the same."""
        non_null = is_non_null_type(return_type)
        inner = return_type.of_type if non_null else return_type
        if is_leaf_type(inner):
            return shared((id(return_type),), leaf_completion, inner, non_null)
        if isinstance(inner, GraphQLObjectType):
            made = self._object_plan(inner, field_nodes)
            if made is None:
                return None
            return shared((id(return_type), id(made)), object_completion, inner, made,
                          non_null)
        if isinstance(inner, GraphQLList):
            item = self._completion(inner.of_type, field_nodes)
            if item is None:
                return None
            return shared((id(return_type), id(item)), list_completion, item, non_null)
        return None  # interfaces and unions: the general path resolves their type

    def _resolver_env(self, field: ResolvedField) -> tuple[Any, dict[str, Any]]:
        """(ResolveInfo, arguments) of a resolved field (``_Envs`` keeps them)."""
        path = Path(None, field.response_key, field.parent_type.name)
        info = self.build_resolve_info(field.field_def, field.field_nodes, field.parent_type,
                                       path)
        args = get_argument_values(field.field_def, field.field_nodes[0],
                                   self.variable_values)
        return info, args

    def complete_object_value(self, return_type, field_nodes, info, path, result):
        made = self._object_plan(return_type, field_nodes)
        if made is not None and (return_type.is_type_of is None
                                 or return_type.is_type_of(result, info) is True):
            try:
                return made.build(result, self._envs)
            except Fallback:
                pass
            except Exception:
                self._unplanned()
        self.fallbacks += 1
        return super().complete_object_value(return_type, field_nodes, info, path, result)

    def complete_list_value(self, return_type, field_nodes, info, path, result):
        """A list the fast path can build (a product's variants) is built in one loop,
        without completing each item on its own; any item the fast path cannot answer
        sends the whole list down the general path."""
        completion = self._completion(return_type, field_nodes)
        if completion is not None:
            try:
                return completion.complete(result, info, self._envs)
            except Fallback:
                pass
            except Exception:
                self._unplanned()
        self.fallbacks += 1
        return super().complete_list_value(return_type, field_nodes, info, path, result)

    def _field_reader(self, parent_type, field_def):
        """The reader of a plain field on ``parent_type`` (cached), or None."""
        key = (id(field_def), parent_type.name)
        try:
            return self._readers[key]
        except KeyError:
            pass
        read = plain_field(field_def) if self.middleware_manager is None else None
        made = self._readers[key] = reader(read, parent_type.name) if read else None
        return made

    def execute_field(self, parent_type, source, field_nodes, path):
        field_def = get_field_def(self.schema, parent_type, field_nodes[0])
        read = self._field_reader(parent_type, field_def) if field_def else None
        if read is not None:
            try:
                return read(source)
            except Fallback:
                pass
            except Exception:
                self._unplanned()
            self.fallbacks += 1
        return super().execute_field(parent_type, source, field_nodes, path)

    def handle_field_error(self, error: GraphQLError, return_type: GraphQLOutputType,
                           path: Path | None = None) -> None:
        if path is None:
            path = _path_from_list(error.path)
        return super().handle_field_error(error, return_type, path)
