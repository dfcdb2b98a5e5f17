"""Saved carts and copies of old orders through the API: a saved cart holds the cart's
lines, shared ones reach the organization's buyers, only the owner changes them, another
organization never sees them; copying a list or an order into a cart re-prices and
re-checks every line (the report says the old and today's price, a quantity moved to the
nearest valid one, what is no longer orderable skipped and never added)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from backend.accounts.models import User
from backend.catalog.models import Product, ProductVariant
from backend.checkout.models import CartLine, SavedCart
from backend.orders.models import Order, OrderLine
from tests.cart_world import *  # noqa: F403
from tests.cart_world import gid

pytestmark = pytest.mark.django_db

D = Decimal

ADD = """
mutation Add($lines: [CartLineInput!]!) { cartLinesAdd(lines: $lines) { errors { code } } }
"""
CREATE = """
mutation Create($input: SavedCartInput!) {
  savedCartCreate(input: $input) {
    savedCart { id name shared mine lineCount owner { fullName }
                lines { sku name quantity variant { sku } } }
    errors { field code }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: SavedCartInput!) {
  savedCartUpdate(id: $id, input: $input) { savedCart { name shared } errors { field code } }
}
"""
DELETE = """
mutation Delete($id: ID!) { savedCartDelete(id: $id) { errors { field code } } }
"""
LIST = """
query List($search: String) {
  savedCarts(first: 20, search: $search) { totalCount edges { node { id name mine shared } } }
}
"""
TO_CART = """
mutation ToCart($id: ID!, $replace: Boolean) {
  savedCartToCart(id: $id, replace: $replace) {
    cart { lines { sku quantity source } }
    report { row sku status quantity code nearestQuantity priceBefore priceAfter
             variant { sku } }
    errors { field code }
  }
}
"""
COPY = """
mutation Copy($order: ID!, $replace: Boolean) {
  orderCopyToCart(order: $order, replace: $replace) {
    cart { lines { sku quantity source } }
    report { row sku quantityText status quantity code message nearestQuantity priceBefore
             priceAfter variant { sku } }
    errors { field code }
  }
}
"""


def _fill(client, *lines):
    result = client.mutate(ADD, {"lines": [{"sku": v.sku, "quantity": q} for v, q in lines]},
                           result="cartLinesAdd")
    assert result["errors"] == []


def _names(client, **variables):
    return sorted(edge["node"]["name"] for edge in
                  client(LIST, variables).data["savedCarts"]["edges"])


def test_a_saved_cart_is_shared_in_its_organization_only(clients, cart_world):
    owner = clients["dealer buyer"]
    _fill(owner, (cart_world["door"], "3"), (cart_world["facade"], "20"))
    result = owner.mutate(CREATE, {"input": {"name": " Ежемесячно ", "shared": True}},
                          result="savedCartCreate")
    assert result["errors"] == []
    saved = result["savedCart"]
    assert (saved["name"], saved["shared"], saved["mine"], saved["lineCount"]) == (
        "Ежемесячно", True, True, 2)
    assert [line["quantity"] for line in saved["lines"]] == ["3", "20"]
    private = owner.mutate(CREATE, {"input": {"name": "Моё"}}, result="savedCartCreate")
    assert private["errors"] == []
    taken = owner.mutate(CREATE, {"input": {"name": "Моё"}}, result="savedCartCreate")
    assert taken["errors"] == [{"field": "input.name", "code": "NAME_TAKEN"}]

    assert _names(owner) == ["Ежемесячно", "Моё"]
    assert _names(owner, search="еже") == ["Ежемесячно"]
    colleague = clients["dealer buyer 2"]
    assert _names(colleague) == ["Ежемесячно"]
    assert _names(clients["other dealer buyer"]) == []
    assert _names(clients["sub buyer"]) == []

    # Only the owner changes or deletes it; another organization does not even find it.
    result = colleague.mutate(UPDATE, {"id": saved["id"], "input": {"name": "Моё теперь"}},
                              result="savedCartUpdate")
    assert result["errors"] == [{"field": "id", "code": "PERMISSION_DENIED"}]
    result = clients["other dealer buyer"].mutate(DELETE, {"id": saved["id"]},
                                                  result="savedCartDelete")
    assert result["errors"] == [{"field": "id", "code": "NOT_FOUND"}]
    result = owner.mutate(UPDATE, {"id": saved["id"], "input": {"name": "Раз в месяц",
                                                                "shared": False}},
                          result="savedCartUpdate")
    assert result == {"savedCart": {"name": "Раз в месяц", "shared": False}, "errors": []}
    assert _names(colleague) == []
    assert owner.mutate(DELETE, {"id": saved["id"]}, result="savedCartDelete") == {
        "errors": []}
    assert SavedCart.objects.count() == 1


def test_an_empty_cart_cannot_be_saved(clients, cart_world):
    result = clients["dealer buyer"].mutate(CREATE, {"input": {"name": "Пусто"}},
                                            result="savedCartCreate")
    assert result == {"savedCart": None, "errors": [{"field": None, "code": "EMPTY_CART"}]}
    result = clients["dealer buyer"].mutate(CREATE, {"input": {"name": "  "}},
                                            result="savedCartCreate")
    assert result["errors"] == [{"field": "input.name", "code": "REQUIRED"}]


def test_a_saved_cart_copied_into_the_cart_is_checked_again(clients, cart_world):
    owner = clients["dealer buyer"]
    door, facade, door_2 = cart_world["door"], cart_world["facade"], cart_world["door_2"]
    _fill(owner, (door, "3"), (facade, "20"), (cart_world["litre"], "1"))
    saved = owner.mutate(CREATE, {"input": {"name": "Список", "shared": True}},
                         result="savedCartCreate")["savedCart"]
    # Since then: the facade is sold in steps of 25 from 25, the litre paint is hidden.
    ProductVariant.objects.filter(pk=facade.pk).update(min_order_quantity=25,
                                                       order_multiple=25)
    Product.objects.filter(pk=cart_world["litre"].product_id).update(is_published=False)
    colleague = clients["dealer buyer 2"]
    _fill(colleague, (door_2, "1"))
    result = colleague.mutate(TO_CART, {"id": saved["id"]}, result="savedCartToCart")
    assert result["errors"] == []
    report = result["report"]
    assert [(r["status"], r["quantity"], r["code"]) for r in report] == [
        ("ADDED", "3", None), ("ADDED", "25", "BELOW_MINIMUM"),
        ("SKIPPED", None, "NOT_ORDERABLE")]
    assert report[1]["nearestQuantity"] == "25" and report[2]["variant"] is None
    assert report[0]["priceAfter"] == "1000.00"
    assert [(line["sku"], line["quantity"], line["source"]) for line in
            result["cart"]["lines"]] == [(door_2.sku, "1", "CATALOG"),
                                         (door.sku, "3", "SAVED_CART"),
                                         (facade.sku, "25", "SAVED_CART")]
    result = colleague.mutate(TO_CART, {"id": saved["id"], "replace": True},
                              result="savedCartToCart")
    assert [line["sku"] for line in result["cart"]["lines"]] == [door.sku, facade.sku]


def _order(network, user, *lines):
    order = Order.objects.create(
        seller=network["factory"], buyer=network["dealer_a"], year=2026, serial=1,
        status="PLACED", placed_by=user, placed_as=network["dealer_a"], idempotency_key="k1",
        currency="RUB", vat_rate=D(20), subtotal_net=0, total_net=0, total_vat=0,
        total_gross=0, grand_total_gross=0, placed_at=timezone.now())
    for position, (variant, quantity, unit_net) in enumerate(lines, start=1):
        OrderLine.objects.create(
            order=order, position=position, variant=variant, sku=variant.sku,
            name=variant.name, unit=variant.unit, quantity=D(quantity), unit_net=D(unit_net),
            unit_gross=D(unit_net) * D("1.2"), list_net=D(unit_net), total_net=0,
            total_gross=0)
    return order


def test_an_order_copied_into_the_cart_is_repriced_and_reported(clients, cart_world,
                                                                network):
    door, facade, hidden = cart_world["door"], cart_world["facade"], cart_world["hidden"]
    buyer = clients["dealer buyer"]
    placer = User.objects.get(email="buyer@dealer-a.test")
    order = _order(network, placer, (door, "12", "900.00"), (facade, "15", "480.00"),
                   (hidden, "2", "90.00"))
    result = buyer.mutate(COPY, {"order": gid("Order", order.pk)}, result="orderCopyToCart")
    assert result["errors"] == []
    first, second, third = result["report"]
    assert (first["status"], first["quantity"], first["priceBefore"],
            first["priceAfter"]) == ("ADDED", "12", "900.00", "950.00")
    assert (second["status"], second["quantity"], second["code"],
            second["nearestQuantity"]) == ("ADDED", "20", "BELOW_MINIMUM", "20")
    assert (third["status"], third["code"], third["variant"], third["sku"]) == (
        "SKIPPED", "NOT_ORDERABLE", None, hidden.sku)
    assert [(line["sku"], line["quantity"], line["source"]) for line in
            result["cart"]["lines"]] == [(door.sku, "12", "ORDER_COPY"),
                                         (facade.sku, "20", "ORDER_COPY")]
    assert not CartLine.objects.filter(variant=hidden).exists()

    # Another dealer's buyer does not see the order: NOT_FOUND, nothing added.
    result = clients["other dealer buyer"].mutate(COPY, {"order": gid("Order", order.pk)},
                                                  result="orderCopyToCart")
    assert result["errors"] == [{"field": "order", "code": "NOT_FOUND"}]
    assert CartLine.objects.count() == 2
