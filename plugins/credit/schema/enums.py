"""GraphQL enums of the credit models' choices, named as in CREDIT.md (each part adds its
own here, one block each)."""

from __future__ import annotations

import graphene

from backend.orders.credit import CreditHold

from ..models import EntryKind, InvoicePolicy, OverLimitPolicy, Terms


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(c.value, c.value) for c in choices], description=description)


# ledger
PaymentTermsEnum = _enum("PaymentTerms", Terms,
                         "Prepayment, or payment NET a number of days after the invoice.")
OverLimitPolicyEnum = _enum("OverLimitPolicy", OverLimitPolicy, (
    "What an order on account beyond the available credit does: REFUSE it, send it to the "
    "seller's MODERATE-ion flagged over credit, or require a CARD payment first."))
InvoicePolicyEnum = _enum("InvoicePolicy", InvoicePolicy,
                          "When invoices are issued: on the order's confirmation, or per "
                          "dispatch.")
LedgerEntryKindEnum = _enum("LedgerEntryKind", EntryKind, "What changed what the buyer owes.")
CreditHoldEnum = _enum("CreditHold", CreditHold, (
    "An order placed beyond the buyer's available credit: NONE, OVER_LIMIT (the seller's "
    "moderator decides), CARD_REQUIRED (to be paid by card before it is confirmed)."))
