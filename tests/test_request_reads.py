"""backend/core/request_reads.py: the parts several apps read once in a query request run
in one statement; a part asked with other parameters than those read along, or one that
did not apply, is read alone; a request keeps its answers, another starts afresh."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from backend.core import request_reads

pytestmark = pytest.mark.django_db


@pytest.fixture
def parts(monkeypatch):
    """Two parts of their own in place of the apps' (the request below has no viewer)."""
    monkeypatch.setattr(request_reads, "_PARTS", {})
    applies = {"b": True}
    request_reads.register(request_reads.Part(
        "a", "SELECT json_build_array('a', %s::int)", lambda request: [1]))
    request_reads.register(request_reads.Part(
        "b", "SELECT json_build_array('b', %s::int)",
        lambda request: [2] if applies["b"] else None))
    return applies


def test_the_first_read_reads_every_part_that_applies_in_one_statement(
        parts, django_assert_num_queries):
    request = SimpleNamespace()
    with django_assert_num_queries(1):
        assert request_reads.read(request, "a", [1]) == ["a", 1]
        assert request_reads.read(request, "b", [2]) == ["b", 2]
        assert request_reads.read(request, "a", [1]) == ["a", 1]
    with django_assert_num_queries(1):  # another request reads again
        assert request_reads.read(SimpleNamespace(), "b", [2]) == ["b", 2]


def test_other_parameters_or_a_part_that_did_not_apply_are_read_alone(
        parts, django_assert_num_queries):
    request = SimpleNamespace()
    with django_assert_num_queries(2):
        assert request_reads.read(request, "a", [1]) == ["a", 1]
        # asked with what the part did not read along (the kept view changed meanwhile)
        assert request_reads.read(request, "b", [7]) == ["b", 7]
    parts["b"] = False
    request = SimpleNamespace()
    with django_assert_num_queries(2):
        assert request_reads.read(request, "a", [1]) == ["a", 1]
        assert request_reads.read(request, "b", [3]) == ["b", 3]


def test_the_apps_register_their_parts():
    # imported with the schema: the price rules' version and the stock versions
    import inventory.schema.kept_stock  # noqa: F401
    import price_rules.schema.kept_prices  # noqa: F401

    assert {"prices", "stock"} <= set(request_reads._PARTS)
