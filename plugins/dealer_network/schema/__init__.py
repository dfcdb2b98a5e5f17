"""The dealer network's root fields and their costs, joined to the API by
``backend.api.schema``."""

from .costs import COSTS
from .mutations import DealerNetworkMutations as Mutations
from .queries import DealerNetworkQueries as Queries

__all__ = ["COSTS", "Mutations", "Queries"]
