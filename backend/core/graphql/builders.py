"""The execution fast path's builders: generated code making the response objects of one
selection at once (``execution.py`` says when they are used and what happens otherwise).

For an object type and a selection, ``compile_builder`` generates two functions:

- ``build(source, env)``, the response object of one source;
- ``build_list(items, info, env, accepted, complete)``, those of a list of sources in one
  loop (a product's variants, a variant's price tiers): the same code inlined in the loop,
  so that an object costs a dict and its fields, not calls. An item of a class not yet
  ``accepted`` (None, a loader's future, a class not yet checked) is handed to
  ``complete``, the item type's completion, which checks it and accepts its class.

Inside, by field:

- **read off the source** (graphene's default resolver, no arguments): a scalar or enum
  (serialized inline: strings and booleans as they are, decimals by ``str``, the rest by
  the type's serializer), an object or a list of objects (completed inline, below), or a
  model type's Relay ``id`` (base64 of ``"Type:pk"`` in one step). All of an object's reads
  come first, as plain attribute reads; only if one is missing (or the source is a dict)
  are they read again as graphene reads them (a default, a dict's key);
- **with a resolver**: called with the execution's ``ResolveInfo`` and arguments (``env``,
  made once per execution), the value completed inline;
- **completing a value**: a scalar as above; an object whose class was accepted before is
  built by the nested builder directly; a list of objects by the nested list builder;
  anything else (a null, a future, a class not yet seen) by the completion functions,
  which apply every check of the general path (nulls in required fields, ``is_type_of``)
  and accept the class when the check depends on nothing else.

Anything the fast path cannot answer raises ``Fallback``, and the general path answers that
object (see ``execution.py``). Builders and completions are shared by all requests.
"""

from __future__ import annotations

import keyword
from base64 import b64encode
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

import orjson
from django.utils.functional import Promise
from graphene import ID, Boolean, Int, String
from graphene.types.decimal import Decimal as DecimalScalar
from graphene.types.schema import is_type_of_from_possible_types
from graphene_django.types import DjangoObjectType
from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLID,
    GraphQLInt,
    GraphQLLeafType,
    GraphQLString,
)
from graphql.pyutils import Undefined
from graphql_sync_dataloaders import SyncFuture

from .field_groups import FieldGroup, GroupRead
from .field_reads import (
    Fallback,
    FieldRead,
    field_read,
    plain_field,
    reader,
    serializer,
    uses_default_global_ids,
)

__all__ = ["Fallback", "FieldRead", "field_read", "plain_field", "reader",
           "uses_default_global_ids"]

_MIN_INT, _MAX_INT = -(2**31), 2**31 - 1

# Scalars whose serializer returns a value of this type unchanged: the built object
# takes such values as they are (integers only within GraphQL's 32 bits).
_IDENTITY_TYPES = {String.serialize: str, ID.serialize: str, Boolean.serialize: bool,
                   GraphQLString.serialize: str, GraphQLID.serialize: str,
                   GraphQLBoolean.serialize: bool}
_INT_SERIALIZERS = {Int.serialize, GraphQLInt.serialize}

# ``is_type_of`` functions whose answer depends on the value's class alone: a class they
# accepted once is accepted without asking again.
_DECIDED_BY_CLASS: set[Any] = {DjangoObjectType.is_type_of.__func__}


def decided_by_class(is_type_of):
    """Mark an ``is_type_of`` whose answer depends only on the value's class (decorate the
    function under ``@classmethod``): the fast path then asks it once per class."""
    _DECIDED_BY_CLASS.add(is_type_of)
    return is_type_of


# Classes whose objects never change once built (``answers_kept``): a pure builder keeps
# its answer on such an object and answers it again; those of them that are lists.
_KEPT_ANSWERS: set[type] = set()
_KEPT_LISTS: set[type] = set()
# Answers kept per object (its selections), the oldest dropped beyond.
_ANSWERS_PER_OBJECT = 4


