"""The GraphQL schema, assembled from every app's and plugin's schema module.

A plugin contributes root fields by defining ``schema.Queries`` and/or
``schema.Mutations`` (graphene ObjectTypes) in its app module.
"""

from __future__ import annotations

from importlib import import_module

import graphene
from django.conf import settings

from backend.accounts.schema.member_mutations import MemberMutations
from backend.accounts.schema.members import MemberQueries
from backend.accounts.schema.mutations import AccountMutations
from backend.accounts.schema.queries import AccountQueries
from backend.catalog.schema.mutations_root import CatalogMutations
from backend.catalog.schema.queries import CatalogQueries
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


Query = type("Query", (*_plugin_roots("Queries"), AccountQueries, MemberQueries,
                       CatalogQueries, NodeQueries, graphene.ObjectType), {})
Mutation = type("Mutation", (*_plugin_roots("Mutations"), AccountMutations, MemberMutations,
                             CatalogMutations, graphene.ObjectType), {})

schema = graphene.Schema(query=Query, mutation=Mutation)
harden_input_scalars(schema.graphql_schema)
