"""The Resolver prices each variant's tiers in one pass per link (its "ladder" of rungs);
these properties compare it with the reference resolution (one full resolution per
quantity, tests/fixtures/price_reference.py) over the generated networks of
test_price_engine_properties: any quantity, any order of questions, and the tiers."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from price_rules.engine import Resolver
from tests.fixtures.price_engine import D
from tests.fixtures.price_reference import ReferenceResolver, reference_tiers
from tests.test_price_engine_properties import networks, quantities, variant_ids

# Quantities at and around the generated tiers' minimums (integers 1-100), where an
# off-by-one in the ladder's ranges would show.
edges = st.one_of(quantities, st.integers(1, 101).map(D),
                  st.integers(1, 101).map(lambda q: D(q) - D("0.001")))
questions = st.lists(st.tuples(variant_ids, edges), min_size=1, max_size=8)


@given(networks(), questions)
def test_one_pass_answers_equal_a_full_resolution_at_each_quantity(ctx, asked):
    resolver = Resolver(ctx)

    answers = [resolver.resolve(variant_id, quantity) for variant_id, quantity in asked]

    assert answers == [ReferenceResolver(ctx).resolve(variant_id, quantity)
                       for variant_id, quantity in asked]


@given(networks(), variant_ids, edges)
def test_one_pass_tiers_equal_resolving_at_each_tiers_quantity(ctx, variant_id, quantity):
    resolver = Resolver(ctx)

    tiers = resolver.tiers(variant_id, quantity)

    assert tiers == reference_tiers(ctx, variant_id, quantity)
    assert [t.quantity for t in tiers[1:]] == [t.next_tier.min_quantity for t in tiers[:-1]]
    assert all(t.quantity < u.quantity for t, u in pairwise(tiers))
    assert [(t.min_quantity, t.unit_net, t.unit_gross)
            for t in Resolver(ctx).price_tiers(variant_id, quantity)] == [
        (t.quantity, t.unit_net, t.unit_gross) for t in tiers]


@given(networks(), questions)
def test_tiers_asked_after_other_questions_are_the_same(ctx, asked):
    resolver = Resolver(ctx)
    for variant_id, quantity in asked:
        resolver.resolve(variant_id, quantity)

    for variant_id, quantity in asked:
        assert resolver.tiers(variant_id, quantity) == reference_tiers(ctx, variant_id,
                                                                       quantity)
