"""Resolved fields read together (``backend/core/graphql/field_groups.py``): the fast path
asks a group's read once per source instead of each member's resolver, calls the resolvers
for a source the read does not answer, for an execution whose ``prepare`` answers None and
for a member asked with arguments, keeps the members' answers on a read of an
``answers_kept`` class (per selection, Python data and JSON apart), and answers exactly as
graphql-core's standard execution and the general path do."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import graphene
import orjson
import pytest
from django.test.utils import override_settings
from graphql import execute, parse, validate

from backend.core.graphql import builders, field_groups
from backend.core.graphql.execution import PortalExecutionContext
from tests.test_execution_fast_path import GeneralPath

CALLS: Counter[str] = Counter()


@builders.answers_kept
class Pair(list):
    """A read never changed once built: the members' answers are kept on it."""

    __slots__ = ("built_answers",)

    def __init__(self, left, right) -> None:
        super().__init__((left, right))
        self.built_answers = None


class TierValue:
    def __init__(self, amount, label=None) -> None:
        self.amount, self.label = amount, label


class Row:
    def __init__(self, name, left, right, read="kept") -> None:
        self.name, self.left_value, self.right_value = name, left, right
        self.pair = {"kept": Pair(left, right), "plain": (left, right), "none": None}[read]


def resolve_left(root, info, scale=None):
    CALLS["left"] += 1
    value = root.left_value
    if scale is None or value is None:
        return value
    return TierValue(value.amount * scale, value.label)


def resolve_right(root, info):
    CALLS["right"] += 1
    return root.right_value


def prepare(info):
    CALLS["prepare"] += 1
    if info.context.get("off"):
        return None
    if info.context.get("broken") == "prepare":
        raise RuntimeError("a bug of the group")

    def read(root):
        CALLS["read"] += 1
        if info.context.get("broken") == "read":
            raise RuntimeError("a bug of the group")
        return root.pair

    return read


GROUP = field_groups.read_together(resolve_left, resolve_right, prepare=prepare)


class Tier(graphene.ObjectType):
    amount = graphene.Decimal(required=True)
    label = graphene.String()


class RowType(graphene.ObjectType):
    class Meta:
        name = "Row"

    name = graphene.String(required=True)
    left = graphene.Field(Tier, scale=graphene.Int(), resolver=resolve_left)
    right = graphene.String(required=True, resolver=resolve_right)


class Query(graphene.ObjectType):
    rows = graphene.List(RowType)

    @staticmethod
    def resolve_rows(root, info):
        return info.context["rows"]


SCHEMA = graphene.Schema(query=Query).graphql_schema
PAGE = "{ rows { name left { amount label } right } }"


class AsJson(PortalExecutionContext):
    kept_answers_as_json = True  # as the HTTP view executes


_DOCUMENTS: dict[str, object] = {}


def run(context_class, source, rows, **context):
    """Documents are parsed once, as the view keeps them prepared: a builder is shared by
    the executions of one document (its resolved fields hold the document's nodes)."""
    document = _DOCUMENTS.get(source)
    if document is None:
        document = _DOCUMENTS[source] = parse(source)
        assert not validate(SCHEMA, document)
    result = execute(SCHEMA, document, execution_context_class=context_class,
                     context_value={"rows": rows, **context})
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return result.data, errors


def same_everywhere(source, rows, **context):
    """The fast path's answer (its calls counted), checked equal to graphql-core's
    standard execution and to the general path's."""
    CALLS.clear()
    fast = run(PortalExecutionContext, source, rows, **context)
    calls = Counter(CALLS)
    assert fast == run(None, source, rows, **context), source
    assert fast == run(GeneralPath, source, rows, **context), source
    return fast, calls


def _rows(read="kept"):
    return [Row("a", TierValue(Decimal("1.50"), "x"), "r-a", read),
            Row("b", None, "r-b", read), Row("c", TierValue(Decimal(3)), "r-c", read)]


def test_a_group_is_read_once_per_source_instead_of_its_resolvers():
    rows = _rows()
    (data, errors), calls = same_everywhere(PAGE, rows)
    assert not errors
    assert data["rows"] == [
        {"name": "a", "left": {"amount": "1.50", "label": "x"}, "right": "r-a"},
        {"name": "b", "left": None, "right": "r-b"},
        {"name": "c", "left": {"amount": "3", "label": None}, "right": "r-c"}]
    assert calls == {"prepare": 1, "read": 3}  # no resolver called


