"""The cart and the saved carts cost the same SQL queries whatever the number of lines
and lists (STYLE.md section 13): more lines, more lists, the same statements."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.checkout.models import Cart, CartLine
from tests.cart_world import *  # noqa: F403
from tests.cart_world import CART

pytestmark = pytest.mark.django_db

ADD = """
mutation Add($lines: [CartLineInput!]!) { cartLinesAdd(lines: $lines) { errors { code } } }
"""
SAVE = """
mutation Save($name: String!) {
  savedCartCreate(input: {name: $name, shared: true}) { errors { code } }
}
"""
SAVED = """
{ savedCarts(first: 20) { totalCount edges { node {
    id name shared mine lineCount updatedAt owner { fullName }
    lines { sku name quantity variant { id sku product { name } } } } } } }
"""


def _queries(client, document) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client(document)
    assert not response.errors, response.errors
    return len(captured)


def _add(client, *pairs):
    result = client.mutate(ADD, {"lines": [{"sku": v.sku, "quantity": q} for v, q in pairs]},
                           result="cartLinesAdd")
    assert result["errors"] == []


def test_the_cart_costs_the_same_queries_for_any_number_of_lines(clients, cart_world,
                                                                 fast_path):
    client = clients["dealer buyer"]
    _add(client, (cart_world["door"], "2"))
    fast_path.reset()
    few = _queries(client, CART)
    _add(client, (cart_world["door_2"], "1"), (cart_world["facade"], "20"),
         (cart_world["litre"], "1.5"))
    # Lines without a price or hidden since are shown too, at no extra query.
    CartLine.objects.create(cart=Cart.objects.get(), variant=cart_world["unpriced"],
                            quantity=1)
    CartLine.objects.create(cart=Cart.objects.get(), variant=cart_world["hidden"],
                            quantity=1)
    many = _queries(client, CART)
    assert len(client(CART).data["cart"]["lines"]) == 6
    assert many == few, (few, many)
    assert fast_path.fallbacks == 0


def test_saved_carts_cost_the_same_queries_for_any_number_of_lists(clients, cart_world,
                                                                   fast_path):
    client = clients["dealer buyer"]
    _add(client, (cart_world["door"], "2"))
    assert client.mutate(SAVE, {"name": "Первый"}, result="savedCartCreate")["errors"] == []
    fast_path.reset()
    few = _queries(client, SAVED)
    _add(client, (cart_world["door_2"], "1"), (cart_world["facade"], "20"))
    for name in ("Второй", "Третий", "Четвёртый"):
        assert client.mutate(SAVE, {"name": name}, result="savedCartCreate")["errors"] == []
    other = clients["dealer buyer 2"]
    _add(other, (cart_world["litre"], "1"))
    assert other.mutate(SAVE, {"name": "Коллеги"}, result="savedCartCreate")["errors"] == []
    many = _queries(client, SAVED)
    assert client(SAVED).data["savedCarts"]["totalCount"] == 5
    assert many == few, (few, many)
    assert fast_path.fallbacks == 0
