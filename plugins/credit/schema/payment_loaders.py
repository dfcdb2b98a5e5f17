"""Batch loaders of the payments' rows: one query per relation per page, every row
through ``visibility.py`` (``ByIdLoader`` for single relations)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, F, Sum

from backend.core.graphql.loaders import ByIdLoader, DataLoader, group_by
from backend.orders.models import Order

from ..models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    EntryKind,
    Invoice,
    LedgerEntry,
    Payment,
    PaymentAllocation,
    RowState,
    StatementComparison,
)
from ..visibility import visible_allocations, visible_bank_rows

ZERO = Decimal("0.00")


class PaymentTotalsLoader(DataLoader):
    """(allocated, refunded) of each payment: two grouped sums for the page."""

    siblings = ((Payment, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        allocated = dict(PaymentAllocation.objects.filter(payment_id__in=keys).values(
            "payment_id").annotate(s=Sum("amount")).values_list("payment_id", "s"))
        refunded = dict(LedgerEntry.objects.filter(
            payment_id__in=keys, kind=EntryKind.REFUND).values("payment_id").annotate(
            s=Sum("amount")).values_list("payment_id", "s"))
        return [(allocated.get(key) or ZERO, refunded.get(key) or ZERO) for key in keys]


class AllocationsByPaymentLoader(DataLoader):
    siblings = ((Payment, "pk"),)

    def batch_load(self, keys):
        rows = visible_allocations(self.context.viewer).filter(payment_id__in=keys).annotate(
            currency=F("payment__currency")).order_by("payment_id", "created_at", "pk")
        grouped = group_by(rows, "payment_id")
        return [grouped.get(key, []) for key in keys]


class AllocationsByInvoiceLoader(DataLoader):
    siblings = ((Invoice, "pk"),)

    def batch_load(self, keys):
        rows = visible_allocations(self.context.viewer).filter(invoice_id__in=keys).annotate(
            currency=F("payment__currency")).order_by("invoice_id", "created_at", "pk")
        grouped = group_by(rows, "invoice_id")
        return [grouped.get(key, []) for key in keys]


class RowCountsLoader(DataLoader):
    """Each statement's rows counted by state: one grouped count for the page."""

    siblings = ((BankStatementImport, "pk"),)
    remembers_rows = False

    def batch_load(self, keys):
        counts: dict[int, dict[str, int]] = {key: {} for key in keys}
        for row in visible_bank_rows(self.context.viewer).filter(statement_id__in=keys).values(
                "statement_id", "state").annotate(n=Count("pk")).order_by():
            counts[row["statement_id"]][row["state"]] = row["n"]
        return [counts[key] for key in keys]


class AccountOfPaymentLoader(ByIdLoader):
    siblings = ((Payment, "account_id"), (BankStatementRow, "account_id"),
                (StatementComparison, "account_id"))
    model = CreditAccount


class InvoiceOfPaymentLoader(ByIdLoader):
    siblings = ((Payment, "invoice_id"), (BankStatementRow, "invoice_id"),
                (PaymentAllocation, "invoice_id"), (LedgerEntry, "invoice_id"))
    model = Invoice


class OrderOfPaymentLoader(ByIdLoader):
    siblings = ((Payment, "order_id"),)
    model = Order


class PaymentByIdLoader(ByIdLoader):
    siblings = ((BankStatementRow, "payment_id"), (PaymentAllocation, "payment_id"),
                (LedgerEntry, "payment_id"))
    model = Payment


def rows_total(counts: dict[str, int]) -> int:
    return sum(counts.values())


def state_count(counts: dict[str, int], state: RowState) -> int:
    return counts.get(state, 0)
