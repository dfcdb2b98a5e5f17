"""The ``/graphql/`` endpoint: viewer, limits, data loaders, multipart uploads.

Parsing and validating a document cost more than executing a small query, and clients send
the same few documents over and over: both are done once per distinct document text
(``prepare_document`` in ``document.py``, a cache bounded in size) and reused, with the
plan the cost limits evaluate (``cost.py``). Whatever the request, the answer is JSON with
an ``extensions.code`` on every error, never an HTTP 500 page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache

import orjson
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from graphene_django.views import HttpError
from graphene_file_upload.django import FileUploadGraphQLView
from graphql import (
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
)

from ..runtime import collector_paused
from ..viewer import Viewer, ViewerError
from .cost import check_query_limits
from .document import prepare_document
from .execution import PortalExecutionContext
from .loaders import release as release_loaders

logger = logging.getLogger(__name__)


def on_response(request, key: str, change) -> None:
    """Let a resolver change the HTTP response (e.g. set a cookie): ``change(response)``
    runs once the response is made; a later call with the same ``key`` replaces it."""
    if not hasattr(request, "response_changes"):
        request.response_changes = {}
    request.response_changes[key] = change


__all__ = ["PortalGraphQLView", "ViewerError", "on_response", "prepare_document"]


@cache
def _viewer_factory(path: str) -> Callable[[HttpRequest], Viewer]:
    return import_string(path)


def viewer_from_request(request: HttpRequest) -> Viewer:
    """The request's viewer, built by the function named in ``settings.VIEWER_FACTORY``
    (imported once); raises ``ViewerError`` for credentials it cannot accept."""
    return _viewer_factory(settings.VIEWER_FACTORY)(request)


def _json_default(value):
    """Lazy translations (``gettext_lazy``) in error messages are text."""
    if isinstance(value, Promise):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class ViewExecutionContext(PortalExecutionContext):
    """The view's: its result goes straight to the JSON encoder, so kept answers may be
    their serialized JSON (``builders.as_json``)."""

    kept_answers_as_json = True


class PortalGraphQLView(FileUploadGraphQLView):
    execution_context_class = ViewExecutionContext

    def get_middleware(self, request):
        """No graphene middleware: ``None`` (not an empty list, which graphql-core turns into
        a manager wrapping every resolver) keeps the execution fast path open."""
        return self.middleware or None

    def parse_body(self, request):
        """As graphene-file-upload's, but a multipart request that breaks its spec (JSON
        that is not JSON, a map naming a missing file or a path that leads nowhere) is a
        bad request, not an exception; so is a body that is not one operation."""
        try:
            data = super().parse_body(request)
        except (ValueError, KeyError, IndexError, TypeError, RecursionError) as exc:
            raise HttpError(HttpResponseBadRequest(
                "The multipart request does not follow the GraphQL multipart request "
                f"spec: {type(exc).__name__}.")) from None
        if not hasattr(data, "get"):
            raise HttpError(HttpResponseBadRequest("The request must be one operation: a "
                                                   "JSON object with `query`."))
        return data

    def dispatch(self, request, *args, **kwargs):
        try:
            request.viewer = viewer_from_request(request)
        except ViewerError as exc:
            body = {"errors": [{"message": str(exc), "extensions": {"code": exc.code}}]}
            return HttpResponse(orjson.dumps(body), status=exc.status,
                                content_type="application/json")
        try:
            with collector_paused():
                response = super().dispatch(request, *args, **kwargs)
            for change in getattr(request, "response_changes", {}).values():
                change(response)
            return response
        finally:
            release_loaders(request)

    def execute_graphql_request(self, request, data, query, variables, operation_name,
                                show_graphiql=False):
        """As graphene-django's, with a cached parse and validation and the cost limits."""
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))
        if not isinstance(query, str):
            raise HttpError(HttpResponseBadRequest("`query` must be a string."))
        if variables is not None and not isinstance(variables, dict):
            raise HttpError(HttpResponseBadRequest("`variables` must be an object."))
        if operation_name is not None and not isinstance(operation_name, str):
            raise HttpError(HttpResponseBadRequest("`operationName` must be a string."))
        schema = self.schema.graphql_schema
        prepared = prepare_document(schema, query)
        document, errors = prepared.document, prepared.errors
        if document is None:
            return ExecutionResult(data=None, errors=list(errors))
        operation = get_operation_ast(document, operation_name)
        if (request.method.lower() == "get" and operation is not None
                and operation.operation != OperationType.QUERY):
            if show_graphiql:
                return None
            raise HttpError(HttpResponseNotAllowed(
                ["POST"], f"Can only perform a {operation.operation.value} operation from a "
                          "POST request."))
        if errors:
            return ExecutionResult(data=None, errors=list(errors))
        if operation is None:
            message = (f"The document has no operation named '{operation_name}'."
                       if operation_name else "The document has several operations: name the "
                                              "one to run in `operationName`.")
            return ExecutionResult(data=None, errors=[GraphQLError(
                message, extensions={"code": "OPERATION_NOT_FOUND"})])
        limit_error = check_query_limits(prepared, operation_name, variables, schema)
        if limit_error is not None:
            return ExecutionResult(data=None, errors=[limit_error])
        try:
            result = execute(
                schema, document, root_value=self.get_root_value(request),
                context_value=self.get_context(request), variable_values=variables,
                operation_name=operation_name, middleware=self.get_middleware(request),
                execution_context_class=self.execution_context_class,
            )
        except Exception as error:  # a bug; reported as a GraphQL error, logged
            return ExecutionResult(errors=[error])
        return result

    def json_encode(self, request, d, pretty=False):
        """UTF-8 bytes by orjson (a tenth of the standard library's time on a catalog
        page); Russian text is 2 bytes a letter instead of 6 as \\u escapes."""
        if not (self.pretty or pretty) and not request.GET.get("pretty"):
            return orjson.dumps(d, default=_json_default)
        # Kept answers are JSON already (``orjson.Fragment``): read back first, so that
        # they are indented and sorted too.
        return orjson.dumps(orjson.loads(orjson.dumps(d, default=_json_default)),
                            option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)

    @staticmethod
    def format_error(error):
        if isinstance(error, HttpError):  # the request itself: not JSON, no query, ...
            code = "METHOD_NOT_ALLOWED" if error.response.status_code == 405 else "BAD_REQUEST"
            return {"message": str(error), "extensions": {"code": code}}
        formatted = FileUploadGraphQLView.format_error(error)
        original = getattr(error, "original_error", None)
        if original is not None and not isinstance(original, GraphQLError):
            logger.exception("unhandled error in a resolver", exc_info=original)
            if not settings.DEBUG:
                formatted["message"] = "Internal server error."
            formatted.setdefault("extensions", {})["code"] = "INTERNAL_ERROR"
        extensions = formatted.setdefault("extensions", {})
        if not extensions.get("code"):  # graphql-core's own errors come without one
            extensions["code"] = ("INVALID_VARIABLES" if formatted["message"].startswith(
                "Variable '$") else "GRAPHQL_ERROR")
        return formatted
