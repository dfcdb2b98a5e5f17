"""Statements prepared on the server, for the few hot reads whose planning costs more than
their run (the price context's six: ``price_rules/services/context_sql.py``).

Django's psycopg backend binds parameters on the client and never prepares, so PostgreSQL
plans every statement anew: for the price context ~2.5 ms of planning for ~0.5 ms of work.
``fetch_all`` runs a statement through a cursor that binds on the server and prepares it,
once per connection (psycopg names it and remembers the name on the connection; a new
connection, after ``CONN_MAX_AGE`` or an error, prepares again). The cursor is wrapped by
Django as its own are, so query counting, ``connection.queries``, ``execute_wrapper`` and
error translation see it.

Only statements asked for are prepared. Django leaves psycopg's ``prepare_threshold``
None, which turns preparing off altogether; the first prepared statement of a connection
sets a threshold no statement reaches (Django's cursors bind on the client, which psycopg
never prepares anyway).

Stale plans: PostgreSQL plans again by itself when a table a statement reads changes
(another connection's migration adding a column or an index). Only a change of the type
of a column a statement returns makes its next run fail ("cached plan must not change
result type"). Outside a transaction ``fetch_all`` then opens a new connection and runs
it once more (psycopg would reuse the stale statement on the old one); inside one the
failure stands, and the transaction's rollback, after which psycopg deallocates every
statement of the connection, lets the next run prepare anew. psycopg also deallocates
them all after a DROP or ALTER run on the connection itself.

Poolers: preparing needs a direct connection or PgBouncer 1.21 or later with
``max_prepared_statements`` above 0 (it follows protocol-level prepared statements, which
psycopg uses, in transaction pooling). With an older pooler in transaction pooling set
``DB_PREPARED_STATEMENTS=0``: the statements then run as any other, planned every time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections
from django.db.backends.base.base import BaseDatabaseWrapper

# psycopg prepares a statement run this many times by itself; only statements run through
# ``fetch_all`` (which always asks) are to be prepared, so: never.
_NEVER_BY_ITSELF = 2**62
_STALE_PLAN = "cached plan must not change result type"


class _PreparingCursor(psycopg.Cursor):
    """Binds on the server and prepares what it runs (psycopg reuses a statement already
    prepared on the connection)."""

    def execute(self, query: Any, params: Any = None, *, prepare: bool | None = None,
                binary: bool | None = None) -> _PreparingCursor:
        super().execute(query, params, prepare=True, binary=binary)
        return self


def enabled(connection: BaseDatabaseWrapper) -> bool:
    return connection.vendor == "postgresql" and settings.DB_PREPARED_STATEMENTS


def fetch_all(statement: str, params: Mapping[str, Any] | Sequence[Any], *,
              using: str = DEFAULT_DB_ALIAS) -> list[tuple[Any, ...]]:
    """The rows of ``statement``, prepared on the server once per connection when
    ``DB_PREPARED_STATEMENTS`` is on (placeholders as Django's: ``%s``, ``%(name)s``)."""
    connection = connections[using]
    if not enabled(connection):
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()
    try:
        return _fetch_prepared(connection, statement, params)
    except NotSupportedError as error:
        if _STALE_PLAN not in str(error) or connection.in_atomic_block:
            raise
        connection.close()
        return _fetch_prepared(connection, statement, params)


def _fetch_prepared(connection: BaseDatabaseWrapper, statement: str,
                    params: Mapping[str, Any] | Sequence[Any]) -> list[tuple[Any, ...]]:
    with _cursor(connection) as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


def _cursor(connection: BaseDatabaseWrapper) -> Any:
    """A ``_PreparingCursor`` on Django's connection, wrapped as ``connection.cursor()``
    wraps its own (checks first, debug wrapper when queries are logged)."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        raw = connection.connection
        if raw.prepare_threshold is None:
            raw.prepare_threshold = _NEVER_BY_ITSELF
        cursor = _PreparingCursor(raw)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)
