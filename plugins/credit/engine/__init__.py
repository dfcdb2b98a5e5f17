"""The pure credit engine: an account's figures (balance, open invoices, overdue, open
orders, advance, available credit) from plain rows, and the allocation of a payment (or of
an account's advances) to open invoices. Frozen values in and out; no Django, no project
import, so both are property-tested without a database.
"""

from .allocation import (
    Advance,
    AdvanceUse,
    Allocation,
    AllocationResult,
    OpenInvoice,
    allocate,
    take_advances,
)
from .figures import Figures, InvoiceRow, OrderRow, PaymentRow, advance_of, figures

__all__ = [
    "Advance", "AdvanceUse", "Allocation", "AllocationResult", "Figures", "InvoiceRow",
    "OpenInvoice", "OrderRow", "PaymentRow", "advance_of", "allocate", "figures",
    "take_advances",
]
