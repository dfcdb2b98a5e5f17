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
    # payments
    "UNKNOWN_LAYOUT",  # a bank statement file in no layout we read (names the columns)
    "ROW_INVALID",  # a bank statement row that cannot be read (the row is named)
    "ALREADY_MATCHED",  # a bank row already matched, ignored or a duplicate
    "INVOICE_NOT_OPEN",  # a named invoice that is paid, cancelled or not the account's
    "REFUND_TOO_LARGE",  # a refund beyond what the payment has left to refund
    # stripe (card payments)
    "CARD_PAYMENTS_OFF",  # card payments are not configured, or Stripe cannot be reached
    "NOTHING_TO_PAY",  # the invoice or order is paid, cancelled or has no open remainder
    # invoices
    "NOTHING_TO_INVOICE",  # the order is invoiced already, not confirmed, or bills nothing
    # recon: reconciliation statements
    "NO_ENTRIES",  # a statement for a period without a single ledger entry
    "PERIOD_INVALID",  # a period ending before it starts, or longer than allowed
    "MAPPING_REQUIRED",  # a partner's statement whose columns could not be told for sure
)

CreditErrorCode = error_code_enum("CreditErrorCode", *CREDIT_CODES)
