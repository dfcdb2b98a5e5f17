"""The dealer network's root fields, joined to the API by ``backend.api.schema``."""

from .mutations import DealerNetworkMutations as Mutations
from .queries import DealerNetworkQueries as Queries

__all__ = ["Mutations", "Queries"]