def answers_kept(cls):
    """Mark a class whose objects never change once built (nor the objects and lists they
    hold) and whose fields are plain data (no properties): a builder that only reads
    fields (no resolver, so no arguments, no errors but a refused value, which is never
    kept) keeps the answer it built in the object's ``built_answers`` (a slot, None at
    first), per builder, and returns that same dict to every later request. Objects kept
    between requests (the viewers' prices) then cost a lookup, not a build. A ``list``
    subclass so marked (its items never change either) keeps its built list alike."""
    if "built_answers" not in getattr(cls, "__slots__", ()):
        raise TypeError(f"{cls.__name__} needs a `built_answers` slot to keep answers")
    _KEPT_ANSWERS.add(cls)
    if issubclass(cls, list):
        _KEPT_LISTS.add(cls)
    return cls


def _by_class(is_type_of) -> bool:
    if is_type_of is None:
        return True
    if isinstance(is_type_of, partial):
        return is_type_of.func is is_type_of_from_possible_types
    return getattr(is_type_of, "__func__", is_type_of) in _DECIDED_BY_CLASS


class Completion:
    """How a builder completes a value of one output type. ``complete(value, info, env)``
    applies every check; the rest lets generated code skip them for accepted classes.
    ``info_free``: ``complete`` never reads ``info`` (it may be None)."""

    __slots__ = (
        "accepted",
        "answers",
        "build",
        "build_list",
        "complete",
        "info_free",
        "item",
        "kept_keys",
        "kept_list",
        "kind",
        "leaf_type",
        "non_null",
        "pure",
    )

    def __init__(self, complete, kind: str, non_null: bool, info_free: bool, leaf_type=None,
                 build=None, build_list=None, accepted=None, item=None, answers=None,
                 pure: bool = True, kept_list=None, kept_keys=None) -> None:
        self.complete, self.kind, self.info_free = complete, kind, info_free
        self.non_null, self.answers, self.pure = non_null, answers, pure
        self.leaf_type, self.build, self.build_list = leaf_type, build, build_list
        self.accepted, self.item = accepted, item
        # A list of objects: the completion of a kept list (``_kept_list``), or None.
        self.kept_list = kept_list
        # The keys (of Python data, of JSON) under which the answers of kept objects or
        # lists so completed are kept in their ``built_answers``; None: never kept.
        self.kept_keys = kept_keys


def leaf_completion(leaf_type: GraphQLLeafType, non_null: bool) -> Completion:
    serialize = serializer(leaf_type)
    # An enum's answers by the strings it was given (only those it accepted), for the
    # generated code to look up.
    answers: dict[str, Any] | None = {} if isinstance(leaf_type, GraphQLEnumType) else None

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
        if answers is not None and type(value) is str:
            answers[value] = serialized
        return serialized

    return Completion(complete, "leaf", non_null, True, leaf_type=leaf_type, answers=answers)


def object_completion(object_type, made: Builder, non_null: bool) -> Completion:
    is_type_of = object_type.is_type_of
    by_class = _by_class(is_type_of)
    accepted: set[type] = set()
    build = made.build

    def complete(value, info, env):
        if value is None:
            if non_null:
                raise Fallback
            return None
        kind = type(value)
        if kind not in accepted:
            if isinstance(value, SyncFuture):
                raise Fallback
            if is_type_of is not None:
                try:
                    same_type = is_type_of(value, info) is True
                except Exception as error:  # graphene refuses a foreign value: reported there
                    raise Fallback from error
                if not same_type:
                    raise Fallback
            if by_class:
                accepted.add(kind)
        return build(value, env)

    return Completion(complete, "object", non_null, by_class, build=build,
                      build_list=made.build_list, accepted=accepted, pure=made.pure,
                      kept_keys=made.kept_keys)


