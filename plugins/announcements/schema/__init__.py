"""The announcements' root fields and their costs, joined to the API by
``backend.api.schema``."""

from .costs import COSTS as ANNOUNCEMENT_COSTS
from .mutations import AnnouncementMutations as Mutations
from .options import OPTION_COSTS, AudienceOptionQueries
from .queries import AnnouncementQueries

COSTS = {**ANNOUNCEMENT_COSTS, **OPTION_COSTS}
Queries = type("Queries", (AnnouncementQueries, AudienceOptionQueries), {})

__all__ = ["COSTS", "Mutations", "Queries"]
