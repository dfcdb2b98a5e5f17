"""A forwarded order carries the dealer's purchase prices: the sub-dealer whose order it
carries has no path to it. Its admin asks for its forwarded order with every field nested
to the depth limit (the price leak walk's selection, through ``node(id:)`` and the
``orders`` list) and finds no dealer purchase price and no ``forwardedTo``; the dealer
does reach its order to the manufacturer through the same fields (the seed is real).
(The whole walk, every root field, is ``test_price_leak_walk.py``'s: 25 s, so not run
again here.)"""

from __future__ import annotations

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.accounts.models import Role
from tests.fixtures.graphql import GraphQLClient
from tests.forwarding_seed import seed_forward
from tests.test_authorization_matrix import _root_queries
from tests.test_price_leak_walk import (
    BASE,
    RESALE,
    _node_document,
    chain,
    dealer_purchase_prices,
    leaks,
)

__all__ = ["chain"]

# the schema walk's documents stay prepared between its requests (tests/fixtures/graphql.py)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("walk_documents_kept")]

ORDER = """query($id: ID!) { order(id: $id) { id forwardedTo { id totalNet }
  lines { forwardedTo { order { id } line { unitNet } } } } }"""


@pytest.fixture
def forwarded(chain, make_user):
    sub_user = make_user("buyer@sub-a.test", chain["sub"], Role.BUYER)
    dealer_user = make_user("admin@dealer-a.test", chain["dealer"], Role.ADMIN)
    source, order = seed_forward(chain["sub"], sub_user, chain["dealer"], dealer_user,
                                 chain["variants"][:2], sub_price=RESALE[(4, 1)],
                                 dealer_price=BASE[(0, 1)])
    return {"source": source, "order": order, "dealer_user": dealer_user}


def test_a_sub_dealer_reaches_no_purchase_price_through_its_forwarded_order(chain, forwarded):
    forbidden = dealer_purchase_prices(chain)
    assert Decimal(BASE[(0, 1)]) in forbidden
    source = to_global_id("Order", forwarded["source"].pk)
    own = chain["client"](ORDER, {"id": source}).data["order"]
    assert own["id"] == source and own["forwardedTo"] is None
    assert all(line["forwardedTo"] is None for line in own["lines"])

    answers = []
    for label, document, variables in (
            ("node", _node_document("Order"), {"id": source}),
            ("orders", dict(_root_queries())["orders"], {})):
        response = chain["client"](document, variables)
        assert response.status == 200 and not response.errors, response.body
        answers.append((label, response.body))
    assert source in str(answers[1])
    found = leaks(answers, forbidden)
    assert not found, "dealer purchase prices reach the sub-dealer:\n" + "\n".join(found)
    assert to_global_id("Order", forwarded["order"].pk) not in str(answers)

    dealer = GraphQLClient(forwarded["dealer_user"], chain["dealer"])
    seen = dealer(ORDER, {"id": source}).data["order"]
    assert seen["forwardedTo"]["id"] == to_global_id("Order", forwarded["order"].pk)
    assert seen["lines"][0]["forwardedTo"]["line"]["unitNet"] == BASE[(0, 1)]
