"""A cart and its lines are nodes: node(id:) gives the viewer's own, as the cart shows
them, and nothing of anyone else's."""

from __future__ import annotations

import pytest

from tests.cart_world import *  # noqa: F403
from tests.cart_world import gid

pytestmark = pytest.mark.django_db

NODE = """
query Node($id: ID!) {
  node(id: $id) { __typename id ... on Cart { lineCount }
                  ... on CartLine { sku quantity unitNet } }
}
"""
ADD = """
mutation Add($lines: [CartLineInput!]!) {
  cartLinesAdd(lines: $lines) { cart { id lines { id } } errors { code } }
}
"""


def test_a_cart_and_its_lines_by_id(clients, cart_world, network):
    door = cart_world["door"]
    client = clients["dealer buyer"]
    cart = client.mutate(ADD, {"lines": [{"sku": door.sku, "quantity": "2"}]},
                         result="cartLinesAdd")["cart"]
    line_id = cart["lines"][0]["id"]
    assert client(NODE, {"id": cart["id"]}).data["node"] == {
        "__typename": "Cart", "id": cart["id"], "lineCount": 1}
    assert client(NODE, {"id": line_id}).data["node"] == {
        "__typename": "CartLine", "id": line_id, "sku": door.sku, "quantity": "2",
        "unitNet": "1000.00"}
    other = clients["dealer buyer 2"]
    assert other(NODE, {"id": line_id}).data["node"] is None
    # Its own (empty) cart for that buyer, not the first buyer's.
    assert other(NODE, {"id": cart["id"]}).data["node"]["lineCount"] == 0
    # A buyer the viewer may not order for: nothing.
    sub_b = gid("Cart", network["sub_b"].pk)
    assert client(NODE, {"id": sub_b}).data["node"] is None
