"""The price context's six statements are prepared on the server once per connection
(``backend.core.prepared``), still counted and logged by Django, answer as unprepared ones
do, and survive a new connection and a migration run by another connection."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from price_rules.models import (
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    ResaleMarkup,
)
from price_rules.services import context_sql
from price_rules.services.context import load_price_context

DAY = date(2026, 6, 1)
STATEMENTS = [context_sql.CHAIN, context_sql.VARIANTS, context_sql.LISTS,
              context_sql.PROMOTIONS, context_sql.VOLUME_DISCOUNTS, context_sql.FLOORS]


@pytest.fixture
def rules(network, catalog):
    factory, dealer = network["factory"], network["dealer_a"]
    variants = list(catalog["door"].variants.all()[:2])
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    PriceListAssignment.objects.create(price_list=base, is_owner_default=True)
    for variant in variants:
        PriceListEntry.objects.create(price_list=base, variant=variant, price=Decimal(1000))
    gold = PriceGroup.objects.create(owner=factory, name="Золотые")
    PriceGroupMember.objects.create(group=gold, organization=dealer)
    ResaleMarkup.objects.create(organization=dealer, percent=Decimal(20))
    return {"buyer": network["sub_a"], "variants": [v.id for v in variants]}


def _load(rules):
    return load_price_context(rules["buyer"], rules["variants"], DAY)


def _prepared() -> dict[str, int]:
    """This session's prepared statements: their text and how often each ran."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements")
        return dict(cursor.fetchall())


def _first_lines(statements) -> list[str]:
    return [s.strip().splitlines()[0][:30] for s in statements]


@pytest.mark.django_db
def test_the_statements_are_prepared_once_and_still_counted_by_django(rules):
    seen = []

    def watch(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(watch):
        contexts = [_load(rules) for _ in range(3)]

    assert len(captured) == 18 and len(seen) == 18
    assert seen[:6] == STATEMENTS
    assert sorted(_first_lines(_prepared())) == sorted(_first_lines(STATEMENTS))
    assert set(_prepared().values()) == {3}  # prepared once each, run three times
    assert contexts[0] == contexts[1] == contexts[2]
    assert contexts[0].chain[0].seller.markup is not None  # the rows did arrive


@pytest.mark.django_db
def test_turned_off_nothing_is_prepared_and_the_context_is_the_same(rules, settings):
    settings.DB_PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as captured:
        plain = _load(rules)

    assert len(captured) == 6 and _prepared() == {}
    settings.DB_PREPARED_STATEMENTS = True
    assert _load(rules) == plain and len(_prepared()) == 6


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_them_again(rules):
    first = _load(rules)
    connection.close()

    assert _load(rules) == first
    assert len(_prepared()) == 6


@pytest.mark.django_db(transaction=True)
def test_a_migration_by_another_connection_does_not_break_them(rules):
    before = _load(rules)
    _load(rules)
    migrating = connections.create_connection(DEFAULT_DB_ALIAS)
    table = '"catalog_productvariant"'
    try:
        with migrating.cursor() as cursor:  # a new index: PostgreSQL plans again by itself
            cursor.execute(f"CREATE INDEX test_prepared_idx ON {table} (product_id, sku)")
        assert _load(rules) == before
        with migrating.cursor() as cursor:  # a returned column's type changes
            cursor.execute(f"ALTER TABLE {table} ALTER COLUMN sku TYPE varchar(80)")
        assert _load(rules) == before  # outside a transaction: run again, reconnected
        assert _load(rules) == before
        with migrating.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table} ALTER COLUMN sku TYPE varchar(96)")
        with pytest.raises(NotSupportedError), transaction.atomic():
            _load(rules)  # inside one, the transaction is lost
        assert _load(rules) == before  # ... and its rollback forgot the stale statements
    finally:
        with migrating.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS test_prepared_idx")
            cursor.execute(f"ALTER TABLE {table} ALTER COLUMN sku TYPE varchar(64)")
        migrating.close()
