"""The execution context: batching data loaders, and a fast path that builds objects.

- Data loaders: graphql-sync-dataloaders' ``DeferredExecutionContext`` resolves
  ``SyncFuture`` values after each level, so loaders batch a whole page.
- Compatibility: that context calls ``handle_field_error(error, return_type)``, the
  graphql-core 3.2.3 signature; 3.2.4 added ``path``. We accept both and rebuild the path.
- Fast path. graphql-core completes every field of every object on its own (a path, a
  ``ResolveInfo``, argument coercion, a resolver call, a completion): on a catalog page of
  100 products with 500 variants that machinery, not the data, was most of the time.
  Instead, for each object type and selection the context compiles a *builder*, a
  generated function that makes the response object of one source at once:

  - a plain field (graphene's default attribute resolver, no arguments, a scalar or enum
    type, or a model type's Relay ``id``) is read and serialized by inline code;
  - a field with a resolver (or an object-valued attribute) calls the resolver with a
    ``ResolveInfo`` and arguments made once per execution, and completes the value with
    the builder of the object below (lists item by item). Such a resolver sees the
    field's own key as ``info.path``, not the whole path (nothing here reads it).

  Builders are shared by all requests (keyed by the selection). Lists of objects are built
  in one loop. Anything a builder cannot answer (a null in a required field, a value that
  does not serialize, an error in a resolver, a loader's pending future, an interface or
  union, an iterable that is not a list) makes it raise ``Fallback``, and that object is
  completed by the general path, which then reports errors at their exact paths. Results
  and errors are the same either way (``tests/test_execution_fast_path.py``). With
  graphene middleware configured, the fast path is off.
- Not failing silently: each execution counts its fallbacks (``fallbacks``, one increment
  on the general path only); tests require none on every root list and on the catalog
  page. Any other exception from a builder is a bug of the fast path: logged (the general
  path answers), or raised under ``GRAPHQL_FAST_PATH_STRICT`` (on in the tests).
"""

from __future__ import annotations

import logging
from base64 import b64encode
from decimal import Decimal
from enum import Enum
from functools import partial
from typing import Any, NamedTuple

from django.conf import settings
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
    GraphQLList,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLString,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.execute import get_field_def
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined
from graphql_sync_dataloaders import DeferredExecutionContext, SyncFuture

logger = logging.getLogger(__name__)

_DEFAULT_RESOLVERS = (dict_or_attr_resolver, attr_resolver)


class _PlainField(NamedTuple):
    attname: str
    default: Any
    leaf_type: GraphQLLeafType
    non_null: bool
    # A model type's Relay ``id``: the global id of ``source.pk`` (node.to_global_id).
    global_id_node: Any = None


# Keyed by id (graphql-core's fields are not hashable); each entry holds its field, so
# that an id is never reused by another field (a schema made and dropped, as tests do).
_plans: dict[int, tuple[GraphQLField, _PlainField | None]] = {}


def _plain_field(field_def: GraphQLField) -> _PlainField | None:
    """How to read ``field_def`` directly, or ``None`` when it needs the general path."""
    key = id(field_def)
    known = _plans.get(key)
    if known is not None:
        return known[1]
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
    _plans[key] = (field_def, plan)
    return plan


class Fallback(Exception):
    """A planned fallback: the fast path cannot answer this object (a null in a required
    field, a value that does not serialize, an error raised by a resolver or by reading
    an attribute, a loader's pending future, an object of another type, an iterable that
    is not a list), and the general path will, reporting any error at its path. Builders
    raise only this on purpose; anything else they raise is a bug in the fast path
    (``GRAPHQL_FAST_PATH_STRICT`` lets it propagate)."""


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


def _serializer(leaf_type: GraphQLLeafType):
    serialize = leaf_type.serialize
    if isinstance(leaf_type, GraphQLEnumType):
        return _memoized(serialize)
    if serialize is DecimalScalar.serialize:
        return _decimal_serializer(serialize)
    return serialize


