"""Accounts' root fields and their costs, joined to the API by ``backend.api.schema``."""

from .costs import COSTS
from .mutations import AccountMutations as Mutations
from .queries import AccountQueries as Queries

__all__ = ["COSTS", "Mutations", "Queries"]
