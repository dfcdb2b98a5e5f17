"""One ``Resolver`` answers many questions of a page (every tier of every variant): it
remembers its answers, and a remembered answer is the one a fresh resolver gives."""

from __future__ import annotations

from price_rules.engine import Assignment, AssignmentKind, PriceFormula, Resolver, resolve
from tests.fixtures.price_engine import (
    DEALER,
    MANUFACTURER,
    SUB_DEALER,
    D,
    context,
    link,
    price_list,
    tiers,
)


def _markup_context():
    """A sub-dealer priced by its dealer's +25% over the dealer's tiered purchase list."""
    return context(
        link(SUB_DEALER, DEALER, markup=PriceFormula(percent=D(25))),
        link(DEALER, MANUFACTURER,
             price_list(1, MANUFACTURER, {1: tiers((1, "100"), (10, "90"), (50, "80"))}),
             assignments=[Assignment(1, AssignmentKind.OWNER_DEFAULT)]))


def test_each_answer_carries_the_quantity_asked_even_when_an_equal_one_was_remembered():
    resolver = Resolver(_markup_context())

    first, second = resolver.resolve(1, D("10")), resolver.resolve(1, D("10.000"))

    assert (str(first.quantity), str(second.quantity)) == ("10", "10.000")
    assert first.unit_net == second.unit_net == D("112.50")


def test_remembered_answers_equal_fresh_ones_in_any_order_of_questions():
    ctx = _markup_context()
    resolver = Resolver(ctx)
    asked = [D(q) for q in ("50", "1", "10", "1", "60", "9", "10")]

    answers = [resolver.resolve(1, q) for q in asked]

    assert answers == [resolve(ctx, 1, q) for q in asked]
    assert (answers[1].next_tier.min_quantity, answers[1].next_tier.unit_net) == (
        D(10), D("112.50"))
