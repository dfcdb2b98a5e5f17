"""Open advances taken by a new invoice: what the account's payments left unallocated
(less what was refunded from them), handed to the ledger's allocation engine
(``engine.take_advances``: the oldest payment first, never more than the invoice)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from .. import engine
from ..models import EntryKind, Invoice, LedgerEntry, Payment, PaymentAllocation

ZERO = Decimal("0.00")
_MONEY = DecimalField(max_digits=14, decimal_places=2)


def _sum_of(rows, field: str) -> Coalesce:
    return Coalesce(Subquery(rows.values("payment").annotate(total=Sum(field))
                             .values("total")[:1], output_field=_MONEY),
                    Value(ZERO, output_field=_MONEY))


def open_advances(account_id: int) -> list[engine.Advance]:
    """The account's payments with an unallocated remainder (one query). The account is
    locked by the caller."""
    allocated = PaymentAllocation.objects.filter(payment=OuterRef("pk"))
    refunded = LedgerEntry.objects.filter(payment=OuterRef("pk"), kind=EntryKind.REFUND)
    rows = (Payment.objects.filter(account_id=account_id)
            .annotate(allocated=_sum_of(allocated, "amount"),
                      refunded=_sum_of(refunded, "amount"))
            .values_list("pk", "received_on", "amount", "allocated", "refunded"))
    return [engine.Advance(pk, received_on, amount - allocated - refunded)
            for pk, received_on, amount, allocated, refunded in rows
            if amount - allocated - refunded > 0]


def take_advances(invoice: Invoice) -> Decimal:
    """Allocate the account's open advances to ``invoice``; answers the amount taken."""
    uses = engine.take_advances(invoice.total_gross, open_advances(invoice.account_id))
    PaymentAllocation.objects.bulk_create(
        PaymentAllocation(payment_id=use.payment_id, invoice=invoice, amount=use.amount)
        for use in uses)
    return sum((use.amount for use in uses), ZERO)
