"""The catalog's viewer fields read together (``field_groups``): a variant's ``price`` and
``priceTiers`` from its kept walk, its ``stock`` and ``availability`` from its kept stock
answer. On committed data (so that prices and stock are kept), the page of
``bench.catalog_stock`` answers byte for byte as the general path does on its first,
second (kept reads) and third request (the members' answers kept on the reads), for a
sub-dealer's and a dealer's buyer; and the kept reads really hold those answers."""

from __future__ import annotations

import pytest

from backend.core.graphql.view import PortalGraphQLView
from bench.catalog_stock import BOTH_QUERY
from inventory.schema.kept_stock import KEPT as KEPT_STOCK
from price_rules.schema.kept_prices import KEPT as KEPT_PRICES
from tests.fixtures.graphql import GraphQLClient
from tests.fixtures.stock_world import seed_stock
from tests.test_execution_fast_path import GeneralPath
from tests.test_price_kept import _nothing_kept, shop  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_stock_kept():
    KEPT_STOCK.clear()
    yield
    KEPT_STOCK.clear()


def _body(client: GraphQLClient) -> bytes:
    response = client.client.post("/graphql/", {"query": BOTH_QUERY, "variables": {"first": 50}},
                                  content_type="application/json", **client.headers)
    assert response.status_code == 200
    return response.content


def _kept_group_answers() -> tuple[int, int]:
    """(kept walks, kept stock answers) holding their members' answers."""
    walks = sum(bool(walk.built_answers) for walks in KEPT_PRICES._walks.values()
                for walk in walks.values())
    stock = sum(bool(answer.built_answers) for view in KEPT_STOCK._views.values()
                for answer in view.variants.values())
    return walks, stock


@pytest.mark.parametrize("buyer", ["sub_a", "dealer_a"])
def test_the_priced_and_stocked_page_answers_the_same_as_the_general_path(
        buyer, shop, network, catalog, make_org, make_user, monkeypatch, fast_path):  # noqa: F811
    seed_stock(network, catalog, make_org)
    client = GraphQLClient(make_user(f"groups@{buyer}.test", shop[buyer]), shop[buyer])
    answers = [_body(client) for _ in range(3)]
    assert fast_path.fallbacks == 0
    walks, stock = _kept_group_answers()
    assert walks > 0 and stock > 0  # the third request read the members' kept answers
    monkeypatch.setattr(PortalGraphQLView, "execution_context_class", GeneralPath)
    general = _body(client)
    assert answers == [general] * 3
    assert b'"priceTiers":[{' in general and b'"stock":[{"warehouse"' in general
