"""Queries of rows by a list of keys, compiled to SQL once per process.

A data loader asks the same question on every request ("the variants of these products")
with different keys. Building the queryset and compiling it to SQL each time costs more
than PostgreSQL takes to answer; a ``KeyedQuery`` compiles its queryset once, with the
keys as one array parameter (``field = ANY(%s)``), and afterwards only executes it.

The queryset is built and compiled on first use and then kept for the life of the process,
so it must depend neither on the viewer nor on the time: no visibility rules (those depend
on the request and stay ordinary querysets, or are filtered in the loader), and nothing
computed when it is built, such as ``timezone.now()`` or today's date (a query of the
prices valid today would keep answering with the first day's date until the process
restarts). It selects one model without ``select_related`` or annotations.

Rows are built by ``Model.from_db`` after the fields' converters, as Django's own model
iterable does, and the query goes through ``connection.cursor()``, so query counting and
logging see it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet

from .lookups import KeysParameter


class _Compiled:
    def __init__(self, queryset: QuerySet, field: str):
        self.db = queryset.db
        marker = KeysParameter()
        compiler = queryset.filter(**{f"{field}__any": marker}).query.get_compiler(
            using=self.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.keys_position = next(i for i, p in enumerate(self.params) if p is marker)
        klass_info = compiler.klass_info
        if klass_info.get("related_klass_infos") or compiler.annotation_col_map:
            raise ValueError("A KeyedQuery selects one model, without select_related or "
                             "annotations.")
        self.model = klass_info["model"]
        columns = [column[0] for column in compiler.select]
        if klass_info["select_fields"] != list(range(len(columns))):
            raise ValueError("A KeyedQuery selects the model's own columns only.")
        self.field_names = [column.target.attname for column in columns]
        # {column position: (converter functions, expression)}, as Django's compiler.
        self.converters = list(compiler.get_converters(columns).items())

    def rows(self, keys: list[Any]) -> list[Model]:
        params = list(self.params)
        params[self.keys_position] = keys
        connection = connections[self.db]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            results = cursor.fetchall()
        if self.converters:
            results = [self._convert(list(row), connection) for row in results]
        from_db, db, names = self.model.from_db, self.db, self.field_names
        return [from_db(db, names, row) for row in results]

    def _convert(self, row: list[Any], connection) -> list[Any]:
        for position, (functions, expression) in self.converters:
            value = row[position]
            for convert in functions:
                value = convert(value, expression, connection)
            row[position] = value
        return row


class KeyedQuery:
    """``KeyedQuery(lambda: Variant.objects.defer(...), "product_id").rows(keys)``: the
    rows whose ``field`` is one of ``keys`` (database values, as read off other rows).

    ``build`` is called once per process: its queryset must not depend on the viewer or
    on the time (see the module's documentation)."""

    def __init__(self, build: Callable[[], QuerySet], field: str):
        self._build = build
        self._field = field
        self._compiled: _Compiled | None = None

    def rows(self, keys: Iterable[Any]) -> list[Model]:
        wanted = [key for key in keys if key is not None]
        if not wanted:
            return []
        if self._compiled is None:
            self._compiled = _Compiled(self._build(), self._field)
        return self._compiled.rows(wanted)
