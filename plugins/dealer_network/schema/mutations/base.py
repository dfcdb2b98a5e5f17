"""What every dealer network mutation shares: its error type and codes."""

from __future__ import annotations

import graphene

from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation

from ...errors import DealerNetworkErrorCode

DealerNetworkError = error_type(
    "DealerNetworkError", DealerNetworkErrorCode, "An error of a dealer network operation.",
    retry_after=graphene.Int(
        description="APPLICATIONS_THROTTLED: seconds until a new attempt."),
)


class DealerNetworkMutation(BaseMutation):
    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": DealerNetworkError,
                     "error_code_enum": DealerNetworkErrorCode}


