"""The checkout's root fields (cart, quick order, saved carts, order files, placement) and
their costs, joined to the API by ``backend.api.schema``.

Each part of the checkout adds its root classes to ``QUERIES`` / ``MUTATIONS`` below, one
line each, so the parts built apart merge without touching each other's lines.
"""

import graphene

from .cart_mutations import CartMutations
from .cart_queries import CartQueries
from .copy import OrderCopyMutations
from .costs import COSTS
from .saved_carts import SavedCartMutations, SavedCartQueries

QUERIES: list[type] = [
    CartQueries,
    SavedCartQueries,
]

MUTATIONS: list[type] = [
    CartMutations,
    SavedCartMutations,
    OrderCopyMutations,
]

Queries = type("Queries", (*QUERIES, graphene.ObjectType), {})
Mutations = type("Mutations", (*MUTATIONS, graphene.ObjectType), {})
# The names the ordering contract uses.
Query = Queries
Mutation = Mutations

__all__ = ["COSTS", "Mutation", "Mutations", "Queries", "Query"]
