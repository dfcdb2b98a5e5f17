"""The execution fast path stays in use and does not fail silently: the catalog page of
the benchmark (W1) never falls back to graphql-core's general path, the builders still
recognise graphene's default fields and Relay ids (an upgrade of graphene, graphene-django,
graphql-core or graphql-sync-dataloaders that changes their internals fails here, not as
a slower catalog), and an exception a builder did not plan is an error in the tests."""

from __future__ import annotations

import logging

import pytest
from graphql import graphql_sync

from backend.accounts.models import Role
from backend.api.schema import schema
from backend.catalog.models import ProductImage
from backend.core.graphql import builders, execution
from backend.core.graphql.execution import PortalExecutionContext
from bench.catalog_page import QUERY as CATALOG_PAGE
from tests.fixtures.graphql import GraphQLClient
from tests.test_execution_fast_path import SCHEMA as TOY_SCHEMA


@pytest.mark.django_db
def test_the_catalog_page_is_built_without_a_single_fallback(catalog, network, make_user,
                                                             staff_user, fast_path):
    ProductImage.objects.create(product=catalog["door"], image="products/door.jpg",
                                alt="Дверь", thumbnails={"256": "products/thumbs/d_256.webp"})
    buyer = make_user("buyer@sub-a.test", network["sub_a"], Role.BUYER)
    viewers = [GraphQLClient(buyer, network["sub_a"]), GraphQLClient(),
               GraphQLClient(staff_user, network["factory"])]
    for client in viewers:
        for first in (3, 100):
            fast_path.reset()
            data = client(CATALOG_PAGE, {"first": first}).data
            assert data["products"]["edges"][0]["node"]["variants"]
            assert fast_path.fallbacks == 0
            # Every product and variant was made by a builder.
            products = len(data["products"]["edges"])
            assert fast_path.builder_calls >= products + products * 2


def _field(type_name: str, field_name: str):
    return schema.graphql_schema.get_type(type_name).fields[field_name]


def test_builders_recognise_a_default_field_and_a_relay_id():
    name = builders.plain_field(_field("Product", "name"))
    assert name is not None and name.attname == "name" and name.non_null
    assert name.global_id_node is None
    sku = builders.plain_field(_field("ProductVariant", "sku"))
    assert sku is not None and sku.attname == "sku"
    relay_id = builders.plain_field(_field("Product", "id"))
    assert relay_id is not None and relay_id.global_id_node is not None
    assert builders.uses_default_global_ids(relay_id.global_id_node)
    # A plain graphene type over dicts, and a field with its own resolver (not plain).
    toy = TOY_SCHEMA.get_type("Thing").fields
    assert builders.plain_field(toy["name"]).attname == "name"
    assert builders.plain_field(toy["shout"]) is None


def _run(context_class, source):
    made = []

    class Recorded(context_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    result = graphql_sync(TOY_SCHEMA, source, execution_context_class=Recorded,
                          context_value={})
    return result, made[0]


def test_fallbacks_are_counted_on_the_execution():
    result, context = _run(PortalExecutionContext, "{ things { name size kind } }")
    assert not result.errors and context.fallbacks == 0
    result, context = _run(PortalExecutionContext, "{ broken { name } }")  # a null name
    assert result.errors and context.fallbacks > 0
    result, context = _run(PortalExecutionContext, "{ crates { later } }")  # a future
    assert not result.errors and context.fallbacks > 0


class _BrokenBuilders(PortalExecutionContext):
    """A bug inside the fast path's machinery (not a planned fallback)."""

    def _resolver_env(self, field):
        raise RuntimeError("bug in the fast path")


def test_an_unplanned_exception_in_a_builder_is_an_error_in_strict_mode(settings):
    assert settings.GRAPHQL_FAST_PATH_STRICT  # tests/conftest.py
    result, _ = _run(_BrokenBuilders, "{ crates { label inner { label } } }")
    assert result.errors
    assert "bug in the fast path" in result.errors[0].message


def test_without_strict_mode_the_general_path_answers_and_the_bug_is_logged(settings,
                                                                           caplog):
    settings.GRAPHQL_FAST_PATH_STRICT = False
    source = "{ crates { label inner { label } } }"
    with caplog.at_level(logging.ERROR, logger=execution.__name__):
        result, context = _run(_BrokenBuilders, source)
    assert not result.errors and context.fallbacks > 0
    assert result.data == graphql_sync(TOY_SCHEMA, source, context_value={}).data
    assert any("fast path failed" in r.getMessage() for r in caplog.records)
