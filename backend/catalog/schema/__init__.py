"""The catalog's root fields and their costs, joined to the API by ``backend.api.schema``."""

from .costs import COSTS
from .mutations import CatalogMutations as Mutations
from .queries import CatalogQueries as Queries

__all__ = ["COSTS", "Mutations", "Queries"]