def list_completion(item: Completion, non_null: bool) -> Completion:
    if item.kind == "object":
        build_list, accepted, complete_item = item.build_list, item.accepted, item.complete

        # A list of an ``answers_kept`` class (a ``list`` subclass with the slot) keeps its
        # answer like an object, when its items' answers depend on them alone.
        keeps = item.pure and item.info_free

        def complete(value, info, env):
            if value is None:
                if non_null:
                    raise Fallback
                return None
            kind = type(value)
            if kind is not list and kind is not tuple:
                if kind not in _KEPT_ANSWERS or not isinstance(value, list):
                    raise Fallback  # futures, querysets, generators: the general path
                if keeps:
                    return _kept_list(value, info, env)
                # its items' answers need more than the items (a resolver, the info):
                # built each time, like a plain list's
            return build_list(value, info, env, accepted, complete_item)

        json_key = (build_list, "json")

        def _kept_list(value, info, env):
            key = json_key if env.as_json else build_list
            kept = value.built_answers
            if kept is not None:
                answer = kept.get(key)
                if answer is not None:
                    return answer
                if len(kept) >= _ANSWERS_PER_OBJECT:
                    kept.clear()
            answer = build_list(value, info, env, accepted, complete_item)
            if key is json_key:
                answer = as_json(answer)
            if kept is None:
                value.built_answers = {key: answer}
            else:
                kept[key] = answer
            return answer

        return Completion(complete, "list", non_null, item.info_free, item=item,
                          pure=item.pure, kept_list=_kept_list if keeps else None,
                          kept_keys=(build_list, json_key) if keeps else None)
    complete_item = item.complete

    def complete_leaves(value, info, env):
        if value is None:
            if non_null:
                raise Fallback
            return None
        if type(value) is not list and type(value) is not tuple:
            raise Fallback
        return [complete_item(one, info, env) for one in value]

    return Completion(complete_leaves, "list", non_null, item.info_free, item=item,
                      pure=item.pure)


class ResolvedField:
    """A field of a built object that has its own resolver: the builder calls it with
    the ``ResolveInfo`` and arguments of ``env[field]`` (made once per execution). Such a
    resolver sees the field's own key as ``info.path``, not the whole path."""

    __slots__ = ("field_def", "field_nodes", "parent_type", "response_key")

    def __init__(self, field_def, field_nodes, parent_type, response_key):
        self.field_def = field_def
        self.field_nodes = field_nodes
        self.parent_type = parent_type
        self.response_key = response_key


class Entry(NamedTuple):
    response_key: str
    read: FieldRead | None = None  # read off the source...
    resolved: ResolvedField | None = None  # ...or by a resolver (neither: __typename)
    completion: Completion | None = None
    key: tuple = ()  # what identifies the entry among compiled builders
    # A resolved field read with others (``field_groups``): its group and place there.
    group: tuple[FieldGroup, int] | None = None


class Builder(NamedTuple):
    build: Any
    build_list: Any
    # Reads only, and so do the builders below: the answer depends on the source alone.
    pure: bool = False
    # A pure builder's keys of the answers it keeps (``build_kept``): (Python, JSON).
    kept_keys: tuple | None = None


def _completed(name: str, i: int, completion: Completion, info: str,
               namespace: dict[str, Any]) -> list[str]:
    """Lines completing the value in ``name`` (``info``: the expression of its info)."""
    namespace[f"c{i}"] = completion.complete
    non_null = completion.non_null
    null = [f"elif {name} is None:", "    raise Fallback" if non_null else "    pass"]
    full = ["else:", f"    {name} = c{i}({name}, {info}, env)"]
    if completion.kind == "leaf":
        leaf_type = completion.leaf_type
        serialize = getattr(leaf_type.serialize, "__func__", leaf_type.serialize)
        identity = _IDENTITY_TYPES.get(serialize)
        if identity is not None:
            namespace[f"t{i}"] = identity
            return [f"if type({name}) is t{i}:", "    pass", *null, *full]
        if serialize is DecimalScalar.serialize:
            return [f"if type({name}) is Decimal:", f"    {name} = str({name})", *null, *full]
        if serialize in _INT_SERIALIZERS:
            return [f"if type({name}) is int and {_MIN_INT} <= {name} <= {_MAX_INT}:",
                    "    pass", *null, *full]
        if isinstance(leaf_type, GraphQLEnumType):
            # The serializer's own answers, by value (a string read from the database).
            namespace[f"m{i}"] = completion.answers
            return [f"if type({name}) is str and {name} in m{i}:",
                    f"    {name} = m{i}[{name}]", *null, *full]
        return [f"if {name} is None:", "    raise Fallback" if non_null else "    pass",
                *full]
    if completion.kind == "object":
        namespace[f"a{i}"], namespace[f"b{i}"] = completion.accepted, completion.build
        build = [f"{name} = b{i}({name}, env)"]
        if completion.kept_keys is not None:
            build = _kept_lookup(name, i, completion.kept_keys, "KEPT", build, namespace)
        return [f"if type({name}) in a{i}:", *_indented(build), *null, *full]
    item = completion.item
    if item is not None and item.kind == "object":
        namespace[f"l{i}"], namespace[f"la{i}"] = item.build_list, item.accepted
        namespace[f"lc{i}"] = item.complete
        lines = [f"if type({name}) is list:",
                 f"    {name} = l{i}({name}, {info}, env, la{i}, lc{i})"]
        if completion.kept_list is not None and completion.kept_keys is not None:
            namespace[f"kl{i}"] = completion.kept_list
            lines += [f"elif type({name}) in KEPT_LISTS:", *_indented(_kept_lookup(
                name, i, completion.kept_keys, "KEPT_LISTS",
                [f"{name} = kl{i}({name}, {info}, env)"], namespace))]
        return [*lines, *null, *full]
    return [f"if {name} is None:", "    raise Fallback" if non_null else "    pass", *full]