def _reader(plan: _PlainField, type_name: str):
    """A function reading one plain field off a source object."""
    if plan.global_id_node is not None:
        return _global_id_reader(plan.global_id_node, type_name)
    attname, default, non_null = plan.attname, plan.default, plan.non_null
    serialize = _serializer(plan.leaf_type)

    def read(source):
        try:
            if isinstance(source, dict):
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

    return read


# Scalars whose serializer returns a value of this type unchanged: the built object
# takes such values as they are.
_IDENTITY_TYPES = {String.serialize: str, ID.serialize: str, Boolean.serialize: bool,
                   GraphQLString.serialize: str, GraphQLID.serialize: str,
                   GraphQLBoolean.serialize: bool}


class _ResolvedField:
    """A field of a built object that has its own resolver (or returns an object): the
    builder calls the resolver and completes the value. Its ``ResolveInfo`` and
    arguments are made once per execution (``PortalExecutionContext._resolver_env``)."""

    __slots__ = ("field_def", "field_nodes", "parent_type", "response_key")

    def __init__(self, field_def, field_nodes, parent_type, response_key):
        self.field_def = field_def
        self.field_nodes = field_nodes
        self.parent_type = parent_type
        self.response_key = response_key


class _Entry(NamedTuple):
    response_key: str
    plain: _PlainField | None = None  # a plain field...
    reader: Any = None  # ...and its reader
    resolved: _ResolvedField | None = None  # or a field with a resolver...
    complete: Any = None  # ...and the completion of its value
    key: tuple = ()  # what identifies the entry among compiled builders


def _compile_builder(type_name: str, entries: list[_Entry]):
    """A function ``build(source, env)`` making the response object of one source.

    The function is generated so that reading and serializing each plain field is inline
    code rather than a call: on a page of 700 objects the calls were most of the work. A
    source that is a dict (graphene objects built from dicts) has its plain fields read by
    the readers. Fields with resolvers call them with the execution's ``ResolveInfo`` and
    arguments (``env(field)``) and complete the value by nested builders. Anything the
    fast path cannot answer raises, and the caller takes the general path.
    """
    namespace: dict[str, Any] = {"Fallback": Fallback, "Undefined": Undefined,
                                 "Decimal": Decimal, "b64encode": b64encode}
    reads: list[str] = []  # attribute reads: a property that raises is a planned fallback
    checks: list[str] = []  # nulls and serialization of what was read
    from_dict: list[str] = []
    resolved: list[str] = []
    result: list[str] = []
    planned = ["except Exception as error:", "    raise Fallback from error"]
    for i, entry in enumerate(entries):
        result.append(f"{entry.response_key!r}: v{i}")
        if entry.resolved is not None:
            namespace[f"k{i}"] = entry.resolved
            namespace[f"f{i}"] = entry.resolved.field_def.resolve
            namespace[f"c{i}"] = entry.complete
            # A resolver's error is reported at its path by the general path.
            resolved += [f"    e = env(k{i})", "    try:",
                         f"        v{i} = f{i}(source, e[0], **e[1])",
                         *(f"    {line}" for line in planned),
                         f"    v{i} = c{i}(v{i}, e[0], env)"]
            continue
        plan = entry.plain
        if plan is None:  # __typename
            namespace[f"v{i}"] = type_name
            continue
        namespace[f"r{i}"] = entry.reader
        from_dict.append(f"        v{i} = r{i}(source)")
        if plan.global_id_node is not None:
            if _uses_default_global_ids(plan.global_id_node):
                namespace[f"p{i}"] = f"{type_name}:"
                checks.append(f"v{i} = b64encode((p{i} + str(source.pk)).encode()).decode()")
            else:
                reads.append(f"v{i} = r{i}(source)")
            continue
        namespace[f"d{i}"] = plan.default
        namespace[f"s{i}"] = serialize = _serializer(plan.leaf_type)
        reads.append(f"v{i} = getattr(source, {plan.attname!r}, d{i})")
        checks += [f"if v{i} is None:",
                   "    raise Fallback" if plan.non_null else "    pass"]
        identity = _IDENTITY_TYPES.get(getattr(serialize, "__func__", serialize))
        if identity is not None:
            namespace[f"t{i}"] = identity
            checks += [f"elif type(v{i}) is t{i}:", "    pass"]
        elif plan.leaf_type.serialize is DecimalScalar.serialize:
            checks += [f"elif type(v{i}) is Decimal:", f"    v{i} = str(v{i})"]
        checks += ["else:", "    try:", f"        v{i} = s{i}(v{i})",
                   *(f"    {line}" for line in planned),
                   f"    if v{i} is None or v{i} is Undefined:",
                   "        raise Fallback"]
    inline = (["try:", *(f"    {line}" for line in reads), *planned] if reads else []) + checks
    lines = ["def build(source, env):"]
    if from_dict:
        lines += ["    if type(source) is dict:", *from_dict, "    else:",
                  *(f"        {line}" for line in inline)]
    else:
        lines += [f"    {line}" for line in inline]
    lines += resolved
    lines.append(f"    return {{{', '.join(result)}}}")
    exec(compile("\n".join(lines), f"<object builder {type_name}>", "exec"), namespace)
    return namespace["build"]


