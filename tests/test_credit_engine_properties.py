"""Properties of the pure credit engine (hypothesis; no database): an allocation never
loses or creates money and never overpays an invoice, the named invoice is served first,
then the oldest; advances a new invoice takes stay within both; the figures equal a brute
recomputation and available = limit - balance - open orders."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.credit.engine import (
    Advance,
    InvoiceRow,
    OpenInvoice,
    OrderRow,
    PaymentRow,
    advance_of,
    allocate,
    figures,
    take_advances,
)

EXAMPLES = settings(max_examples=200, deadline=None)
TODAY = date(2026, 6, 15)
money = st.decimals(min_value=0, max_value=100_000, places=2)
positive = st.decimals(min_value=Decimal("0.01"), max_value=100_000, places=2)
day = st.integers(-60, 60).map(lambda n: TODAY + timedelta(days=n))


@st.composite
def open_invoices(draw: st.DrawFn) -> list[OpenInvoice]:
    count = draw(st.integers(0, 8))
    return [OpenInvoice(id=i + 1, due_on=draw(day), number=f"СЧ-26-{draw(st.integers(1, 99)):05d}",
                        remaining=draw(money)) for i in range(count)]


@EXAMPLES
@given(positive, open_invoices(), st.one_of(st.none(), st.integers(0, 9)))
def test_an_allocation_adds_up_to_the_payment_and_never_overpays(amount, invoices, named):
    result = allocate(amount, named, invoices)

    remaining = {inv.id: inv.remaining for inv in invoices}
    assert sum((a.amount for a in result.allocations), Decimal(0)) + result.advance == amount
    assert result.advance >= 0
    assert all(0 < a.amount <= remaining[a.invoice_id] for a in result.allocations)
    assert len({a.invoice_id for a in result.allocations}) == len(result.allocations)
    # An advance is left only when every open invoice is paid in full.
    if result.advance > 0:
        taken = {a.invoice_id: a.amount for a in result.allocations}
        assert all(taken.get(i, 0) == r for i, r in remaining.items())


@EXAMPLES
@given(positive, open_invoices(), st.one_of(st.none(), st.integers(0, 9)))
def test_the_named_invoice_comes_first_then_the_oldest(amount, invoices, named):
    result = allocate(amount, named, invoices)

    ids = [a.invoice_id for a in result.allocations]
    open_named = [inv for inv in invoices if inv.id == named and inv.remaining > 0]
    if open_named:
        assert ids[0] == named
        ids = ids[1:]
    by_id = {inv.id: inv for inv in invoices}
    keys = [(by_id[i].due_on, by_id[i].number, i) for i in ids]
    assert keys == sorted(keys)
    # Only the last invoice served may be left partly paid.
    for allocation in result.allocations[:-1]:
        assert allocation.amount == by_id[allocation.invoice_id].remaining


def test_a_partial_payment_goes_to_the_oldest_due_then_the_lower_number():
    invoices = [OpenInvoice(1, date(2026, 3, 1), "СЧ-26-00003", Decimal("100")),
                OpenInvoice(2, date(2026, 2, 1), "СЧ-26-00002", Decimal("50")),
                OpenInvoice(3, date(2026, 2, 1), "СЧ-26-00001", Decimal("30"))]

    result = allocate(Decimal("120"), None, invoices)

    assert [(a.invoice_id, a.amount) for a in result.allocations] == [
        (3, Decimal("30")), (2, Decimal("50")), (1, Decimal("40"))]
    assert result.advance == 0
    overpaid = allocate(Decimal("200"), 1, invoices)
    assert overpaid.allocations[0].invoice_id == 1
    assert overpaid.advance == Decimal("20")


def test_a_payment_must_be_positive():
    with pytest.raises(ValueError):
        allocate(Decimal("0"), None, [])


@EXAMPLES
@given(money, st.lists(st.tuples(day, money), max_size=6))
def test_a_new_invoice_takes_advances_oldest_first_within_both(amount, rows):
    advances = [Advance(i + 1, on, left) for i, (on, left) in enumerate(rows)]

    uses = take_advances(amount, advances)

    taken = sum((u.amount for u in uses), Decimal(0))
    assert taken == min(amount, sum((a.remaining for a in advances), Decimal(0)))
    by_id = {a.payment_id: a for a in advances}
    assert all(0 < u.amount <= by_id[u.payment_id].remaining for u in uses)
    keys = [(by_id[u.payment_id].received_on, u.payment_id) for u in uses]
    assert keys == sorted(keys)


invoice_rows = st.builds(InvoiceRow, total_gross=positive, allocated=money, due_on=day,
                         cancelled=st.booleans())
order_rows = st.builds(OrderRow, grand_total=money, invoiced=money)


@EXAMPLES
@given(money, st.decimals(min_value=-50_000, max_value=50_000, places=2),
       st.lists(invoice_rows, max_size=8), st.lists(order_rows, max_size=5), money)
def test_the_figures_equal_a_brute_recomputation(limit, balance, invoices, orders, advance):
    result = figures(limit, balance, invoices, orders, advance, TODAY)

    def left(inv: InvoiceRow) -> Decimal:
        return Decimal(0) if inv.cancelled else max(inv.total_gross - inv.allocated, Decimal(0))

    overdue = [inv for inv in invoices if left(inv) > 0 and inv.due_on < TODAY]
    assert result.invoiced_open == sum((left(inv) for inv in invoices), Decimal(0))
    assert result.overdue == sum((left(inv) for inv in overdue), Decimal(0))
    assert result.due_this_week == sum(
        (left(inv) for inv in invoices if TODAY <= inv.due_on < TODAY + timedelta(7)), Decimal(0))
    assert result.overdue_days == (
        (TODAY - min(inv.due_on for inv in overdue)).days if overdue else None)
    assert result.overdue_days is None or result.overdue_days > 0
    open_orders = sum((max(o.grand_total - o.invoiced, Decimal(0)) for o in orders), Decimal(0))
    assert result.open_orders == open_orders >= 0
    assert result.available == limit - balance - open_orders
    assert result.overdue + result.due_this_week <= result.invoiced_open


@EXAMPLES
@given(st.lists(st.tuples(positive, money, money), max_size=6))
def test_an_advance_is_what_payments_left_never_negative(rows):
    payments = [PaymentRow(a, al, r) for a, al, r in rows]

    assert advance_of(payments) == sum(
        (max(p.amount - p.allocated - p.refunded, Decimal(0)) for p in payments), Decimal(0))
    assert advance_of(payments) >= 0
