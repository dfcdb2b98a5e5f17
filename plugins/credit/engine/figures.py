"""An account's figures on a date, from plain rows (see CREDIT.md, "Figures").

- ``invoiced_open``: what the account's invoices (not cancelled) still ask for;
  ``overdue`` the part of it due before today (``overdue_days`` since the oldest such due
  date), ``due_this_week`` the part due within the next seven days;
- ``open_orders``: orders accepted on account and not invoiced yet (each one's grand total
  less its invoices, never below zero), so concurrent placements count before a
  moderator confirms them;
- ``advance``: what payments brought beyond the invoices they paid (less refunds);
- ``balance``: the sum of the ledger's entries (+ the buyer owes, - an advance);
- ``available`` = limit - balance - open orders. With only invoices, payments and refunds
  in the ledger the balance IS ``invoiced_open - advance``, which makes this the contract's
  ``limit - invoiced_open - open_orders + advance``; adjustments and credit notes (which
  belong to no invoice) move the available credit through the balance as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

ZERO = Decimal("0")
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class InvoiceRow:
    total_gross: Decimal
    allocated: Decimal  # Σ of the payment allocations it has
    due_on: date
    cancelled: bool = False

    @property
    def remaining(self) -> Decimal:
        return ZERO if self.cancelled else max(self.total_gross - self.allocated, ZERO)


@dataclass(frozen=True)
class OrderRow:
    """An order counted against the credit (placed or awaiting approval, not held for a
    card payment, its moderation not rejected or cancelled)."""

    grand_total: Decimal
    invoiced: Decimal  # Σ of its invoices' total_gross

    @property
    def exposure(self) -> Decimal:
        return max(self.grand_total - self.invoiced, ZERO)


@dataclass(frozen=True)
class PaymentRow:
    amount: Decimal
    allocated: Decimal
    refunded: Decimal = ZERO

    @property
    def advance(self) -> Decimal:
        return max(self.amount - self.allocated - self.refunded, ZERO)


@dataclass(frozen=True)
class Figures:
    credit_limit: Decimal
    balance: Decimal
    invoiced_open: Decimal
    overdue: Decimal
    overdue_days: int | None
    due_this_week: Decimal
    open_orders: Decimal
    advance: Decimal
    available: Decimal


def advance_of(payments: Iterable[PaymentRow]) -> Decimal:
    return sum((payment.advance for payment in payments), ZERO)


def figures(credit_limit: Decimal, balance: Decimal, invoices: Iterable[InvoiceRow],
            orders: Iterable[OrderRow], advance: Decimal, today: date) -> Figures:
    invoiced_open = overdue = due_this_week = ZERO
    oldest_overdue: date | None = None
    for invoice in invoices:
        remaining = invoice.remaining
        if remaining <= ZERO:
            continue
        invoiced_open += remaining
        if invoice.due_on < today:
            overdue += remaining
            if oldest_overdue is None or invoice.due_on < oldest_overdue:
                oldest_overdue = invoice.due_on
        elif invoice.due_on < today + WEEK:
            due_this_week += remaining
    open_orders = sum((order.exposure for order in orders), ZERO)
    return Figures(
        credit_limit=credit_limit, balance=balance, invoiced_open=invoiced_open,
        overdue=overdue,
        overdue_days=None if oldest_overdue is None else (today - oldest_overdue).days,
        due_this_week=due_this_week, open_orders=open_orders, advance=advance,
        available=credit_limit - balance - open_orders)
