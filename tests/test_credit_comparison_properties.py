"""Properties of the statement comparison (hypothesis; pure): swapping the sides swaps
the missing lines and keeps every pair; a statement compared with itself agrees; amounts
are compared exactly as Decimal; every line of both sides is reported exactly once."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.credit.engine.comparison import (
    Line,
    LineStatus,
    PartnerRow,
    compare,
    compare_partner,
    document_key,
)

EXAMPLES = settings(max_examples=150, deadline=None)
S = LineStatus
START = date(2026, 1, 1)

days = st.integers(0, 40).map(lambda n: START + timedelta(days=n))
amounts = st.one_of(st.sampled_from([Decimal("100"), Decimal("100.00"), Decimal("250.50")]),
                    st.decimals(min_value=-5000, max_value=5000, places=2)
                    ).filter(lambda value: value != 0)
documents = st.one_of(st.just("Корректировка"),
                      st.integers(1, 6).map(lambda n: f"Счёт № СЧ-26-{n:05d}"),
                      st.integers(1, 6).map(lambda n: f"Оплата, п/п № {n}"))
lines = st.builds(Line, days, documents, amounts)
sides = st.lists(lines, max_size=12)


def _counts(comparison) -> Counter:
    return Counter(line.status for line in comparison.lines)


@EXAMPLES
@given(sides, sides)
def test_swapping_the_sides_swaps_the_missing_lines(ours, theirs):
    forth, back = compare(ours, theirs), compare(theirs, ours)
    assert forth.count(S.MISSING_IN_PARTNER) == back.count(S.MISSING_IN_LEDGER)
    assert forth.count(S.MISSING_IN_LEDGER) == back.count(S.MISSING_IN_PARTNER)
    paired = len(forth.lines) - forth.count(S.MISSING_IN_PARTNER) - forth.count(
        S.MISSING_IN_LEDGER)
    assert paired == len(back.lines) - back.count(S.MISSING_IN_PARTNER) - back.count(
        S.MISSING_IN_LEDGER)
    assert forth.count(S.MATCHED) == back.count(S.MATCHED)
    assert forth.agrees == back.agrees


@EXAMPLES
@given(sides, sides)
def test_every_line_of_both_sides_is_reported_once(ours, theirs):
    comparison = compare(ours, theirs)
    assert Counter(line.ours for line in comparison.lines if line.ours) == Counter(ours)
    assert Counter(line.partners for line in comparison.lines
                   if line.partners) == Counter(theirs)
    for line in comparison.lines:
        if line.status is S.MATCHED:
            assert line.ours.amount == line.partners.amount
            assert line.ours.day == line.partners.day
            assert line.difference == 0


@EXAMPLES
@given(sides, st.randoms())
def test_a_statement_compared_with_itself_agrees(ours, random):
    shuffled = list(ours)
    random.shuffle(shuffled)
    comparison = compare(ours, shuffled)
    assert comparison.agrees
    assert comparison.count(S.MATCHED) == len(ours)


@EXAMPLES
@given(st.lists(lines, min_size=1, max_size=10), st.data())
def test_amounts_are_compared_exactly(ours, data):
    index = data.draw(st.integers(0, len(ours) - 1))
    theirs = list(ours)
    changed = theirs[index]
    cent = data.draw(st.sampled_from([Decimal("0.01"), Decimal("-0.01"),
                                      Decimal("0.001")]))
    theirs[index] = Line(changed.day, changed.document, changed.amount + cent)
    assert not compare(ours, theirs).agrees
    # the same value written with another exponent is the same amount
    rewritten = [Line(line.day, line.document, line.amount.quantize(Decimal("0.0001")))
                 for line in ours]
    assert compare(ours, rewritten).agrees


@EXAMPLES
@given(sides)
def test_the_partners_mirrored_books_agree_with_ours(ours):
    """A partner's statement as its accountant writes it (our debit is its credit) is read
    as the mirror and agrees."""
    rows = [PartnerRow(line.day, line.document,
                       debit=-line.amount if line.amount < 0 else Decimal(0),
                       credit=line.amount if line.amount > 0 else Decimal(0))
            for line in ours]
    comparison = compare_partner(ours, rows)
    assert comparison.agrees
    if ours:
        assert comparison.mirrored


def test_each_kind_of_difference_is_named():
    day = date(2026, 3, 2)
    ours = [Line(day, "Счёт № СЧ-26-00001", Decimal("1000.00")),
            Line(day, "Счёт № СЧ-26-00002", Decimal("500.00")),
            Line(day, "Оплата, п/п № 17", Decimal("-300.00")),
            Line(day, "Счёт № СЧ-26-00003", Decimal("700.00")),
            Line(day, "Корректировка", Decimal("-5.00"))]
    theirs = [Line(day, "Поступление (СЧ-26-1 от 02.03.2026)", Decimal("1000")),
              Line(day, "Поступление (INV-26-00002)", Decimal("550.00")),
              Line(day + timedelta(days=3), "Платёжное поручение N 017", Decimal("-300")),
              Line(day + timedelta(days=20), "Поступление СЧ-26-00003", Decimal("700.00")),
              Line(day, "Возврат", Decimal("-42.00"))]
    statuses = {(line.ours or line.partners).document: (line.status, line.difference)
                for line in compare(ours, theirs).lines}
    assert statuses == {
        "Счёт № СЧ-26-00001": (S.MATCHED, 0),
        "Счёт № СЧ-26-00002": (S.AMOUNT_DIFFERS, Decimal("-50.00")),
        "Оплата, п/п № 17": (S.DATE_DIFFERS, 0),
        "Счёт № СЧ-26-00003": (S.DATE_DIFFERS, 0),
        "Корректировка": (S.MISSING_IN_PARTNER, Decimal("-5.00")),
        "Возврат": (S.MISSING_IN_LEDGER, Decimal("42.00")),
    }


def test_document_keys():
    assert document_key("Счёт № СЧ-26-00042 от 15.01.2026") == "26-42"
    assert document_key("Реализация (INV-26-42)") == "26-42"
    assert document_key("Оплата, п/п № 0123") == "#123"
    assert document_key("Сальдо") is None