def _kept_lookup(name: str, i: int, keys: tuple, kept: str, build: list[str],
                 namespace: dict[str, Any]) -> list[str]:
    """Lines answering an object of a kept class (``kept``: the set of those classes) by
    its kept answer when it has one, else by ``build`` (which keeps it): the lookup of
    ``build_kept`` and ``_kept_list``, inline (a catalog page makes 2,000 of them)."""
    namespace["KEPT"], namespace["KEPT_LISTS"] = _KEPT_ANSWERS, _KEPT_LISTS
    namespace[f"K{i}"], namespace[f"J{i}"] = keys
    check = f"type({name}) in {kept} and " if kept == "KEPT" else ""
    return [f"if {check}({name}_ := {name}.built_answers) is not None and ("
            f"{name}_ := {name}_.get(J{i} if env.as_json else K{i})) is not None:",
            f"    {name} = {name}_", "else:", *_indented(build)]


_PLANNED = ["except Exception as error:", "    raise Fallback from error"]


def _indented(lines: list[str], depth: int = 1) -> list[str]:
    return [f"{'    ' * depth}{line}" for line in lines]


def _read_lines(entries: list[Entry], namespace: dict[str, Any]) -> list[str]:
    """Lines reading every field read off the source: plain attribute reads first, and
    only when one is missing graphene's reads with defaults (a dict: its keys)."""
    direct, defaulted, from_dict = [], [], []
    for i, entry in enumerate(entries):
        read = entry.read
        if read is None:
            continue
        name = f"v{i}"
        if read.global_id_node is not None:
            line = f"{name} = source.pk"
            direct.append(line), defaulted.append(line), from_dict.append(line)
            continue
        namespace[f"d{i}"] = read.default
        attname = read.attname
        getter = f"{name} = getattr(source, {attname!r}, d{i})"
        plain = attname.isidentifier() and not keyword.iskeyword(attname)
        direct.append(f"{name} = source.{attname}" if plain else getter)
        defaulted.append(getter)
        from_dict.append(f"{name} = source.get({attname!r}, d{i})" if read.from_dicts
                         else getter)
    if not direct:
        return []
    if defaulted == direct:
        lines = ["try:", *_indented(direct), *_PLANNED]
    else:
        lines = ["try:", *_indented(direct), "except AttributeError:", "    try:",
                 *_indented(defaulted, 2), *_indented(_PLANNED), *_PLANNED]
    if from_dict == defaulted:
        return lines
    return ["if isinstance(source, dict):", "    try:", *_indented(from_dict, 2),
            *_indented(_PLANNED), "else:", *_indented(lines)]


def _body(type_name: str, entries: list[Entry], namespace: dict[str, Any]
          ) -> tuple[list[str], list[str], str]:
    """The lines making the response object of ``source``, and its expression; and the
    lines to run first, once for any number of sources (``env``'s lookups)."""
    lines = _read_lines(entries, namespace)
    first: list[str] = []
    groups: dict[FieldGroup, list[int]] = {}
    for i, entry in enumerate(entries):
        if entry.group is not None:
            groups.setdefault(entry.group[0], []).append(i)
    result = []
    for i, entry in enumerate(entries):
        name = f"v{i}"
        if entry.resolved is None and entry.read is None:  # __typename
            result.append(f"{entry.response_key!r}: {type_name!r}")
            continue
        result.append(f"{entry.response_key!r}: {name}")
        read = entry.read
        if read is not None and read.global_id_node is not None:
            node = read.global_id_node
            if uses_default_global_ids(node):
                namespace[f"p{i}"] = f"{type_name}:"
                lines.append(f"{name} = b64encode((p{i} + str({name})).encode()).decode()")
            else:
                namespace[f"g{i}"] = node.to_global_id
                lines += ["try:", f"    {name} = g{i}({type_name!r}, {name})", *_PLANNED]
            continue
        if entry.group is not None:
            members = groups[entry.group[0]]
            if i == members[0]:  # the whole group here, at its first field
                lines += _group_lines(members, entries, first, namespace)
            continue
        if entry.resolved is not None:
            lines += _resolved_lines(i, entry, first, namespace)
            lines += _completed(name, i, entry.completion, f"e{i}[0]", namespace)
            continue
        # Read off the source; objects so read have completions that need no info.
        lines += _completed(name, i, entry.completion, "None", namespace)
    return first, lines, f"{{{', '.join(result)}}}"


