"""Where money goes: a payment to open invoices, and open advances to a new invoice.

A payment goes to the invoice the payer named first (up to what it still owes), then to
the oldest open invoices (by due date, then number, then id); what no invoice takes is an
advance, never lost. A newly issued invoice takes the account's advances, oldest payment
first. Amounts are Decimals in one currency; nothing here rounds (inputs are kopecks).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

ZERO = Decimal("0")


@dataclass(frozen=True)
class OpenInvoice:
    id: int
    due_on: date
    # The invoice's number, zero-padded («СЧ-26-00042»), so text order is issue order
    # within a seller; only a tie-breaker after the due date.
    number: str
    remaining: Decimal  # total_gross - what allocations already cover


@dataclass(frozen=True)
class Allocation:
    invoice_id: int
    amount: Decimal


@dataclass(frozen=True)
class AllocationResult:
    allocations: tuple[Allocation, ...]
    advance: Decimal  # the part of the payment no invoice took


def _oldest_first(invoice: OpenInvoice) -> tuple[date, str, int]:
    return (invoice.due_on, invoice.number, invoice.id)


def allocate(payment_amount: Decimal, named_invoice_id: int | None,
             open_invoices: Iterable[OpenInvoice]) -> AllocationResult:
    """``payment_amount`` (> 0) spread over ``open_invoices``: the named one first, then the
    oldest. Invoices with nothing left to pay are skipped; one invoice takes at most its
    remainder, so the allocations plus the advance always add up to the payment."""
    if payment_amount <= ZERO:
        raise ValueError("a payment to allocate must be positive")
    invoices = sorted((inv for inv in open_invoices if inv.remaining > ZERO),
                      key=_oldest_first)
    named = [inv for inv in invoices if inv.id == named_invoice_id]
    ordered = named + [inv for inv in invoices if inv.id != named_invoice_id]
    left = payment_amount
    allocations: list[Allocation] = []
    for invoice in ordered:
        if left <= ZERO:
            break
        taken = min(left, invoice.remaining)
        allocations.append(Allocation(invoice.id, taken))
        left -= taken
    return AllocationResult(tuple(allocations), left)


@dataclass(frozen=True)
class Advance:
    payment_id: int
    received_on: date
    remaining: Decimal  # the payment's part no invoice took yet (after refunds)


@dataclass(frozen=True)
class AdvanceUse:
    payment_id: int
    amount: Decimal


def take_advances(invoice_amount: Decimal, advances: Iterable[Advance]) -> tuple[AdvanceUse, ...]:
    """What a new invoice of ``invoice_amount`` takes from the account's open advances,
    the oldest payment first, never more than the invoice or an advance holds."""
    left = invoice_amount
    uses: list[AdvanceUse] = []
    for advance in sorted(advances, key=lambda a: (a.received_on, a.payment_id)):
        if left <= ZERO:
            break
        if advance.remaining <= ZERO:
            continue
        taken = min(left, advance.remaining)
        uses.append(AdvanceUse(advance.payment_id, taken))
        left -= taken
    return tuple(uses)
