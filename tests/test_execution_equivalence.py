"""The execution fast path (object builders) answers every query of the real schema
exactly as graphql-core's general path does: every root query field, walked by
introspection as in the authorization matrix, for several kinds of viewer, plus the
catalog page of the benchmark, each compared byte for byte. The fast path must really
have answered them (builders called, no fallback), or the comparison proves nothing."""

from __future__ import annotations

import re

import pytest

from backend.catalog.models import ProductImage
from backend.core.graphql import builders
from backend.core.graphql.view import PortalGraphQLView
from bench.catalog_page import QUERY as CATALOG_PAGE
from tests.fixtures.graphql import GraphQLClient
from tests.test_api_catalog_prices import shop  # noqa: F401 (fixture)
from tests.test_authorization_matrix import _root_queries, world  # noqa: F401 (fixture)
from tests.test_execution_fast_path import GeneralPath

# the schema walk's documents stay prepared between its requests (tests/fixtures/graphql.py)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("walk_documents_kept")]


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
            answers.append((response.status_code, _unsigned(response.content)))
    return answers


def _unsigned(body: bytes) -> bytes:
    """A signed download link carries the second it was signed in (the invoices' PDFs,
    the packing lists): the two paths answer seconds apart, so the tokens are left out."""
    return re.sub(rb"\?t=[^\"]+", b"?t=...", body)


def test_every_root_query_answers_the_same_on_both_paths(monkeypatch, viewers, catalog,
                                                         fast_path):
    ProductImage.objects.create(product=catalog["door"], image="products/door.jpg",
                                alt="Дверь", thumbnails={"256": "products/thumbs/d_256.webp"})
    documents = [(document, {}) for _, document in _root_queries()]
    documents += [(CATALOG_PAGE, {"first": 3}), (CATALOG_PAGE, {"first": 100})]
    fast = _answers(monkeypatch, PortalGraphQLView.execution_context_class, viewers,
                    documents)
    assert {"Product", "ProductVariant", "Organization"} <= {k[0] for k in builders._builders}
    # The fast path answered: builders ran, and nothing went down the general path.
    assert fast_path.executions and fast_path.builder_calls > 0
    assert fast_path.fallbacks == 0
    general = _answers(monkeypatch, GeneralPath, viewers, documents)
    assert len(fast) == len(documents) * len(viewers)
    for index, (a, b) in enumerate(zip(fast, general, strict=True)):
        document, variables = documents[index % len(documents)]
        assert a == b, f"differs for {document[:120]} {variables}"
    assert any(b"KR-FAS" in body for _, body in fast)  # the catalog really answered


PRICED_FRAGMENTS = """
query PricedFragments($first: Int!, $withTiers: Boolean!, $quantity: Decimal) {
  products(first: $first) { edges { node { __typename id ...Variants } } }
}
fragment Variants on Product {
  variants {
    sku
    atMinimum: price { ...Price }
    atQuantity: price(quantity: $quantity) { net gross minQuantity __typename }
    priceTiers @include(if: $withTiers) { minQuantity net gross }
    tiers: priceTiers @skip(if: $withTiers) { from: minQuantity }
  }
}
fragment Price on VariantPrice {
  currency net gross vatRate pricesIncludeVat listNet listGross minQuantity unit
  nextTier { __typename minQuantity net gross }
  promotions { id name kind value validUntil __typename }
}
"""


def test_the_priced_catalog_page_answers_the_same_on_both_paths(monkeypatch, shop, api,  # noqa: F811
                                                                 make_user, fast_path):
    """W1 with prices (the bench's selection, then fragments, aliases, arguments and
    directives over the price types) for buyers of each kind and an anonymous visitor:
    byte for byte the general path's answer, with no fallback."""
    from bench.catalog_prices import PRICES_QUERY

    viewers = [(make_user(f"buyer@{key}.test", shop[key]), shop[key])
               for key in ("sub_a", "dealer_a", "sub_b")] + [(None, None)]
    documents = [(PRICES_QUERY, {"first": 50})] + [
        (PRICED_FRAGMENTS, {"first": 50, "withTiers": tiers, "quantity": quantity})
        for tiers, quantity in ((True, "12"), (False, None))]
    fast = _answers(monkeypatch, PortalGraphQLView.execution_context_class, viewers,
                    documents)
    assert fast_path.fallbacks == 0 and fast_path.builder_calls > 0
    assert {"VariantPrice", "PriceTier"} <= {k[0] for k in builders._builders}
    general = _answers(monkeypatch, GeneralPath, viewers, documents)
    for index, (a, b) in enumerate(zip(fast, general, strict=True)):
        assert a == b, f"differs for {documents[index % len(documents)]}"
        assert a[0] == 200 and b'"errors"' not in a[1]
    assert b'"nextTier":{"__typename":"PriceTier"' in fast[1][1]
    assert b'"promotions":[{"id"' in fast[0][1]
