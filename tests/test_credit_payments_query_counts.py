"""The payments' lists run a constant number of SQL queries, with no fallback to the
general execution path, however many payments, allocations and bank rows they show."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plugins.credit.services.payments import record_payment, record_refund
from tests.fixtures.credit_bank import *  # noqa: F403
from tests.fixtures.credit_bank import SAMPLE_1C, import_file
from tests.fixtures.credit_payments import *  # noqa: F403
from tests.fixtures.credit_payments import make_invoice

pytestmark = pytest.mark.django_db

DOCUMENTS = {
    "payments": """{ payments(first: 50) { totalCount edges { node {
        id method source amount { amount currency } receivedOn reference payerInn purpose
        allocated { amount } advance { amount } refunded { amount } createdAt
        order { id } account { id currency available { amount } }
        allocations { amount { amount } createdAt payment { id reference } } } } } }""",
    "bankStatements": """{ bankStatements(first: 50) { totalCount edges { node {
        id fileName format createdAt rowsTotal matched unmatched duplicates } } } }""",
    "bankStatementRows": """{ bankStatementRows(first: 50) { totalCount edges { node {
        id position docNumber docDate amount { amount } payerInn payerName purpose state
        account { id }
        payment { id amount { amount } allocations { amount { amount } } } } } } }""",
}


def _add_rows(world, index: int):
    account = world["dealer_account"]
    for n in range(2):
        make_invoice(account, "100.00", issued_on=date(2026, 10, 1 + index * 2 + n))
    payment = record_payment(account, Decimal("250.00"), "RUB", date(2026, 11, 1 + index),
                             "BANK_TRANSFER", "MANUAL", f"ref-{index}")
    record_refund(payment, Decimal("10.00"), "part")
    import_file(world["staff"], world["factory"],
                SAMPLE_1C.replace(b"=512\r\n", f"=6{index}\r\n".encode())
                .replace(b"=517\r\n", f"=7{index}\r\n".encode())
                .replace(b"=88\r\n", f"=8{index}\r\n".encode()))


def _counts(client, fast_path) -> dict[str, int]:
    counts = {}
    for name, document in DOCUMENTS.items():
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            response = client(document)
        assert response.status == 200 and not response.errors, (name, response.errors)
        assert fast_path.fallbacks == 0, (name, fast_path.fallbacks)
        counts[name] = len(captured)
    return counts


def test_payment_lists_cost_the_same_with_more_rows(credit_world, api_as, fast_path):
    w = credit_world
    _add_rows(w, 0)
    client = api_as(w["staff"], w["factory"])
    few = _counts(client, fast_path)
    for index in range(1, 4):
        _add_rows(w, index)
    many = _counts(client, fast_path)
    assert client(DOCUMENTS["payments"]).data["payments"]["totalCount"] >= 8
    assert few == many