_builders: dict[tuple, Any] = {}
_MAX_BUILDERS = 4096


def _shared(key: tuple, make, *args):
    """``make(*args)``, made once per ``key`` and kept with the builders."""
    key = ("completion", make.__name__, *key)
    made = _builders.get(key)
    if made is None:
        made = _builders[key] = make(*args)
    return made


def _builder(type_name: str, entries: list[_Entry]):
    """The compiled builder for this selection, shared by every request. Entries are
    identified by objects that live as long as the builder (field plans live as long as
    the schema; a resolved field holds its document's nodes), so their ids are stable."""
    key = (type_name, *(entry.key for entry in entries))
    build = _builders.get(key)
    if build is None:
        if len(_builders) >= _MAX_BUILDERS:  # arbitrary documents: stay bounded
            _builders.clear()
        build = _builders[key] = _compile_builder(type_name, entries)
    return build


def _leaf_completion(leaf_type, non_null: bool):
    serialize = _serializer(leaf_type)

    def complete(value, info, env):
        if value is None:
            if non_null:
                raise Fallback
            return None
        if isinstance(value, SyncFuture):
            raise Fallback
        try:
            serialized = serialize(value)
        except Exception as error:  # a value that does not serialize: reported there
            raise Fallback from error
        if serialized is None or serialized is Undefined:
            raise Fallback
        return serialized

    return complete


def _object_completion(object_type, build, non_null: bool):
    is_type_of = object_type.is_type_of

    def complete(value, info, env):
        if value is None:
            if non_null:
                raise Fallback
            return None
        if isinstance(value, SyncFuture):
            raise Fallback
        if is_type_of is not None:
            try:
                same_type = is_type_of(value, info) is True
            except Exception as error:  # graphene refuses a foreign value: reported there
                raise Fallback from error
            if not same_type:
                raise Fallback
        return build(value, env)

    return complete


def _list_completion(complete_item, non_null: bool):
    def complete(value, info, env):
        if value is None:
            if non_null:
                raise Fallback
            return None
        if type(value) is not list and type(value) is not tuple:
            raise Fallback  # futures, querysets, generators: the general path
        return [complete_item(item, info, env) for item in value]

    return complete


def _path_from_list(keys) -> Path | None:
    path = None
    for key in keys or ():
        path = Path(path, key, None)
    return path


