"""The GraphQL schema, assembled from every app's and plugin's schema module.

A plugin contributes root fields by defining ``schema.Queries`` and/or
``schema.Mutations`` (graphene ObjectTypes) in its app module, and the weights of its
expensive fields as ``schema.COSTS`` (see ``backend/core/graphql/cost.py``).
"""

from __future__ import annotations

from importlib import import_module

import graphene
from django.conf import settings

from backend.accounts.schema.costs import COSTS as ACCOUNT_COSTS
from backend.accounts.schema.member_mutations import MemberMutations
from backend.accounts.schema.members import MemberQueries
from backend.accounts.schema.mutations import AccountMutations
from backend.accounts.schema.queries import AccountQueries
from backend.catalog.schema.costs import COSTS as CATALOG_COSTS
from backend.catalog.schema.mutations_root import CatalogMutations
from backend.catalog.schema.queries import CatalogQueries
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost, FieldCosts
from backend.core.graphql.scalars import harden_input_scalars
from backend.core.graphql.types import Node


def _plugin_roots(attribute: str) -> list[type]:
    roots = []
    for app in settings.PLUGINS:
        try:
            module = import_module(f"{app}.schema")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.schema":
                raise
            continue
        if hasattr(module, attribute):
            roots.append(getattr(module, attribute))
    return roots


class NodeQueries(graphene.ObjectType):
    node = Node.Field(description="Any object by its global ID, if the viewer may see it.")


# A lookup by primary key is bounded by its weight alone, not counted as a query field: a
# client may fetch the objects of a page by id in one request. Its relations are loaded
# for each lookup apart (about 3 ms with a product's category, image and variants).
NODE_COSTS = {"Query.node": FieldCost(QUERY_WEIGHT * 8)}


Query = type("Query", (*_plugin_roots("Queries"), AccountQueries, MemberQueries,
                       CatalogQueries, NodeQueries, graphene.ObjectType), {})
Mutation = type("Mutation", (*_plugin_roots("Mutations"), AccountMutations, MemberMutations,
                             CatalogMutations, graphene.ObjectType), {})

schema = graphene.Schema(query=Query, mutation=Mutation)
harden_input_scalars(schema.graphql_schema)
# The cost table travels with the schema it describes; a declaration naming a field or
# argument the schema lacks fails here, at import.
schema.graphql_schema.extensions = {
    **(schema.graphql_schema.extensions or {}),
    "fieldCosts": FieldCosts(schema.graphql_schema, {
        **NODE_COSTS, **ACCOUNT_COSTS, **CATALOG_COSTS,
        **{key: cost for costs in _plugin_roots("COSTS") for key, cost in costs.items()}}),
}
