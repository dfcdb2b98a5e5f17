"""The cart through the API: lines added (all or nothing, a SKU already there adds up),
priced for the cart's buyer at each line's quantity (tier, the markup a sub-dealer pays),
changed, removed and cleared; each line's problem; one cart per (user, buyer); nobody
reaches another's lines; ordering for a client only where the viewer may."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.catalog.models import Product
from backend.checkout.models import Cart, CartLine
from tests.cart_world import *  # noqa: F403
from tests.cart_world import CART, gid

pytestmark = pytest.mark.django_db

D = Decimal

ADD = """
mutation Add($buyer: ID, $lines: [CartLineInput!]!, $source: LineSource) {
  cartLinesAdd(buyer: $buyer, lines: $lines, source: $source) {
    cart { lineCount lines { id sku quantity source unitNet totalNet problem { code } }
           totals { totalNet totalGross } }
    errors { field code message skus suggestions nearestQuantity }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $quantity: Decimal!) {
  cartLineUpdate(id: $id, quantity: $quantity) {
    cart { lines { id quantity } } errors { field code nearestQuantity }
  }
}
"""
REMOVE = """
mutation Remove($ids: [ID!]!) {
  cartLinesRemove(ids: $ids) { cart { lineCount } errors { field code } }
}
"""
CLEAR = """
mutation Clear($buyer: ID) { cartClear(buyer: $buyer) { cart { lineCount } errors { code } } }
"""


def _add(client, *lines, buyer=None, source=None):
    variables = {"lines": [dict(line) for line in lines], "buyer": buyer}
    if source:
        variables["source"] = source
    return client.mutate(ADD, variables, result="cartLinesAdd")


def test_an_empty_cart_has_an_id_before_its_first_line(clients, network):
    cart = clients["dealer buyer"](CART).data["cart"]
    assert cart["id"] == gid("Cart", network["dealer_a"].pk)
    assert cart["lines"] == [] and cart["lineCount"] == 0 and not cart["canPlace"]
    assert cart["totals"]["totalGross"] == "0" and cart["currency"] == "RUB"
    assert not Cart.objects.exists()


def test_lines_are_added_priced_with_their_tier_and_a_sku_adds_up(clients, cart_world):
    door, facade = cart_world["door"], cart_world["facade"]
    client = clients["dealer buyer"]
    result = _add(client, {"variant": gid("ProductVariant", door.pk), "quantity": "4"},
                  {"sku": f"  {facade.sku.lower()} ", "quantity": "20"})
    assert result["errors"] == []
    result = _add(client, {"sku": door.sku, "quantity": "6"}, source="QUICK_ORDER")
    assert result["errors"] == []
    lines = result["cart"]["lines"]
    assert [(line["sku"], line["quantity"], line["source"]) for line in lines] == [
        (door.sku, "10", "CATALOG"), (facade.sku, "20", "CATALOG")]
    # 10 doors reach the 950 tier.
    assert [line["unitNet"] for line in lines] == ["950.00", "500.00"]
    assert result["cart"]["totals"]["totalNet"] == "19500.00"
    assert CartLine.objects.count() == 2

    cart = client(CART).data["cart"]
    assert cart["canPlace"] and cart["priceToken"]
    first = cart["lines"][0]
    assert D(first["price"]["minQuantity"]) == 10 and first["price"]["net"] == "950.00"
    assert first["rules"] == {"minimum": "1", "step": "1", "packSize": "1", "unit": "PCS"}
    assert first["variant"]["sku"] == door.sku and first["problem"] is None
    assert cart["totals"]["totalVat"] == str(D(cart["totals"]["totalGross"])
                                             - D(cart["totals"]["totalNet"]))


def test_adding_is_all_or_nothing_with_each_line_problem(clients, cart_world):
    door, facade = cart_world["door"], cart_world["facade"]
    result = _add(clients["dealer buyer"],
                  {"sku": door.sku, "quantity": "1"},
                  {"sku": "KR-FAZ-" + facade.sku.split("-")[-1], "quantity": "5"},
                  {"sku": facade.sku, "quantity": "25"},
                  {"sku": facade.sku, "quantity": "5"},
                  {"variant": gid("ProductVariant", cart_world["unpriced"].pk),
                   "quantity": "1"},
                  {"sku": cart_world["hidden"].sku, "quantity": "1"},
                  {"sku": cart_world["door_2"].sku, "quantity": "1.5"},
                  {"sku": door.sku, "quantity": "0"})
    assert result["cart"] is None
    errors = {error["field"]: error for error in result["errors"]}
    assert {field: error["code"] for field, error in errors.items()} == {
        "lines.1": "UNKNOWN_SKU", "lines.2": "NOT_MULTIPLE", "lines.3": "BELOW_MINIMUM",
        "lines.4": "NOT_ORDERABLE", "lines.5": "NOT_ORDERABLE",
        "lines.6": "FRACTIONAL_QUANTITY", "lines.7": "INVALID_QUANTITY"}
    assert facade.sku in errors["lines.1"]["suggestions"]
    assert errors["lines.2"]["nearestQuantity"] == "30"
    assert errors["lines.3"]["nearestQuantity"] == "20"
    assert errors["lines.6"]["nearestQuantity"] == "2"
    assert not CartLine.objects.exists()


def test_a_line_whose_product_is_hidden_later_shows_its_problem(clients, cart_world):
    door = cart_world["door"]
    client = clients["dealer buyer"]
    assert _add(client, {"sku": door.sku, "quantity": "2"},
                {"sku": cart_world["facade"].sku, "quantity": "20"})["errors"] == []
    Product.objects.filter(pk=door.product_id).update(is_published=False)
    cart = client(CART).data["cart"]
    hidden, kept = cart["lines"]
    assert hidden["variant"] is None and hidden["price"] is None
    assert hidden["problem"]["code"] == "NOT_ORDERABLE" and hidden["totalNet"] == "0"
    assert hidden["availability"] is None
    assert kept["problem"] is None and not cart["canPlace"]


def test_update_remove_and_clear(clients, cart_world):
    client = clients["dealer buyer"]
    lines = _add(client, {"sku": cart_world["facade"].sku, "quantity": "20"},
                 {"sku": cart_world["door"].sku, "quantity": "1"})["cart"]["lines"]
    facade_line, door_line = lines
    result = client.mutate(UPDATE, {"id": facade_line["id"], "quantity": "35"},
                           result="cartLineUpdate")
    assert result["errors"] == [{"field": "quantity", "code": "NOT_MULTIPLE",
                                 "nearestQuantity": "40"}]
    result = client.mutate(UPDATE, {"id": facade_line["id"], "quantity": "40"},
                           result="cartLineUpdate")
    assert result["errors"] == [] and result["cart"]["lines"][0]["quantity"] == "40"
    result = client.mutate(REMOVE, {"ids": [door_line["id"]]}, result="cartLinesRemove")
    assert result == {"cart": {"lineCount": 1}, "errors": []}
    result = client.mutate(CLEAR, {}, result="cartClear")
    assert result == {"cart": {"lineCount": 0}, "errors": []}
    assert not CartLine.objects.exists()


def test_another_users_cart_line_is_not_found(clients, cart_world):
    line = _add(clients["dealer buyer"],
                {"sku": cart_world["door"].sku, "quantity": "1"})["cart"]["lines"][0]
    other = clients["dealer buyer 2"]
    result = other.mutate(UPDATE, {"id": line["id"], "quantity": "3"}, result="cartLineUpdate")
    assert result == {"cart": None, "errors": [{"field": "id", "code": "NOT_FOUND",
                                                "nearestQuantity": None}]}
    result = other.mutate(REMOVE, {"ids": [line["id"]]}, result="cartLinesRemove")
    assert result["errors"] == [{"field": "ids", "code": "NOT_FOUND"}]
    assert CartLine.objects.get().quantity == 1
    # The same user's cart of the same buyer is one cart; the second buyer's is its own.
    assert other(CART).data["cart"]["lines"] == []


def test_a_sub_dealer_sees_its_own_price_never_its_dealers_purchase_price(clients,
                                                                         cart_world, network):
    door = cart_world["door"]
    result = _add(clients["sub buyer"], {"sku": door.sku, "quantity": "1"})
    assert result["errors"] == []
    line = clients["sub buyer"](CART).data["cart"]["lines"][0]
    # The dealer buys at 1000; its +25% markup is the sub-dealer's price.
    assert D(line["price"]["net"]) == D(line["unitNet"]) == 1250
    assert "1000" not in str(line)


def test_ordering_for_a_client(clients, cart_world, network):
    sub_a, sub_b = gid("Organization", network["sub_a"].pk), gid("Organization",
                                                                 network["sub_b"].pk)
    door = cart_world["door"]
    result = _add(clients["dealer admin"], {"sku": door.sku, "quantity": "1"}, buyer=sub_a)
    assert result["errors"] == []
    cart = clients["dealer admin"](CART, {"buyer": sub_a}).data["cart"]
    assert cart["buyer"]["name"] == network["sub_a"].name
    assert D(cart["lines"][0]["unitNet"]) == 1250  # the client's price
    # Its own cart is another one.
    assert clients["dealer admin"](CART).data["cart"]["lines"] == []
    # Dealer A's admin may not order for dealer B's sub-dealer; a buyer for nobody else.
    result = _add(clients["dealer admin"], {"sku": door.sku, "quantity": "1"}, buyer=sub_b)
    assert result["errors"][0]["code"] == "NOT_A_CLIENT"
    result = _add(clients["dealer buyer"], {"sku": door.sku, "quantity": "1"}, buyer=sub_a)
    assert result["errors"][0]["code"] == "NOT_A_CLIENT"
    response = clients["dealer buyer"](CART, {"buyer": sub_b})
    assert response.errors[0]["extensions"]["code"] == "NOT_A_CLIENT"
    # Staff who moderate orders may order for anyone who buys.
    result = _add(clients["moderator"], {"sku": door.sku, "quantity": "1"}, buyer=sub_a)
    assert result["errors"] == []
    # Dealer B sets no price for its sub-dealer: nothing is orderable for it.
    result = _add(clients["moderator"], {"sku": door.sku, "quantity": "1"}, buyer=sub_b)
    assert result["errors"][0]["code"] == "NOT_ORDERABLE"


def test_anonymous_visitors_have_no_cart(clients, cart_world):
    response = clients["anonymous"](CART)
    assert response.errors[0]["extensions"]["code"] == "AUTHENTICATION_REQUIRED"
    result = _add(clients["anonymous"], {"sku": cart_world["door"].sku, "quantity": "1"})
    assert result["errors"][0]["code"] == "AUTHENTICATION_REQUIRED"


def test_a_line_keeps_the_source_it_came_from(clients, cart_world):
    result = _add(clients["dealer buyer"], {"sku": cart_world["door_2"].sku, "quantity": "1"},
                  source="FILE")
    assert result["errors"] == []
    assert result["cart"]["lines"][0]["source"] == "FILE"
    assert CartLine.objects.get().source == "FILE"
