"""The GraphQL schema, assembled from every app's and plugin's schema module.

Every app and plugin defines ``schema.Queries`` and/or ``schema.Mutations`` (graphene
ObjectTypes assembled in its ``schema/queries.py`` and ``schema/mutations/__init__.py``)
and the weights of its expensive fields as ``schema.COSTS`` (see
``backend/core/graphql/cost.py``). The core apps' schema modules are required; a plugin may
have none.
"""

from __future__ import annotations

from importlib import import_module

import graphene
from django.conf import settings

from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost, FieldCosts
from backend.core.graphql.scalars import harden_input_scalars
from backend.core.graphql.types import Node

CORE_APPS = ("backend.accounts", "backend.catalog", "inventory", "price_rules",
             "backend.checkout")


def _schema_modules() -> list:
    """Schema modules of the plugins, then of the core apps. Each root type lists the fields
    of the last module first (graphene collects fields along the reversed MRO)."""
    modules = []
    for app in settings.PLUGINS:
        try:
            modules.append(import_module(f"{app}.schema"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.schema":
                raise
    return modules + [import_module(f"{app}.schema") for app in CORE_APPS]


def _roots(attribute: str) -> list:
    return [getattr(module, attribute) for module in _schema_modules()
            if hasattr(module, attribute)]


class NodeQueries(graphene.ObjectType):
    node = Node.Field(description="Any object by its global ID, if the viewer may see it.")


# A lookup by primary key is bounded by its weight alone, not counted as a query field: a
# client may fetch the objects of a page by id in one request. Its relations are loaded
# for each lookup apart (about 3 ms with a product's category, image and variants).
NODE_COSTS = {"Query.node": FieldCost(QUERY_WEIGHT * 8)}


Query = type("Query", (*_roots("Queries"), NodeQueries, graphene.ObjectType), {})
Mutation = type("Mutation", (*_roots("Mutations"), graphene.ObjectType), {})

schema = graphene.Schema(query=Query, mutation=Mutation)
harden_input_scalars(schema.graphql_schema)
# The cost table travels with the schema it describes; a declaration naming a field or
# argument the schema lacks fails here, at import.
schema.graphql_schema.extensions = {
    **(schema.graphql_schema.extensions or {}),
    "fieldCosts": FieldCosts(schema.graphql_schema, {
        **NODE_COSTS, **{key: cost for costs in _roots("COSTS") for key, cost in costs.items()}}),
}
