"""Bulk loading with PostgreSQL COPY, and the bookkeeping around explicit ids."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Model

from backend.accounts.models import Organization, User
from backend.catalog.models import Attribute, Category, Product, ProductType, ProductVariant

# Truncating these cascades to every table that references them (memberships, variants,
# images, attribute values, many-to-many tables, and later orders, prices, stock).
ROOT_MODELS: tuple[type[Model], ...] = (User, Organization, Category, Attribute, ProductType,
                                        Product)


def copy_rows(model_or_table: type[Model] | str, columns: Sequence[str],
              rows: Iterable[Sequence[Any]]) -> int:
    """COPY ``rows`` into the table; return how many were written."""
    table = (model_or_table if isinstance(model_or_table, str)
             else model_or_table._meta.db_table)
    sql = f'COPY "{table}" ({", ".join(columns)}) FROM STDIN'
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


@contextmanager
def filled_without_indexes(model: type[Model]) -> Iterator[None]:
    """Drop the table's foreign keys, unique constraints and secondary indexes while it is
    filled, then add them back: PostgreSQL builds an index in one sort and validates a new
    foreign key with one join, instead of an index insertion and a trigger call per row
    (1.4 million price entries). Inside the transaction nobody sees the table without them.
    """
    table = f'"{model._meta.db_table}"'
    with connection.cursor() as cursor:
        # Dropping a foreign key alters the referenced tables too, which PostgreSQL refuses
        # while checks deferred to the commit are pending on them: run those checks now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE conrelid = %s::regclass AND contype IN ('f', 'u') "
                       "ORDER BY contype DESC", [table])  # unique ones first, keys last
        constraints = cursor.fetchall()
        for name, _ in reversed(constraints):
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        cursor.execute("SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) "
                       "FROM pg_index WHERE indrelid = %s::regclass AND NOT indisprimary",
                       [table])
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        for _, definition in indexes:
            cursor.execute(definition)
        for name, definition in constraints:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def truncate_all() -> None:
    tables = ", ".join(f'"{m._meta.db_table}"' for m in ROOT_MODELS)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def reset_sequences() -> None:
    """After inserting explicit ids, move every id sequence past the highest id."""
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            pk = model._meta.pk
            if pk is None or pk.get_internal_type() not in ("AutoField", "BigAutoField"):
                continue
            table = model._meta.db_table
            if table not in existing:
                continue
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                f'coalesce((SELECT max("{pk.column}") FROM "{table}"), 0) + 1, false)',
                [f'"{table}"', pk.column],
            )


def current_size() -> dict[str, int]:
    from inventory.models import StockItem
    from price_rules.models import PriceListEntry

    return {"organizations": Organization.objects.count(),
            "variants": ProductVariant.objects.count(),
            "price entries": PriceListEntry.objects.count(),
            "stock rows": StockItem.objects.count()}
