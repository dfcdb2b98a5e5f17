"""The execution fast path (object builders) answers every query of the real schema
exactly as graphql-core's general path does: every root query field, walked by
introspection as in the authorization matrix, for several kinds of viewer, plus the
catalog page of the benchmark, each compared byte for byte. The fast path must really
have answered them (builders called, no fallback), or the comparison proves nothing."""

from __future__ import annotations

import pytest

from backend.catalog.models import ProductImage
from backend.core.graphql import execution
from backend.core.graphql.view import PortalGraphQLView
from bench.catalog_page import QUERY as CATALOG_PAGE
from tests.fixtures.graphql import GraphQLClient
from tests.test_authorization_matrix import _root_queries, world  # noqa: F401 (fixture)
from tests.test_execution_fast_path import GeneralPath

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewers(world, staff_user, network):  # noqa: F811 (the imported fixture)
    by_label = {label: (user, org) for user, org, label in world}
    return [(staff_user, network["factory"]), by_label["anonymous"],
            by_label["ADMIN of dealer_a"], by_label["BUYER of sub_a"],
            by_label["custom role of dealer_b"]]


def _answers(monkeypatch, context_class, viewers, documents):
    monkeypatch.setattr(PortalGraphQLView, "execution_context_class", context_class)
    answers = []
    for user, org in viewers:
        client = GraphQLClient(user, org)
        for document, variables in documents:
            response = client.client.post(
                "/graphql/", {"query": document, "variables": variables},
                content_type="application/json", **client.headers)
            answers.append((response.status_code, response.content))
    return answers


def test_every_root_query_answers_the_same_on_both_paths(monkeypatch, viewers, catalog,
                                                         fast_path):
    ProductImage.objects.create(product=catalog["door"], image="products/door.jpg",
                                alt="Дверь", thumbnails={"256": "products/thumbs/d_256.webp"})
    documents = [(document, {}) for _, document in _root_queries()]
    documents += [(CATALOG_PAGE, {"first": 3}), (CATALOG_PAGE, {"first": 100})]
    fast = _answers(monkeypatch, PortalGraphQLView.execution_context_class, viewers,
                    documents)
    assert {"Product", "ProductVariant", "Organization"} <= {k[0] for k in execution._builders}
    # The fast path answered: builders ran, and nothing went down the general path.
    assert fast_path.executions and fast_path.builder_calls > 0
    assert fast_path.fallbacks == 0
    general = _answers(monkeypatch, GeneralPath, viewers, documents)
    assert len(fast) == len(documents) * len(viewers)
    for index, (a, b) in enumerate(zip(fast, general, strict=True)):
        document, variables = documents[index % len(documents)]
        assert a == b, f"differs for {document[:120]} {variables}"
    assert any(b"KR-FAS" in body for _, body in fast)  # the catalog really answered
