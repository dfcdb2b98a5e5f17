"""Two imports of the same bank statement at once (two accountants, a double click) on
PostgreSQL, each in its own thread and connection: each payment is recorded once; one
import has the rows MATCHED / UNMATCHED, the other finds them all DUPLICATE."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection

from plugins.credit.models import (
    BankStatementImport,
    BankStatementRow,
    EntryKind,
    LedgerEntry,
    Payment,
)
from tests.fixtures.credit_bank import *  # noqa: F403
from tests.fixtures.credit_bank import SAMPLE_1C, import_file
from tests.fixtures.credit_payments import *  # noqa: F403
from tests.fixtures.credit_payments import make_invoice

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_imports_of_one_statement_at_once_record_each_payment_once(credit_world):
    w = credit_world
    make_invoice(w["dealer_account"], "61000.00", issued_on=date(2026, 11, 20), serial=42)
    barrier = threading.Barrier(2)
    results: list[object] = [None, None]

    def run(index):
        try:
            barrier.wait(timeout=30)
            results[index] = import_file(w["staff"], w["factory"], SAMPLE_1C)
        except Exception as exc:  # a deadlock or a constraint would show here
            results[index] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    statements = sorted((r["statement"]["matched"], r["statement"]["unmatched"],
                         r["statement"]["duplicates"]) for r in results
                        if isinstance(r, dict) and not r["errors"])
    assert statements == [(0, 0, 3), (2, 1, 0)], results
    assert Payment.objects.count() == 2
    assert LedgerEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 2
    assert BankStatementImport.objects.count() == 2
    assert BankStatementRow.objects.filter(payment__isnull=False).count() == 2
