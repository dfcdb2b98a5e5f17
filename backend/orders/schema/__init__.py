"""The orders' root fields and their costs, joined to the API by ``backend.api.schema``.

``Queries`` and ``Mutations`` gather each part's root classes: the order list and the
export (``queries.py``, ``mutations.py``), the approvals (``approval.py``).
"""

import graphene

from .approval import ApprovalMutations, ApprovalQueries
from .costs import COSTS
from .mutations import OrderListMutations
from .queries import OrderQueries


class Queries(OrderQueries, ApprovalQueries, graphene.ObjectType):
    """Orders, one order, the approvals queue."""


class Mutations(OrderListMutations, ApprovalMutations, graphene.ObjectType):
    """The export, the approval's answers."""


# The names the ordering contract uses.
Query = Queries
Mutation = Mutations

__all__ = ["COSTS", "Mutation", "Mutations", "Queries", "Query"]