def test_a_source_the_read_does_not_answer_goes_through_the_resolvers():
    rows = _rows()
    rows[1].pair = None
    (data, _), calls = same_everywhere(PAGE, rows)
    assert data["rows"][1] == {"name": "b", "left": None, "right": "r-b"}
    assert calls == {"prepare": 1, "read": 3, "left": 1, "right": 1}


def test_an_execution_without_a_read_calls_every_resolver():
    (data, _), calls = same_everywhere(PAGE, _rows(), off=True)
    assert data["rows"][2]["right"] == "r-c"
    assert calls == {"prepare": 1, "left": 3, "right": 3}


def test_a_failing_read_is_a_bug_raised_in_the_tests_and_logged_in_production(caplog):
    rows = _rows()
    for broken in ("prepare", "read"):
        _, errors = run(PortalExecutionContext, PAGE, rows, broken=broken)
        assert errors == [("a bug of the group", ("rows",))]  # GRAPHQL_FAST_PATH_STRICT
        with override_settings(GRAPHQL_FAST_PATH_STRICT=False):
            CALLS.clear()
            answer = run(PortalExecutionContext, PAGE, rows, broken=broken)
        assert answer == run(GeneralPath, PAGE, rows) and not answer[1]
        assert "The GraphQL fast path failed unexpectedly" in caplog.text
    assert CALLS["prepare"] == 1  # a failed prepare: logged once, then the resolvers


def test_a_member_asked_with_arguments_calls_its_own_resolver():
    (data, _), calls = same_everywhere("{ rows { left(scale: 2) { amount } right } }",
                                       _rows())
    assert [row["left"] for row in data["rows"]] == [{"amount": "3.00"}, None,
                                                      {"amount": "6"}]
    assert calls == {"prepare": 1, "read": 3, "left": 3}


def test_members_under_aliases_and_in_any_order_read_once():
    query = "{ rows { r: right a: left { amount } name b: left { label } } }"
    (data, _), calls = same_everywhere(query, _rows())
    assert data["rows"][0] == {"r": "r-a", "a": {"amount": "1.50"}, "name": "a",
                               "b": {"label": "x"}}
    assert calls == {"prepare": 1, "read": 3}


def test_the_members_answers_are_kept_on_a_kept_read_per_selection():
    rows = _rows()
    (first, _), _ = same_everywhere(PAGE, rows)
    assert all(len(row.pair.built_answers) == 1 for row in rows)
    again, _ = run(PortalExecutionContext, PAGE, rows)
    assert again == first
    # the dicts built the first time (a TierValue is no kept class: kept only thanks to
    # the group's answers on the read)
    assert again["rows"][0]["left"] is first["rows"][0]["left"]
    same_everywhere("{ rows { right } }", rows)
    assert all(len(row.pair.built_answers) == 2 for row in rows)

    as_json, _ = run(AsJson, PAGE, rows)  # kept apart, as JSON
    assert all(len(row.pair.built_answers) == 3 for row in rows)
    assert isinstance(as_json["rows"][0]["left"], orjson.Fragment)
    assert orjson.dumps(as_json) == orjson.dumps(first)
    assert orjson.dumps(run(AsJson, PAGE, rows)[0]) == orjson.dumps(first)


def test_a_read_of_another_class_is_answered_every_time_and_keeps_nothing():
    rows = _rows("plain")
    (first, _), calls = same_everywhere(PAGE, rows)
    assert calls == {"prepare": 1, "read": 3}
    again, _ = run(PortalExecutionContext, PAGE, rows)
    assert again == first and again["rows"][0]["left"] is not first["rows"][0]["left"]


def test_a_refused_value_is_the_general_paths_error_and_never_kept():
    rows = _rows()
    rows[2] = Row("c", TierValue(None), None)  # a null amount and a null right: refused
    for _ in range(2):
        (data, errors), _ = same_everywhere(PAGE, rows)
        assert data["rows"][2] is None
        assert {path for _, path in errors} == {("rows", 2, "left", "amount"),
                                                ("rows", 2, "right")}
    assert rows[2].pair.built_answers is None
    assert rows[0].pair.built_answers  # the others' answers are kept


def test_a_resolver_belongs_to_one_group():
    with pytest.raises(TypeError, match="already belongs"):
        field_groups.read_together(resolve_right, prepare=prepare)
    assert field_groups.membership(resolve_left) == (GROUP, 0)
    assert field_groups.membership(resolve_right) == (GROUP, 1)
