"""The price rules' root fields and their costs, joined to the API by
``backend.api.schema``."""

from .costs import COSTS
from .mutations import PriceRulesMutations as Mutations
from .queries import PriceRulesQueries as Queries

__all__ = ["COSTS", "Mutations", "Queries"]
