"""The credit plugin's error codes, with the common ones (NOT_FOUND, PERMISSION_DENIED,
INVALID, REQUIRED...). Every code has ru/en texts in the storefront (``errors.<CODE>``).
Each part adds its codes here (one line each, grouped by part)."""

from backend.core.errors import error_code_enum

CREDIT_CODES = (
    "CURRENCY_MISMATCH",  # an amount in another currency than the account's
    "AMOUNT_NOT_POSITIVE",  # a zero or negative amount
    "NO_CREDIT_ACCOUNT",  # no account between the buyer and its seller
    "CONCURRENT_CHANGE",  # the row changed since the viewer read it
    # ledger: credit accounts and adjustments
    "REASON_REQUIRED",  # an adjustment or credit note without a reason
    "LIMIT_NEGATIVE",  # a credit limit below zero
    # invoices
    "NOTHING_TO_INVOICE",  # the order is invoiced already, not confirmed, or bills nothing
)

CreditErrorCode = error_code_enum("CreditErrorCode", *CREDIT_CODES)