def _resolved_lines(i: int, entry: Entry, first: list[str], namespace: dict[str, Any]
                    ) -> list[str]:
    """Lines calling the resolver of ``entry`` into ``v{i}`` (its ``env`` looked up first).
    A resolver's error is reported at its path by the general path."""
    resolved = entry.resolved
    assert resolved is not None
    namespace[f"k{i}"], namespace[f"f{i}"] = resolved, resolved.field_def.resolve
    first.append(f"e{i} = env[k{i}]")
    arguments = f", **e{i}[1]" if resolved.field_def.args else ""
    return ["try:", f"    v{i} = f{i}(source, e{i}[0]{arguments})", *_PLANNED]


def _group_lines(members: list[int], entries: list[Entry], first: list[str],
                 namespace: dict[str, Any]) -> list[str]:
    """Lines answering the fields of one group (``field_groups``) in ``v{i}`` for each
    member ``i``: the group's read once, each member's resolver only when it reads
    nothing. When every member's answer depends on its value alone and the read is of an
    ``answers_kept`` class, the members' answers are kept on it, per builder, like a
    kept object's: a page of kept reads then costs a lookup per source, not one per
    field (each a few objects apart in memory: on a catalog page of 500 variants, those
    reads were most of what its viewer's fields cost)."""
    j = members[0]
    group = entries[j].group
    resolved = entries[j].resolved
    assert group is not None and resolved is not None
    namespace[f"G{j}"] = GroupRead(group[0], resolved)
    first.append(f"r{j} = env[G{j}]")
    built: list[str] = []
    for i in members:
        entry = entries[i]
        assert entry.group is not None and entry.completion is not None
        built += [f"if w{j} is None:", *_indented(_resolved_lines(i, entry, first, namespace)),
                  "else:", f"    v{i} = w{j}[{entry.group[1]}]",
                  *_completed(f"v{i}", i, entry.completion, f"e{i}[0]", namespace)]
    # A read never raises (``field_groups``): one that does is a bug of the fast path.
    lines = [f"w{j} = None if r{j} is None else r{j}(source)"]
    if not all(entries[i].completion.pure and entries[i].completion.info_free
               for i in members):
        return lines + built
    namespace.update(KEPT=_KEPT_ANSWERS, keep_answer=_keep_answer)
    namespace[f"GK{j}"], namespace[f"GJ{j}"] = object(), object()
    answers = ", ".join(f"v{i}" for i in members)
    return [*lines,
            f"if type(w{j}) in KEPT and (x{j} := w{j}.built_answers) is not None and ("
            f"x{j} := x{j}.get(GJ{j} if env.as_json else GK{j})) is not None:",
            f"    {answers}, = x{j}",
            "else:", *_indented(built),
            f"    if type(w{j}) in KEPT:",
            f"        {answers}, = keep_answer(w{j}, GK{j}, GJ{j}, env, ({answers},))"]


def _keep_answer(source: Any, key: object, json_key: object, env: Any, answer: tuple
                 ) -> tuple:
    """Keep ``answer`` on ``source`` (an ``answers_kept`` object) under ``key``, or as
    JSON (objects and lists serialized once, ``as_json``) under ``json_key``."""
    if env.as_json:
        key = json_key
        answer = tuple(as_json(value) if type(value) is dict or type(value) is list
                       else value for value in answer)
    kept = source.built_answers
    if kept is None:
        source.built_answers = {key: answer}
        return answer
    if len(kept) >= _ANSWERS_PER_OBJECT:
        kept.clear()
    kept[key] = answer
    return answer


