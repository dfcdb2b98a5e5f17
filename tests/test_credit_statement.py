"""The reconciliation statement of an account for a period, from its ledger entries:
the opening balance, every entry of the period as debit or credit, the closing balance;
a period without entries or ending before it starts is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.core.errors import DomainValidationError
from plugins.credit.services.statement import build_statement
from tests.statement_world import *  # noqa: F403

pytestmark = pytest.mark.django_db
D = Decimal


def test_the_statement_has_the_opening_every_entry_and_the_closing(
        statement_world, django_assert_num_queries):
    account = statement_world["account"]
    with django_assert_num_queries(2):
        statement = build_statement(account, date(2026, 1, 1), date(2026, 3, 31))
    assert statement.opening == D("6000.00")
    assert [(line.day, line.document, line.debit, line.credit) for line in statement.lines] == [
        (date(2026, 1, 15), "Счёт № СЧ-26-00001", D("24400.00"), 0),
        (date(2026, 1, 30), "Оплата, п/п № 117 от 30.01.2026", 0, D("10000.00")),
        (date(2026, 2, 10), "Счёт № СЧ-26-00002", D("1220.50"), 0),
        (date(2026, 2, 28), "Корректировка: Скидка за объём", 0, D("20.50")),
        (date(2026, 3, 5), "Оплата, п/п № 142 от 05.03.2026", 0, D("15000.00")),
    ]
    assert statement.debit_total == D("25620.50")
    assert statement.credit_total == D("25020.50")
    assert statement.closing == D("6600.00")


def test_a_period_inside_the_ledger_opens_with_what_came_before(statement_world):
    statement = build_statement(statement_world["account"], date(2026, 2, 1),
                                date(2026, 2, 28), language="en")
    assert statement.opening == D("20400.00")
    assert [line.document for line in statement.lines] == [
        "Invoice INV-26-00002", "Adjustment: Скидка за объём"]
    assert statement.closing == D("21600.00")


@pytest.mark.parametrize(("start", "end", "code"), [
    (date(2026, 4, 1), date(2026, 4, 30), "NO_ENTRIES"),
    (date(2026, 3, 1), date(2026, 2, 1), "PERIOD_INVALID"),
    (date(2020, 1, 1), date(2026, 3, 1), "PERIOD_INVALID"),
])
def test_an_empty_or_impossible_period_is_refused(statement_world, start, end, code):
    with pytest.raises(DomainValidationError) as error:
        build_statement(statement_world["account"], start, end)
    assert error.value.errors[0].code_value == code
