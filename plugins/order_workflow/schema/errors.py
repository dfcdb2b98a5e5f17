"""The workflow's error type and the base class of its mutations: every workflow mutation
answers ``errors: [WorkflowError!]!`` with a ``WorkflowErrorCode`` (the common codes and
``errors.WORKFLOW_CODES``)."""

from __future__ import annotations

from backend.core.graphql.errors import error_type, graphql_enum
from backend.core.graphql.mutations import BaseMutation

from ..errors import WorkflowErrorCode

WorkflowErrorCodeEnum = graphql_enum(WorkflowErrorCode)
WorkflowError = error_type("WorkflowError", WorkflowErrorCode,
                           "An error of an order workflow operation (moderation, unit "
                           "moves, dispatches, forwarding).")


class WorkflowMutation(BaseMutation):
    """Gives a workflow mutation its error type and codes."""

    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": WorkflowError, "error_code_enum": WorkflowErrorCode}
