"""Credit limits, the ledger, invoices, payments, reconciliation statements (see
README.md)."""