class PortalExecutionContext(DeferredExecutionContext):
    _object_plans: dict[tuple, Any]
    _readers: dict[tuple[int, str], Any]
    # Objects, lists and plain fields of this execution that the fast path handed to the
    # general path (counted on that path only). Tests require none on every root list
    # and on the catalog page: the fast path must not quietly stop being used.
    fallbacks = 0

    def _unplanned(self) -> None:
        """Called while handling an exception that a builder raised but did not plan (not
        a ``Fallback``): a bug of the fast path. Raised under ``GRAPHQL_FAST_PATH_STRICT``
        (the tests), else logged; the general path answers."""
        if settings.GRAPHQL_FAST_PATH_STRICT:
            raise
        logger.exception("The GraphQL fast path failed unexpectedly; the general path "
                         "answers instead.")

    def _object_plan(self, return_type, field_nodes):
        """A function building the object (``_compile_builder``) when the fast path can
        build every selected field (and those of the objects below), else None."""
        if not hasattr(self, "_object_plans"):
            self._object_plans = {}
        # As graphql-core's own subfield cache: the node ids, not the list's.
        key = ((return_type, id(field_nodes[0])) if len(field_nodes) == 1
               else (return_type, *map(id, field_nodes)))
        try:
            return self._object_plans[key]
        except KeyError:
            pass
        self._object_plans[key] = None  # a selection that contains itself: general path
        entries: list[_Entry] | None = []
        for response_key, nodes in self.collect_subfields(return_type, field_nodes).items():
            entry = self._entry(return_type, response_key, nodes)
            if entry is None:
                entries = None
                break
            entries.append(entry)
        build = _builder(return_type.name, entries) if entries is not None else None
        self._object_plans[key] = build
        return build

    def _entry(self, parent_type, response_key: str, nodes) -> _Entry | None:
        name = nodes[0].name.value
        if name == "__typename":
            return _Entry(response_key, key=(response_key, "__typename"))
        field_def = parent_type.fields.get(name)
        if field_def is None:
            return None
        read = self._field_reader(parent_type, field_def)
        if read is not None:
            plan = _plain_field(field_def)
            return _Entry(response_key, plain=plan, reader=read,
                          key=(response_key, id(plan)))
        if field_def.resolve is None or self.middleware_manager is not None:
            return None
        complete = self._completion(field_def.type, nodes)
        if complete is None:
            return None
        resolved = _ResolvedField(field_def, nodes, parent_type, response_key)
        return _Entry(response_key, resolved=resolved, complete=complete,
                      key=(response_key, id(field_def), *map(id, nodes), id(complete)))

    def _completion(self, return_type, field_nodes):
        """How the builder completes a resolved value of ``return_type``, or None.
        Completions are shared like builders, so that a builder's key stays the same."""
        non_null = is_non_null_type(return_type)
        inner = return_type.of_type if non_null else return_type
        if is_leaf_type(inner):
            return _shared((id(return_type),), _leaf_completion, inner, non_null)
        if isinstance(inner, GraphQLObjectType):
            build = self._object_plan(inner, field_nodes)
            if build is None:
                return None
            return _shared((id(return_type), id(build)), _object_completion, inner, build,
                           non_null)
        if isinstance(inner, GraphQLList):
            item = self._completion(inner.of_type, field_nodes)
            if item is None:
                return None
            return _shared((id(return_type), id(item)), _list_completion, item, non_null)
        return None  # interfaces and unions: the general path resolves their type

    def _resolver_env(self, field: _ResolvedField):
        """(ResolveInfo, arguments) of a resolved field, made once per execution."""
        try:
            return self._envs[field]
        except AttributeError:
            self._envs: dict[_ResolvedField, tuple] = {}
        except KeyError:
            pass
        path = Path(None, field.response_key, field.parent_type.name)
        info = self.build_resolve_info(field.field_def, field.field_nodes, field.parent_type,
                                       path)
        args = get_argument_values(field.field_def, field.field_nodes[0],
                                   self.variable_values)
        env = self._envs[field] = (info, args)
        return env

    def complete_object_value(self, return_type, field_nodes, info, path, result):
        plan = self._object_plan(return_type, field_nodes)
        if plan is not None and (return_type.is_type_of is None
                                 or return_type.is_type_of(result, info) is True):
            try:
                return plan(result, self._resolver_env)
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
        complete = self._completion(return_type, field_nodes)
        if complete is not None:
            try:
                return complete(result, info, self._resolver_env)
            except Fallback:
                pass
            except Exception:
                self._unplanned()
        self.fallbacks += 1
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
