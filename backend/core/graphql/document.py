"""From query text to a validated document, once per distinct text.

Every way a document can fail before execution is a GraphQL error with an
``extensions.code`` and a message for a person, found in milliseconds:

- ``QUERY_TOO_LARGE``: longer than ``GRAPHQL_MAX_DOCUMENT_CHARS`` or more lexical tokens
  than ``GRAPHQL_MAX_DOCUMENT_TOKENS`` (refused before or while parsing);
- ``GRAPHQL_PARSE_FAILED``: a syntax error;
- ``QUERY_TOO_DEEP``: nested deeper than the parser allows, or fields nested deeper than
  ``GRAPHQL_MAX_DEPTH``;
- ``QUERY_TOO_COMPLEX``: too much work to validate (graphql-core's budgets for comparing
  same-named fields and for walking fragments);
- ``GRAPHQL_VALIDATION_FAILED``: anything else the GraphQL specification's rules refuse
  (unknown fields, wrong argument types, fragment cycles, ...).

The specification's rules run first, and the project's own (depth) only on a document
they accept: a fragment cycle is reported, never walked. The depth walk visits each
fragment once, so a fragment spread many times over ("fragment bombs") costs no more than
one spread.

Small documents are kept in an LRU cache bounded by the memory they hold, estimated from
their length and their number of tokens (a parsed document keeps its tokens, their
locations and its nodes: about 450 bytes per token, measured); larger ones are parsed on
every request and never kept, so no stream of documents can grow a worker's memory beyond
``CACHE_MAX_BYTES``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
    specified_rules,
    validate,
)
from graphql.validation.rules import overlapping_fields_can_be_merged

# graphql-core meters the comparisons of same-named fields (quadratic in their number) and
# aborts past a budget; its default of 500,000 takes about half a second to spend. The
# storefront's documents spend under a hundred.
overlapping_fields_can_be_merged.MAX_COMPLEXITY_BUDGET = 50_000

# A document is cached when it is at most this long and its estimate at most
# CACHED_DOCUMENT_MAX_BYTES (about 2,000 tokens; the storefront's largest has 112).
CACHED_DOCUMENT_MAX_CHARS = 20_000
CACHED_DOCUMENT_MAX_BYTES = 1_000_000
CACHE_MAX_BYTES = 10_000_000
CACHE_MAX_ENTRIES = 512
BYTES_PER_TOKEN = 450


def coded(error: GraphQLError, code: str, **extensions: Any) -> GraphQLError:
    """``error`` with ``extensions.code`` set (errors are created here, so set in place)."""
    error.extensions = {**(error.extensions or {}), "code": code, **extensions}
    return error


@dataclass
class PreparedDocument:
    """A parsed document and its validation errors; ``plans`` caches, per operation name,
    what the cost limits need (filled by ``cost.py``)."""

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...]
    plans: dict[str | None, Any] = field(default_factory=dict)
    estimated_bytes: int = 0


def _parse(query: str) -> DocumentNode | GraphQLError:
    max_chars = settings.GRAPHQL_MAX_DOCUMENT_CHARS
    if len(query) > max_chars:
        return coded(GraphQLError(
            f"The document is too large: {len(query):,} characters, the limit is "
            f"{max_chars:,}. Send a smaller document."),
            "QUERY_TOO_LARGE", limit=max_chars)
    max_tokens = settings.GRAPHQL_MAX_DOCUMENT_TOKENS
    try:
        return parse(query, max_lexical_tokens=max_tokens, max_comments=max_tokens)
    except GraphQLError as error:
        message = error.message
        if "Parsing aborted" in message and ("tokens" in message or "comments" in message):
            return coded(error, "QUERY_TOO_LARGE", limit=max_tokens)
        if "nested too deeply" in message:
            return coded(error, "QUERY_TOO_DEEP")
        return coded(error, "GRAPHQL_PARSE_FAILED")


def _selection_height(selection_set: SelectionSetNode, heights: dict[str, int],
                      fragments: dict[str, FragmentDefinitionNode]) -> int:
    """How many levels of fields with sub-selections lie below ``selection_set``
    (0 for leaves only); introspection fields do not count."""
    height = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.selection_set is None or selection.name.value.startswith("__"):
                continue
            height = max(height, 1 + _selection_height(selection.selection_set, heights,
                                                       fragments))
        elif isinstance(selection, InlineFragmentNode):
            height = max(height, _selection_height(selection.selection_set, heights, fragments))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name not in heights:
                heights[name] = 0  # never read: the specification's rules refuse cycles
                heights[name] = _selection_height(fragments[name].selection_set, heights,
                                                  fragments)
            height = max(height, heights[name])
    return height


def depth_errors(document: DocumentNode, max_depth: int) -> list[GraphQLError]:
    """An error for each operation whose fields nest deeper than ``max_depth`` (a root
    field is at depth 0), each fragment measured once."""
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    heights: dict[str, int] = {}
    errors = []
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        depth = _selection_height(definition.selection_set, heights, fragments)
        if depth > max_depth:
            name = definition.name.value if definition.name else "anonymous"
            errors.append(coded(GraphQLError(
                f"'{name}' exceeds maximum operation depth of {max_depth}: its fields nest "
                f"{depth} levels deep.", [definition]), "QUERY_TOO_DEEP",
                depth=depth, limit=max_depth))
    return errors


def _estimated_bytes(query: str, document: DocumentNode) -> int:
    """What keeping ``document`` (and its text) costs, by its tokens."""
    tokens = 0
    token = document.loc.start_token if document.loc else None
    while token is not None:
        tokens += 1
        token = token.next
    return len(query) + tokens * BYTES_PER_TOKEN


def _prepare(schema: GraphQLSchema, query: str) -> PreparedDocument:
    parsed = _parse(query)
    if isinstance(parsed, GraphQLError):
        return PreparedDocument(None, (parsed,), estimated_bytes=len(query))
    errors = validate(schema, parsed, specified_rules)
    for i, error in enumerate(errors):
        if error.message == "Validation aborted.":  # graphql-core's work budgets ran out
            errors[i] = coded(GraphQLError(
                "The document is too complex to validate: too many fields of the same "
                "name, fragments spread too often, or nesting too deep. Send a smaller "
                "document."), "QUERY_TOO_COMPLEX")
        elif not (error.extensions or {}).get("code"):  # an input scalar's own code stays
            coded(error, "GRAPHQL_VALIDATION_FAILED")
    if not errors:
        errors = depth_errors(parsed, settings.GRAPHQL_MAX_DEPTH)
    return PreparedDocument(parsed, tuple(errors), estimated_bytes=_estimated_bytes(query, parsed))


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    currsize: int
    bytes: int


class DocumentCache:
    """``prepare_document(schema, query)``: a ``PreparedDocument``, from an LRU cache
    bounded by entries and by the estimated memory of what it holds."""

    def __init__(self, max_document_chars: int, max_document_bytes: int, max_bytes: int,
                 max_entries: int):
        self.max_document_chars = max_document_chars
        self.max_document_bytes = max_document_bytes
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, PreparedDocument] = OrderedDict()
        self._bytes = 0
        self._hits = self._misses = 0
        self._lock = threading.Lock()

    def __call__(self, schema: GraphQLSchema, query: str) -> PreparedDocument:
        # The limits are part of the key: a test (or a reload) that changes them sees
        # documents judged by the new ones.
        key = (id(schema), query, (settings.GRAPHQL_MAX_DEPTH,
                                   settings.GRAPHQL_MAX_DOCUMENT_TOKENS))
        with self._lock:
            prepared = self._entries.get(key)
            if prepared is not None:
                self._entries.move_to_end(key)
                self._hits += 1
                return prepared
            self._misses += 1
        prepared = _prepare(schema, query)
        if (len(query) <= self.max_document_chars
                and prepared.estimated_bytes <= self.max_document_bytes):
            self._store(key, prepared)
        return prepared

    def _store(self, key, prepared: PreparedDocument) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = prepared
            self._bytes += prepared.estimated_bytes
            while self._bytes > self.max_bytes or len(self._entries) > self.max_entries:
                _, old = self._entries.popitem(last=False)
                self._bytes -= old.estimated_bytes

    def cache_info(self) -> CacheInfo:
        with self._lock:
            return CacheInfo(self._hits, self._misses, len(self._entries), self._bytes)

    def cache_clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self._hits = self._misses = 0

    def __contains__(self, query: str) -> bool:
        with self._lock:
            return any(key[1] == query for key in self._entries)


prepare_document = DocumentCache(CACHED_DOCUMENT_MAX_CHARS, CACHED_DOCUMENT_MAX_BYTES,
                                 CACHE_MAX_BYTES, CACHE_MAX_ENTRIES)
