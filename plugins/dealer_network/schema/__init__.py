"""The dealer network's root fields and their costs, joined to the API by
``backend.api.schema``."""

from .costs import COSTS as NETWORK_COSTS
from .mutations import DealerNetworkMutations as Mutations
from .places import PLACE_COSTS, PlaceQueries
from .queries import DealerNetworkQueries

COSTS = {**NETWORK_COSTS, **PLACE_COSTS}
Queries = type("Queries", (DealerNetworkQueries, PlaceQueries), {})

__all__ = ["COSTS", "Mutations", "Queries"]
