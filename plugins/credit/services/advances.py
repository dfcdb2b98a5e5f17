"""Open advances taken by a new invoice: what payments of the account left unallocated
(less what was refunded from them), oldest payment first, until the invoice is covered.

A stand-in for the ledger's allocation engine (``plugins/credit/engine/allocation.py``):
``take_advances`` is the only caller, so the lead can swap its body for the engine's
``allocate`` without touching issuing.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ..models import EntryKind, Invoice, LedgerEntry, Payment, PaymentAllocation

ZERO = Decimal("0.00")
_MONEY = DecimalField(max_digits=14, decimal_places=2)


def _sum_of(rows, field: str) -> Coalesce:
    return Coalesce(Subquery(rows.values("payment").annotate(total=Sum(field))
                             .values("total")[:1], output_field=_MONEY),
                    Value(ZERO, output_field=_MONEY))


def open_advances(account_id: int) -> list[tuple[int, Decimal]]:
    """(payment id, unallocated remainder) of the account's payments with one, oldest
    first. The account is locked by the caller."""
    allocated = PaymentAllocation.objects.filter(payment=OuterRef("pk"))
    refunded = LedgerEntry.objects.filter(payment=OuterRef("pk"), kind=EntryKind.REFUND)
    rows = (Payment.objects.filter(account_id=account_id)
            .annotate(allocated=_sum_of(allocated, "amount"),
                      refunded=_sum_of(refunded, "amount"))
            .order_by("received_on", "pk")
            .values_list("pk", "amount", "allocated", "refunded"))
    return [(pk, amount - allocated - refunded) for pk, amount, allocated, refunded in rows
            if amount - allocated - refunded > 0]


def split(advances: list[tuple[int, Decimal]], due: Decimal) -> list[tuple[int, Decimal]]:
    """How much of each advance (oldest first) covers ``due`` (pure)."""
    taken: list[tuple[int, Decimal]] = []
    for payment_id, remainder in advances:
        if due <= 0:
            break
        amount = min(remainder, due)
        taken.append((payment_id, amount))
        due -= amount
    return taken


def take_advances(invoice: Invoice) -> Decimal:
    """Allocate the account's open advances to ``invoice``; answers the amount taken."""
    taken = split(open_advances(invoice.account_id), invoice.total_gross)
    PaymentAllocation.objects.bulk_create(
        PaymentAllocation(payment_id=payment_id, invoice=invoice, amount=amount)
        for payment_id, amount in taken)
    return sum((amount for _, amount in taken), ZERO)
