"""The ``/graphql/`` endpoint: viewer, limits, data loaders, multipart uploads."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.http import HttpResponse
from graphene.validation import depth_limit_validator
from graphene_file_upload.django import FileUploadGraphQLView
from graphql import ExecutionResult, GraphQLError, parse, specified_rules

from .cost import check_query_cost
from .execution import PortalExecutionContext

logger = logging.getLogger(__name__)


class ViewerError(Exception):
    """The request's credentials or organization header cannot be accepted."""

    def __init__(self, message: str, code: str, status: int = 401):
        super().__init__(message)
        self.code = code
        self.status = status


class PortalGraphQLView(FileUploadGraphQLView):
    execution_context_class = PortalExecutionContext

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "validation_rules",
            (*specified_rules, depth_limit_validator(max_depth=settings.GRAPHQL_MAX_DEPTH)),
        )
        super().__init__(**kwargs)

    def get_middleware(self, request):
        """No graphene middleware: ``None`` (not an empty list, which graphql-core turns into
        a manager wrapping every resolver) keeps the execution fast path open."""
        return self.middleware or None

    def dispatch(self, request, *args, **kwargs):
        from backend.accounts.viewer import viewer_from_request

        try:
            request.viewer = viewer_from_request(request)
        except ViewerError as exc:
            body = {"errors": [{"message": str(exc), "extensions": {"code": exc.code}}]}
            return HttpResponse(json.dumps(body), status=exc.status,
                                content_type="application/json")
        return super().dispatch(request, *args, **kwargs)

    def execute_graphql_request(self, request, data, query, variables, operation_name,
                                show_graphiql=False):
        if query:
            try:
                document = parse(query)
            except GraphQLError:
                document = None
            if document is not None:
                error = check_query_cost(document, operation_name, variables)
                if error is not None:
                    return ExecutionResult(data=None, errors=[error])
        return super().execute_graphql_request(
            request, data, query, variables, operation_name, show_graphiql
        )

    @staticmethod
    def format_error(error):
        formatted = FileUploadGraphQLView.format_error(error)
        original = getattr(error, "original_error", None)
        if original is not None and not isinstance(original, GraphQLError):
            logger.exception("unhandled error in a resolver", exc_info=original)
            if not settings.DEBUG:
                formatted["message"] = "Internal server error."
            formatted.setdefault("extensions", {})["code"] = "INTERNAL_ERROR"
        return formatted
