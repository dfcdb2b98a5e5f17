"""Query cost: an upper bound on the objects a query can return, checked before execution.

Each selected field costs 1; a field with ``first``/``last`` multiplies its sub-selection's
cost by that page size (the default page size when neither is given and the field is a
connection). Variables are substituted, fragments expanded.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    VariableNode,
)


def _page_size(node: FieldNode, variables: dict[str, Any]) -> int | None:
    for argument in node.arguments or ():
        if argument.name.value not in ("first", "last"):
            continue
        value = argument.value
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, VariableNode):
            raw = variables.get(value.name.value)
            if isinstance(raw, int):
                return raw
    return None


def _selects_edges(selection_set, fragments, seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``edges`` is selected here, directly or through fragments."""
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value == "edges":
                return True
        elif isinstance(selection, InlineFragmentNode):
            if _selects_edges(selection.selection_set, fragments, seen):
                return True
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name not in seen and name in fragments and _selects_edges(
                    fragments[name].selection_set, fragments, seen | {name}):
                return True
    return False


def _selection_cost(selection_set, fragments, variables, seen: frozenset[str]) -> int:
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            children = _selection_cost(selection.selection_set, fragments, variables, seen)
            multiplier = _page_size(selection, variables)
            if (multiplier is None and selection.selection_set is not None
                    and _selects_edges(selection.selection_set, fragments)):
                multiplier = settings.GRAPHQL_PAGE_SIZE_DEFAULT
            total += 1 + children * max(multiplier or 1, 1)
        elif isinstance(selection, InlineFragmentNode):
            total += _selection_cost(selection.selection_set, fragments, variables, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in seen or name not in fragments:
                continue
            total += _selection_cost(
                fragments[name].selection_set, fragments, variables, seen | {name}
            )
    return total


def _with_defaults(operation: OperationDefinitionNode,
                   variables: dict[str, Any] | None) -> dict[str, Any]:
    """The variables sent, falling back to the defaults the operation declares."""
    values = dict(variables or {})
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        default = definition.default_value
        if values.get(name) is None and isinstance(default, IntValueNode):
            values[name] = int(default.value)
    return values


def query_cost(document, operation_name: str | None, variables: dict[str, Any] | None) -> int:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    return max(
        (_selection_cost(o.selection_set, fragments, _with_defaults(o, variables), frozenset())
         for o in operations),
        default=0,
    )


def check_query_cost(document, operation_name, variables) -> GraphQLError | None:
    cost = query_cost(document, operation_name, variables)
    limit = settings.GRAPHQL_MAX_COST
    if cost > limit:
        return GraphQLError(
            f"The query is too expensive: cost {cost} exceeds the limit of {limit}. "
            "Ask for smaller pages or fewer nested lists.",
            extensions={"code": "QUERY_TOO_COMPLEX", "cost": cost, "limit": limit},
        )
    return None
