"""Answers kept on objects that never change (``builders.answers_kept``): a builder that only
reads fields answers such an object again with the dict it built the first time, per
selection (aliases, directives' outcomes), and answers exactly as graphql-core does; a
selection with a resolver, a value refused and an object of an unmarked class are built
every time."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from backend.core.graphql import builders
from backend.core.graphql.execution import PortalExecutionContext
from tests.test_execution_builders import Source, run, same_everywhere


@builders.answers_kept
@dataclass(slots=True)
class KeptTier:
    amount: Decimal | None
    label: str | None = None
    built_answers: dict | None = field(default=None, repr=False, compare=False)


@builders.answers_kept
@dataclass(slots=True)
class KeptItem:
    name: str | None
    flag: bool = True
    next_tier: KeptTier | None = None
    tiers: list[KeptTier] = field(default_factory=list)
    built_answers: dict | None = field(default=None, repr=False, compare=False)


@builders.answers_kept
class KeptTiers(list):
    __slots__ = ("built_answers",)

    def __init__(self, tiers=()):
        super().__init__(tiers)
        self.built_answers = None


def _items():
    tiers = [KeptTier(Decimal("1.50"), "a"), KeptTier(Decimal(3), "b")]
    return [KeptItem("x", next_tier=tiers[1], tiers=tiers), KeptItem("y", flag=False)]


QUERY = "{ items { __typename name nextTier { amount } tiers { amount label } } }"


def test_a_kept_objects_answer_is_built_once_and_answered_again():
    items = _items()
    first, errors = same_everywhere(QUERY, items)
    assert not errors
    again, _ = run(PortalExecutionContext, QUERY, items)
    assert again == first
    assert again["items"][0] is first["items"][0]  # the dict kept on the object
    assert again["items"][1] is first["items"][1]
    assert first["items"][0] == {
        "__typename": "Item", "name": "x", "nextTier": {"amount": "3"},
        "tiers": [{"amount": "1.50", "label": "a"}, {"amount": "3", "label": "b"}]}
    assert len(items[0].built_answers) == 1
    # Tiers are kept on their own too, under their own selection each.
    assert len(items[0].tiers[1].built_answers) == 2


def test_each_selection_keeps_its_own_answer():
    items = _items()
    queries = ["{ items { name } }", "{ items { n: name } }",
               "query ($on: Boolean!) { items { name flag @include(if: $on) } }"]
    answers = [run(PortalExecutionContext, q, items, {"on": True})[0] for q in queries]
    answers.append(run(PortalExecutionContext, queries[2], items, {"on": False})[0])
    assert [a["items"][1] for a in answers] == [
        {"name": "y"}, {"n": "y"}, {"name": "y", "flag": False}, {"name": "y"}]
    for query, variables, answer in zip(queries + queries[2:], [{"on": True}] * 3
                                        + [{"on": False}], answers, strict=True):
        again, _ = same_everywhere(query, items, variables)
        assert again == answer
    # `flag @include(if: false)` selects what `{ items { name } }` does: one builder.
    assert len(items[1].built_answers) == 3


def test_answers_kept_per_object_are_bounded():
    items = _items()
    for i in range(builders._ANSWERS_PER_OBJECT * 2 + 1):
        data, _ = run(PortalExecutionContext, f"{{ items {{ a{i}: name }} }}", items)
        assert data["items"][0] == {f"a{i}": "x"}
        assert len(items[0].built_answers) <= builders._ANSWERS_PER_OBJECT


def test_a_selection_with_a_resolver_is_never_kept():
    items = [KeptItem("ab")]
    for times in (1, 2, 3):
        data, _ = same_everywhere(f"{{ items {{ name shout(times: {times}) }} }}", items)
        assert data["items"][0]["shout"] == "AB" * times
    assert items[0].built_answers is None


def test_a_refused_value_is_the_general_paths_error_and_never_kept():
    items = [KeptItem(None), KeptItem("b", next_tier=KeptTier(None))]
    for _ in range(2):
        data, errors = same_everywhere("{ items { name nextTier { amount } } }", items)
        assert data["items"] == [None, {"name": "b", "nextTier": None}]
        assert {path for _, path in errors} == {("items", 0, "name"),
                                                ("items", 1, "nextTier", "amount")}
    assert items[0].built_answers is None
    # Answered by the general path: nothing of either object kept.
    assert items[1].built_answers is None and items[1].next_tier.built_answers is None


def test_a_kept_list_keeps_its_built_list_in_an_object_built_every_time():
    tiers = KeptTiers([KeptTier(Decimal(1), "a"), None, KeptTier(Decimal(2))])
    items = [Source(name="a", flag=True, tiers=tiers, any_tiers=tiers)]
    query = "{ items { name tiers { amount } anyTiers { label } } }"
    first, errors = same_everywhere(query, items)
    assert first["items"][0]["anyTiers"] == [{"label": "a"}, None, {"label": None}]
    assert first["items"][0]["tiers"] is None  # a null item in `[Tier!]`: not kept
    assert errors and len(tiers.built_answers) == 1
    again, _ = same_everywhere(query, items)
    assert again == first and again["items"][0] is not first["items"][0]
    assert again["items"][0]["anyTiers"] is first["items"][0]["anyTiers"]


def test_objects_of_unmarked_classes_are_built_every_time():
    items = [Source(name="a", flag=True)]
    first, _ = run(PortalExecutionContext, "{ items { name } }", items)
    again, _ = run(PortalExecutionContext, "{ items { name } }", items)
    assert again == first and again["items"][0] is not first["items"][0]


def test_only_a_class_with_a_slot_for_its_answers_can_keep_them():
    class Plain:
        __slots__ = ("name",)

    with pytest.raises(TypeError, match="built_answers"):
        builders.answers_kept(Plain)
