"""Query cost and query fields: what a document asks of the server, checked before it runs.

**Cost** estimates the work in units of one returned object. Each selected field costs 1
plus its declared *weight*; a field with ``first``/``last`` multiplies its items' cost
(a connection's ``edges``; a plain list's whole sub-selection) by that page size (the
default page size when neither is given and the field is a connection), while a
connection's ``totalCount`` and ``pageInfo`` count once. Variables and their defaults are
substituted, fragments expanded.
``GRAPHQL_MAX_COST`` bounds it (``QUERY_TOO_COMPLEX``).

**Query fields** are the fields that run a database query of their own each time they
appear (root fields, aliases included, and a connection's ``totalCount``); nested relations
come from batch loaders and are not counted. ``GRAPHQL_MAX_QUERY_FIELDS`` bounds their
number (``TOO_MANY_QUERY_FIELDS``), so a document cannot repeat an expensive field under
a hundred aliases.

Weights are declared, never guessed from resolvers: ``FieldCost`` entries keyed by
``"Type.field"``, one table per app in ``schema/costs.py`` (``COSTS``; a plugin exports it
from its ``schema`` module), collected by ``backend/api/schema.py`` and checked against
the schema there. Built in: every root field of ``Query`` is a query field of weight
``QUERY_WEIGHT``, every mutation one of ``MUTATION_WEIGHT`` and every connection's
``totalCount`` one of ``COUNT_WEIGHT``; an app declares what costs more (a full-text
search argument, a password check) or less, and ``node(id:)`` is weighed but not counted
as a query field (``backend/api/schema.py``). The
weights are measured with ``bench/query_limits.py``, which grows each hostile shape until
the limits refuse it and times the largest accepted document: with the default limits
every one answers well under a second.

The plan of an operation (its query fields and its cost as a function of the variables)
is compiled once per distinct document and cached with it; a request only evaluates the
plan with its variables. Each fragment is compiled once however often it is spread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from graphql import (
    BooleanValueNode,
    EnumValueNode,
    FieldNode,
    FloatValueNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NullValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    ValueNode,
    VariableNode,
    get_named_type,
)
from graphql.utilities import value_from_ast_untyped

from .document import PreparedDocument, coded

QUERY_WEIGHT = 50  # a root field: one indexed query, about a millisecond
COUNT_WEIGHT = 100  # a connection's totalCount: COUNT over the filtered rows
MUTATION_WEIGHT = 500  # a transaction with several queries and an audit record
SEARCH_WEIGHT = 7_000  # full-text and trigram search, for the page and its count


@dataclass(frozen=True)
class FieldCost:
    """What one occurrence of a field costs beyond the 1 of any field.

    ``weight`` is added each time the field resolves (so multiplied by the pages above
    it); ``arguments`` adds a weight when an argument is given and not empty, by its path
    through input objects (``"filter.search"``); ``query`` marks a field that runs a
    database query of its own, counted against ``GRAPHQL_MAX_QUERY_FIELDS``.
    """

    weight: int = 0
    query: bool = False
    arguments: Mapping[str, int] = field(default_factory=dict)


class FieldCosts:
    """The cost table of a schema: the built-in rules, overridden by ``declared``."""

    def __init__(self, schema: GraphQLSchema, declared: Mapping[str, FieldCost] | None = None):
        self.schema = schema
        table: dict[str, FieldCost] = {}
        for root, cost in ((schema.query_type, FieldCost(QUERY_WEIGHT, query=True)),
                           (schema.mutation_type, FieldCost(MUTATION_WEIGHT, query=True))):
            for name in root.fields if root else ():
                table[f"{root.name}.{name}"] = cost
        for type_ in schema.type_map.values():
            if isinstance(type_, GraphQLObjectType) and {"edges", "pageInfo",
                                                         "totalCount"} <= set(type_.fields):
                table[f"{type_.name}.totalCount"] = FieldCost(COUNT_WEIGHT, query=True)
        for key, cost in (declared or {}).items():
            self._check(key, cost)
            table[key] = cost
        self.table = table

    def _check(self, key: str, cost: FieldCost) -> None:
        """A declaration must name a field (and arguments) the schema has."""
        type_name, _, field_name = key.partition(".")
        type_ = self.schema.type_map.get(type_name)
        if not isinstance(type_, GraphQLObjectType | GraphQLInterfaceType) or (
                field_name not in type_.fields):
            raise ValueError(f"Cost declared for {key!r}, which is not a field of the schema")
        for path in cost.arguments:
            name, *rest = path.split(".")
            argument = type_.fields[field_name].args.get(name)
            input_type = argument.type if argument is not None else None
            for part in rest:
                named = get_named_type(input_type) if input_type is not None else None
                fields = named.fields if isinstance(named, GraphQLInputObjectType) else {}
                input_type = fields[part].type if part in fields else None
            if input_type is None:
                raise ValueError(f"Cost declared for argument {path!r} of {key!r}, "
                                 "which it does not have")

    def get(self, type_name: str | None, field_name: str) -> FieldCost | None:
        return self.table.get(f"{type_name}.{field_name}")


def field_costs_of(schema: GraphQLSchema) -> FieldCosts:
    """The schema's cost table: the one ``backend/api/schema.py`` attached to it, or the
    built-in rules alone."""
    costs = (schema.extensions or {}).get("fieldCosts")
    if costs is None:
        costs = FieldCosts(schema)
        schema.extensions = {**(schema.extensions or {}), "fieldCosts": costs}
    return costs


# --- compiling an operation into a plan --------------------------------------------------

DEFAULT_PAGE = "default page"


@dataclass(frozen=True)
class _Condition:
    """A weight added when a variable (or a path inside it) holds something."""

    variable: str
    path: tuple[str, ...]
    weight: int


@dataclass(frozen=True)
class _Term:
    """One field whose cost depends on the variables (or whose children's does)."""

    fixed: int
    conditions: tuple[_Condition, ...]
    pages: tuple[int | str, ...]  # literal sizes or variable names, first usable wins
    connection: bool
    per_item: _Sum | int  # multiplied by the page size
    once: _Sum | int  # a connection's totalCount and pageInfo


@dataclass(frozen=True)
class _Sum:
    fixed: int
    terms: tuple[_Term, ...]


Cost = _Sum | int


def _add(a: Cost, b: Cost) -> Cost:
    if isinstance(a, int) and isinstance(b, int):
        return a + b
    a_sum = a if isinstance(a, _Sum) else _Sum(a, ())
    b_sum = b if isinstance(b, _Sum) else _Sum(b, ())
    return _Sum(a_sum.fixed + b_sum.fixed, a_sum.terms + b_sum.terms)


def _given(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _literal_given(node: ValueNode) -> bool:
    if isinstance(node, NullValueNode):
        return False
    if isinstance(node, StringValueNode):
        return node.value != ""
    if isinstance(node, ListValueNode | ObjectValueNode):
        return bool(node.values if isinstance(node, ListValueNode) else node.fields)
    return isinstance(node, IntValueNode | FloatValueNode | BooleanValueNode | EnumValueNode)


def _argument_weight(node: FieldNode, path: str, weight: int) -> int | _Condition:
    """The weight when the argument at ``path`` is given literally, or a condition on the
    variable that gives it."""
    parts = path.split(".")
    value: ValueNode | None = next(
        (a.value for a in node.arguments or () if a.name.value == parts[0]), None)
    for i, part in enumerate(parts[1:], start=1):
        if isinstance(value, VariableNode):
            return _Condition(value.name.value, tuple(parts[i:]), weight)
        if not isinstance(value, ObjectValueNode):
            return 0
        value = next((f.value for f in value.fields if f.name.value == part), None)
    if value is None:
        return 0
    if isinstance(value, VariableNode):
        return _Condition(value.name.value, (), weight)
    return weight if _literal_given(value) else 0


def _page_sources(node: FieldNode) -> tuple[int | str, ...]:
    sources: list[int | str] = []
    for argument in node.arguments or ():
        if argument.name.value in ("first", "last"):
            if isinstance(argument.value, IntValueNode):
                sources.append(int(argument.value.value))
            elif isinstance(argument.value, VariableNode):
                sources.append(argument.value.name.value)
    return tuple(sources)


@dataclass(frozen=True)
class _Selection:
    """A compiled selection set: the cost of its ``edges`` (the items of a connection)
    apart from the rest, and its query fields."""

    rest: Cost
    edges: Cost
    queries: int
    has_edges: bool


class _Compiler:
    def __init__(self, schema: GraphQLSchema, costs: FieldCosts,
                 fragments: dict[str, FragmentDefinitionNode]):
        self.schema = schema
        self.costs = costs
        self.fragments = fragments
        self.compiled: dict[str, _Selection] = {}

    def fragment(self, name: str) -> _Selection:
        if name not in self.compiled:
            self.compiled[name] = _Selection(0, 0, 0, False)  # cycles: refused by validation
            definition = self.fragments[name]
            parent = self.schema.type_map.get(definition.type_condition.name.value)
            self.compiled[name] = self.selections(definition.selection_set, parent)
        return self.compiled[name]

    def selections(self, selection_set, parent) -> _Selection:
        rest: Cost = 0
        edges: Cost = 0
        queries, has_edges = 0, False
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                cost, count = self.field(selection, parent)
                queries += count
                if selection.name.value == "edges":
                    edges, has_edges = _add(edges, cost), True
                else:
                    rest = _add(rest, cost)
                continue
            if isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner_type = (self.schema.type_map.get(condition.name.value) if condition
                              else parent)
                inner = self.selections(selection.selection_set, inner_type)
            elif isinstance(selection, FragmentSpreadNode):
                inner = self.fragment(selection.name.value)
            else:
                continue
            rest, edges = _add(rest, inner.rest), _add(edges, inner.edges)
            queries += inner.queries
            has_edges = has_edges or inner.has_edges
        return _Selection(rest, edges, queries, has_edges)

    def field(self, node: FieldNode, parent) -> tuple[Cost, int]:
        name = node.name.value
        declared = self.costs.get(getattr(parent, "name", None), name)
        fixed = 1 + (declared.weight if declared else 0)
        conditions = []
        for path, weight in (declared.arguments if declared else {}).items():
            extra = _argument_weight(node, path, weight)
            if isinstance(extra, _Condition):
                conditions.append(extra)
            else:
                fixed += extra
        queries = 1 if declared is not None and declared.query else 0
        if node.selection_set is None:
            return fixed, queries
        fields = getattr(parent, "fields", None) or {}
        child_type = get_named_type(fields[name].type) if name in fields else None
        children = self.selections(node.selection_set, child_type)
        queries += children.queries
        if children.has_edges:  # a connection: its items are paged, its total is not
            per_item, once = children.edges, children.rest
        else:
            per_item, once = _add(children.rest, children.edges), 0
        pages = _page_sources(node)
        if (not conditions and isinstance(per_item, int) and isinstance(once, int)
                and all(isinstance(p, int) for p in pages)):
            multiplier = pages[0] if pages else None
            if multiplier is None:
                multiplier = settings.GRAPHQL_PAGE_SIZE_DEFAULT if children.has_edges else 1
            return fixed + once + per_item * max(multiplier, 1), queries
        term = _Term(fixed, tuple(conditions), pages, children.has_edges, per_item, once)
        return _Sum(0, (term,)), queries


@dataclass(frozen=True)
class OperationPlan:
    """What the limits need of one operation, independent of the variables."""

    query_fields: int
    cost: Cost
    variable_defaults: Mapping[str, Any]

    def cost_for(self, variables: Mapping[str, Any] | None) -> int:
        if isinstance(self.cost, int):
            return self.cost
        values: Mapping[str, Any] = variables or {}
        if self.variable_defaults:
            values = {**self.variable_defaults,
                      **{k: v for k, v in values.items() if v is not None}}
        return _evaluate(self.cost, values, {})


def _variable(values: Mapping[str, Any], name: str, path: tuple[str, ...]) -> Any:
    value = values.get(name)
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _evaluate(cost: Cost, values: Mapping[str, Any], memo: dict[int, int]) -> int:
    if isinstance(cost, int):
        return cost
    if id(cost) in memo:
        return memo[id(cost)]
    total = cost.fixed
    for term in cost.terms:
        total += term.fixed + sum(c.weight for c in term.conditions
                                  if _given(_variable(values, c.variable, c.path)))
        multiplier = None
        for source in term.pages:
            size = source if isinstance(source, int) else values.get(source)
            if isinstance(size, int) and not isinstance(size, bool):
                multiplier = size
                break
        if multiplier is None:
            multiplier = settings.GRAPHQL_PAGE_SIZE_DEFAULT if term.connection else 1
        total += (_evaluate(term.once, values, memo)
                  + _evaluate(term.per_item, values, memo) * max(multiplier, 1))
    memo[id(cost)] = total
    return total


def _plan(document, operation: OperationDefinitionNode, schema: GraphQLSchema) -> OperationPlan:
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    compiler = _Compiler(schema, field_costs_of(schema), fragments)
    root = (schema.mutation_type if operation.operation == OperationType.MUTATION
            else schema.subscription_type if operation.operation == OperationType.SUBSCRIPTION
            else schema.query_type)
    selection = compiler.selections(operation.selection_set, root)
    defaults = {d.variable.name.value: value_from_ast_untyped(d.default_value)
                for d in operation.variable_definitions or () if d.default_value is not None}
    return OperationPlan(selection.queries, _add(selection.rest, selection.edges), defaults)


def operation_plans(prepared: PreparedDocument, operation_name: str | None,
                    schema: GraphQLSchema) -> list[OperationPlan]:
    """The plans of the operations that may run: the named one, or all (the executor
    refuses several without a name). Compiled once per document and operation name."""
    plans = prepared.plans.get(operation_name)
    if plans is None:
        operations = [d for d in prepared.document.definitions
                      if isinstance(d, OperationDefinitionNode)]
        if operation_name:
            operations = [o for o in operations if o.name and o.name.value == operation_name]
        plans = [_plan(prepared.document, o, schema) for o in operations]
        if plans:  # never keyed by names the document lacks: clients choose them
            prepared.plans[operation_name] = plans
    return plans


def query_cost(prepared: PreparedDocument, operation_name: str | None,
               variables: Mapping[str, Any] | None, schema: GraphQLSchema) -> int:
    return max((p.cost_for(variables) for p in operation_plans(prepared, operation_name, schema)),
               default=0)


def check_query_limits(prepared: PreparedDocument, operation_name: str | None,
                       variables: Mapping[str, Any] | None,
                       schema: GraphQLSchema) -> GraphQLError | None:
    """An error if the operation has too many query fields or costs too much."""
    plans = operation_plans(prepared, operation_name, schema)
    query_fields = max((p.query_fields for p in plans), default=0)
    field_limit = settings.GRAPHQL_MAX_QUERY_FIELDS
    if query_fields > field_limit:
        return coded(GraphQLError(
            f"The query asks for {query_fields} fields that each run their own database "
            f"query (root fields, aliases included, and totalCount); the limit is "
            f"{field_limit}. Split it into several requests."),
            "TOO_MANY_QUERY_FIELDS", queryFields=query_fields, limit=field_limit)
    cost = max((p.cost_for(variables) for p in plans), default=0)
    limit = settings.GRAPHQL_MAX_COST
    if cost > limit:
        return coded(GraphQLError(
            f"The query is too expensive: cost {cost} exceeds the limit of {limit}. "
            "Ask for smaller pages, fewer nested lists, searches or totals."),
            "QUERY_TOO_COMPLEX", cost=cost, limit=limit)
    return None