def _pure(entries: list[Entry]) -> bool:
    """Whether every field is read off the source (or is ``__typename``), down to the
    leaves: the built answer is then a function of the source's fields alone."""
    return all(entry.resolved is None and (entry.completion is None or entry.completion.pure)
               for entry in entries)


# A pure builder's answer for an object of an ``answers_kept`` class: the one it kept on
# the object, else built and kept (``build_new``: the builder's own body).
_KEPT_FUNCTION = [
    "def build_kept(source, env):",
    "    key = JSON_KEY if env.as_json else KEY",
    "    kept = source.built_answers",
    "    if kept is not None:",
    "        answer = kept.get(key)",
    "        if answer is not None:",
    "            return answer",
    "        if len(kept) >= LIMIT:",
    "            kept.clear()",
    "    answer = build_new(source, env)",  # a refused value raises: nothing kept
    "    if key is JSON_KEY:",
    "        answer = as_json(answer)",
    "    if kept is None:",
    "        source.built_answers = {key: answer}",
    "    else:",
    "        kept[key] = answer",
    "    return answer",
]


def as_json(answer: Any) -> orjson.Fragment:
    """A kept answer as its JSON, serialized once: a page of kept answers then costs the
    response's encoder a copy of their bytes, not a walk of their dicts (about 3 ms of a
    catalog page with prices and stock). Only the view's executions ask for it
    (``env.as_json``): the answer is then no longer a dict to read."""
    return orjson.Fragment(orjson.dumps(answer, default=_lazy_text))


def _lazy_text(value: Any) -> str:
    if isinstance(value, Promise):  # a lazy translation
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def compile_builder(type_name: str, entries: list[Entry]) -> Builder:
    """The generated ``build`` and ``build_list`` of this selection (module docstring)."""
    namespace: dict[str, Any] = {"Fallback": Fallback, "Decimal": Decimal,
                                 "b64encode": b64encode}
    first, body, made = _body(type_name, entries, namespace)
    pure = _pure(entries)
    loop = ["        if type(source) not in accepted:",
            "            append(complete(source, info, env))", "            continue"]
    lines = ["def build(source, env):", *_indented(first), *_indented(body),
             f"    return {made}"]
    if pure:
        # The key lives as long as this builder: a builder made again keeps anew. Objects
        # of other classes are built inline, as by any builder.
        namespace.update(KEPT=_KEPT_ANSWERS, KEY=object(), JSON_KEY=object(),
                         LIMIT=_ANSWERS_PER_OBJECT, as_json=as_json)
        lines = ["def build_new(source, env):", *lines[1:], *_KEPT_FUNCTION,
                 "def build(source, env):", "    if type(source) in KEPT:",
                 "        return build_kept(source, env)", *_indented(body),
                 f"    return {made}"]
        loop += ["        if type(source) in KEPT:",
                 "            append(build_kept(source, env))", "            continue"]
    lines += ["def build_list(items, info, env, accepted, complete):", *_indented(first),
              "    built = []", "    append = built.append", "    for source in items:",
              *loop, *_indented(body, 2), f"        append({made})", "    return built"]
    exec(compile("\n".join(lines), f"<object builder {type_name}>", "exec"), namespace)
    return Builder(namespace["build"], namespace["build_list"], pure,
                   (namespace["KEY"], namespace["JSON_KEY"]) if pure else None)


_builders: dict[tuple, Any] = {}
_MAX_BUILDERS = 4096


def shared(key: tuple, make, *args):
    """``make(*args)``, made once per ``key`` and kept with the builders."""
    key = ("completion", make.__name__, *key)
    made = _builders.get(key)
    if made is None:
        made = _builders[key] = make(*args)
    return made


def builder(type_name: str, entries: list[Entry]) -> Builder:
    """The compiled builder for this selection, shared by every request. Entries are
    identified by objects that live as long as the builder (field reads live as long as
    the schema; a resolved field holds its document's nodes; completions are kept here),
    so their ids are stable."""
    key = (type_name, *(entry.key for entry in entries))
    made = _builders.get(key)
    if made is None:
        if len(_builders) >= _MAX_BUILDERS:  # arbitrary documents: stay bounded
            _builders.clear()
        made = _builders[key] = compile_builder(type_name, entries)
    return made
