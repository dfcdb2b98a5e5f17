"""The pure bank row matching (plugins/credit/engine/matching.py): examples of each rule
and properties over random rows, accounts and invoices."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from plugins.credit.engine.matching import (
    AccountRef,
    Incoming,
    InvoiceRef,
    Reason,
    invoice_numbers,
    match,
)

ACCOUNTS = [AccountRef(1, "7701234567"), AccountRef(2, "5001234561")]
INVOICES = [InvoiceRef(11, 1, 2026, 42, Decimal("1000.00")),
            InvoiceRef(12, 1, 2026, 43, Decimal("250.00")),
            InvoiceRef(21, 2, 2026, 7, Decimal("500.00"))]


def test_invoice_numbers_in_any_spelling():
    assert invoice_numbers("Оплата по счёту СЧ-26-00042 от 01.11.2026, НДС 22%") == {(26, 42)}
    assert invoice_numbers("оплата сч 26/43 и INV-26-00007") == {(26, 43), (26, 7)}
    assert invoice_numbers("Оплата по договору 26-00042 от 01.11.2026") == set()


def test_payer_and_its_invoice():
    row = Incoming("7701234567", Decimal("300.00"), "Оплата по счету СЧ-26-00043")
    m = match(row, ACCOUNTS, INVOICES)
    assert (m.account_id, m.invoice_id, m.reason) == (1, 12, Reason.INVOICE_AND_PAYER)


def test_payer_and_amount_then_payer_alone():
    by_amount = match(Incoming("7701234567", Decimal("250.00"), "Оплата"), ACCOUNTS, INVOICES)
    assert (by_amount.account_id, by_amount.invoice_id) == (1, 12)
    alone = match(Incoming("7701234567", Decimal("77.00"), "Оплата"), ACCOUNTS, INVOICES)
    assert (alone.account_id, alone.invoice_id, alone.reason) == (1, None, Reason.PAYER)


def test_another_clients_invoice_is_left_for_a_person():
    row = Incoming("7701234567", Decimal("500.00"), "за субдилера, счет СЧ-26-00007")
    assert match(row, ACCOUNTS, INVOICES).reason == Reason.ANOTHER_CLIENTS_INVOICE


def test_third_party_by_invoice_number_if_the_amount_fits():
    fits = match(Incoming("", Decimal("500.00"), "СЧ-26-00007"), ACCOUNTS, INVOICES)
    assert (fits.account_id, fits.invoice_id, fits.reason) == (2, 21, Reason.INVOICE)
    too_much = match(Incoming("", Decimal("501.00"), "СЧ-26-00007"), ACCOUNTS, INVOICES)
    assert not too_much.matched
    assert not match(Incoming("9909090909", Decimal("5"), "?"), ACCOUNTS, INVOICES).matched


inns = st.sampled_from(["7701234567", "5001234561", "9909090909", ""])
accounts_st = st.lists(st.builds(AccountRef, st.integers(1, 5), inns), max_size=6)
invoices_st = st.lists(st.builds(
    InvoiceRef, st.integers(1, 40), st.integers(1, 5), st.sampled_from([2025, 2026]),
    st.integers(1, 60), st.decimals("0.01", "2000", places=2)), max_size=12,
    unique_by=lambda i: i.id)
purposes = st.lists(st.integers(1, 60), max_size=3).map(
    lambda serials: "Оплата " + ", ".join(f"СЧ-26-{s:05d}" for s in serials))
rows = st.builds(Incoming, inns, st.decimals("0.01", "2000", places=2), purposes)


@given(rows, accounts_st, invoices_st)
def test_a_match_stays_within_what_was_given(row, accounts, invoices):
    result = match(row, accounts, invoices)
    if result.invoice_id is not None:
        invoice = next(i for i in invoices if i.id == result.invoice_id)
        assert invoice.account_id == result.account_id
    if result.matched:
        by_payer = any(a.id == result.account_id and a.buyer_inn == row.payer_inn
                       and row.payer_inn for a in accounts)
        assert by_payer or result.reason == Reason.INVOICE
    else:
        assert result.invoice_id is None


@given(rows, accounts_st, invoices_st, st.randoms())
def test_the_order_of_the_rows_given_changes_nothing(row, accounts, invoices, random):
    shuffled_accounts, shuffled_invoices = list(accounts), list(invoices)
    random.shuffle(shuffled_accounts)
    random.shuffle(shuffled_invoices)
    assert match(row, accounts, invoices) == match(row, shuffled_accounts, shuffled_invoices)


@given(st.integers(1, 60), st.decimals("0.01", "2000", places=2))
def test_the_payers_own_named_invoice_always_wins(serial, amount):
    accounts = [AccountRef(1, "7701234567")]
    invoices = [InvoiceRef(5, 1, 2026, serial, Decimal("10.00")),
                InvoiceRef(6, 1, 2026, serial + 100, amount)]
    row = Incoming("7701234567", amount, f"Оплата по счету СЧ-26-{serial:05d}")
    assert match(row, accounts, invoices).invoice_id == 5
