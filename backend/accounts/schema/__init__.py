"""Accounts' root fields and their costs, joined to the API by ``backend.api.schema``."""

from .costs import COSTS
from .invitation_link import InvitationLinkQueries
from .mutations import AccountMutations as Mutations
from .queries import AccountQueries

Queries = type("Queries", (AccountQueries, InvitationLinkQueries), {})

__all__ = ["COSTS", "Mutations", "Queries"]
