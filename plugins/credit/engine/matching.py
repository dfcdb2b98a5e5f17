"""Which account (and invoice) an incoming bank payment is for: pure, from plain rows.

The rules, in order (``match``):

1. The invoice numbers written in the purpose («Оплата по счёту СЧ-26-00042», «INV 26-42»)
   are found (``invoice_numbers``); of them, the seller's open invoices are the named ones.
2. The payer's INN gives the seller's account(s) with that buyer.
   - one account: the payment is that account's (MATCHED). An open invoice of it named in
     the purpose is the invoice; else, an open invoice of it whose remainder equals the
     amount; else none (the payment goes to the oldest open invoices, the rest an advance).
     A named invoice of ANOTHER client leaves the row UNMATCHED: a person decides.
   - several accounts (branches with one INN): the one whose invoice is named; else
     UNMATCHED.
3. No account has the payer's INN (a third party paying, an INN missing): an invoice named
   in the purpose whose remainder is at least the amount gives its account (MATCHED);
   anything else is UNMATCHED.

Only the seller's own accounts and open invoices are passed in, so a match never leaves
the importing seller.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

# «СЧ-26-00042», «сч 26/42», «INV-26-00042»: a prefix, the year's two digits, the serial.
_NUMBER = re.compile(r"(?:СЧ|INV)\s*[-–—№#.]?\s*(\d{2})\s*[-–—/]\s*(\d{1,6})(?!\d)",
                     re.IGNORECASE)


class Reason(StrEnum):
    INVOICE_AND_PAYER = "INVOICE_AND_PAYER"  # the payer's account, its invoice named
    PAYER_AND_AMOUNT = "PAYER_AND_AMOUNT"  # the payer's account, an invoice of that amount
    PAYER = "PAYER"  # the payer's account, no invoice named
    INVOICE = "INVOICE"  # a third party paid an invoice named in the purpose
    UNKNOWN_PAYER = "UNKNOWN_PAYER"  # no account with the INN, no invoice named
    ANOTHER_CLIENTS_INVOICE = "ANOTHER_CLIENTS_INVOICE"  # the payer named another's invoice
    AMBIGUOUS_PAYER = "AMBIGUOUS_PAYER"  # several accounts with the INN, none named


@dataclass(frozen=True)
class AccountRef:
    id: int
    buyer_inn: str


@dataclass(frozen=True)
class InvoiceRef:
    id: int
    account_id: int
    year: int  # four digits
    serial: int
    remaining: Decimal


@dataclass(frozen=True)
class Incoming:
    payer_inn: str
    amount: Decimal
    purpose: str


@dataclass(frozen=True)
class Match:
    account_id: int | None
    invoice_id: int | None
    reason: Reason

    @property
    def matched(self) -> bool:
        return self.account_id is not None


def invoice_numbers(purpose: str) -> set[tuple[int, int]]:
    """(two-digit year, serial) of every invoice number written in ``purpose``."""
    return {(int(year), int(serial)) for year, serial in _NUMBER.findall(purpose)}


def _named(purpose: str, invoices: Sequence[InvoiceRef]) -> list[InvoiceRef]:
    numbers = invoice_numbers(purpose)
    return sorted((i for i in invoices if (i.year % 100, i.serial) in numbers),
                  key=lambda i: i.id)


def match(row: Incoming, accounts: Sequence[AccountRef],
          open_invoices: Sequence[InvoiceRef]) -> Match:
    named = _named(row.purpose, open_invoices)
    inn = row.payer_inn.strip()
    payer_accounts = sorted({a.id for a in accounts if inn and a.buyer_inn == inn})
    if len(payer_accounts) == 1:
        account_id = payer_accounts[0]
        own = [i for i in named if i.account_id == account_id]
        if own:
            return Match(account_id, own[0].id, Reason.INVOICE_AND_PAYER)
        if named:
            return Match(None, None, Reason.ANOTHER_CLIENTS_INVOICE)
        exact = sorted(i.id for i in open_invoices
                       if i.account_id == account_id and i.remaining == row.amount)
        if len(exact) == 1:
            return Match(account_id, exact[0], Reason.PAYER_AND_AMOUNT)
        return Match(account_id, None, Reason.PAYER)
    if payer_accounts:
        own = [i for i in named if i.account_id in payer_accounts]
        if len({i.account_id for i in own}) == 1:
            return Match(own[0].account_id, own[0].id, Reason.INVOICE_AND_PAYER)
        return Match(None, None, Reason.AMBIGUOUS_PAYER)
    fitting = [i for i in named if i.remaining >= row.amount]
    if len({i.account_id for i in fitting}) == 1:
        return Match(fitting[0].account_id, fitting[0].id, Reason.INVOICE)
    return Match(None, None, Reason.UNKNOWN_PAYER)
