"""The notifications' root fields and their costs, joined to the API by
``backend.api.schema``."""

from .costs import COSTS
from .mutations import NotificationMutations as Mutations
from .queries import NotificationQueries as Queries

__all__ = ["COSTS", "Mutations", "Queries"]
