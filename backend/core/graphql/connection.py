"""Cursor connections with a total count and a page-size cap.

Every list in the API is a connection resolved by ``resolve_connection``: it validates
``first``/``last`` against ``GRAPHQL_PAGE_SIZE_MAX``, fetches one row more than the page to
know whether another page follows, and counts the total only when the client asks for
``totalCount``.
"""

from __future__ import annotations

from typing import Any

import graphene
from django.conf import settings
from graphene import relay
from graphql import GraphQLError
from graphql_relay import offset_to_cursor
from graphql_relay.utils import unbase64

from .loaders import remember_rows


class CountableConnection(relay.Connection):
    class Meta:
        abstract = True

    total_count = graphene.Int(
        required=True, description="Number of items matching the filters, across all pages."
    )

    def resolve_total_count(self, info):
        return self.length_source()


class ConnectionArgumentError(GraphQLError):
    def __init__(self, message: str):
        super().__init__(message, extensions={"code": "INVALID_PAGINATION"})


CURSOR_PREFIX = "arrayconnection:"  # graphql-relay's offset cursors
# The storefront computes cursors with JavaScript numbers; no list comes near this.
MAX_OFFSET = 2**53 - 1


def _offset(cursor: str | None, name: str) -> int | None:
    """The row offset inside a cursor this API made; anything else is the client's
    mistake (never a crash, never an offset the database cannot take)."""
    if cursor is None:
        return None
    raw = unbase64(cursor) if len(cursor) <= 64 else ""
    digits = raw[len(CURSOR_PREFIX):] if raw.startswith(CURSOR_PREFIX) else ""
    # int() would also take " 7", "+7", "7_0" and other scripts' digits.
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 16
            and int(digits) <= MAX_OFFSET):
        raise ConnectionArgumentError(f"`{name}` is not a valid cursor.")
    return int(digits)


def page_bounds(args: dict[str, Any], count) -> tuple[int, int | None, bool]:
    """(start, end or None for open, whether ``last`` needed the count)."""
    max_size = settings.GRAPHQL_PAGE_SIZE_MAX
    first, last = args.get("first"), args.get("last")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= max_size:
            raise ConnectionArgumentError(
                f"`{name}` must be between 0 and {max_size}; got {value}."
            )
    if first is not None and last is not None:
        raise ConnectionArgumentError("Pass either `first` or `last`, not both.")
    if first is None and last is None:
        first = settings.GRAPHQL_PAGE_SIZE_DEFAULT
    after = _offset(args.get("after"), "after")
    before = _offset(args.get("before"), "before")
    start = after + 1 if after is not None else 0
    end = before
    if first is not None:
        end = start + first if end is None else min(end, start + first)
        return start, end, False
    if end is None:
        end = count()
    start = max(start, end - last)
    return start, end, True


def resolve_connection(queryset, args: dict[str, Any], connection_type, *, info,
                       list_items=None):
    """Slice ``queryset`` by the Relay arguments and build ``connection_type``.

    The page's rows are remembered on the request (``info.context``) as siblings for the
    loaders of their relations, so that those load for the whole page at once; without
    that, every row's relation would be a pending future and the page would leave the
    execution fast path. ``list_items`` may post-process the page's rows; it receives and
    returns a list.
    """
    cache: dict[str, int] = {}

    def count() -> int:
        if "count" not in cache:
            cache["count"] = queryset.count()
        return cache["count"]

    start, end, _ = page_bounds(args, count)
    rows = list(queryset[start : end + 1]) if end > start else []
    has_next = len(rows) > end - start
    rows = rows[: max(end - start, 0)]
    if list_items is not None:
        rows = list_items(rows)
    remember_rows(info.context, rows)
    if args.get("before") is not None and not has_next:
        has_next = True
    edge_type = connection_type.Edge
    edges = [
        edge_type(node=row, cursor=offset_to_cursor(start + i)) for i, row in enumerate(rows)
    ]
    page_info = relay.PageInfo(
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
        has_previous_page=start > 0,
        has_next_page=has_next,
    )
    connection = connection_type(edges=edges, page_info=page_info)
    connection.length_source = count
    return connection


def connection_args() -> dict[str, Any]:
    return {
        "first": graphene.Int(description="Page size from the start (at most the server cap)."),
        "last": graphene.Int(description="Page size from the end (at most the server cap)."),
        "after": graphene.String(),
        "before": graphene.String(),
    }
