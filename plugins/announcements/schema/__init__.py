"""The announcements' root fields and their costs, joined to the API by
``backend.api.schema``."""

from .costs import COSTS
from .mutations import AnnouncementMutations as Mutations
from .queries import AnnouncementQueries as Queries

__all__ = ["COSTS", "Mutations", "Queries"]
