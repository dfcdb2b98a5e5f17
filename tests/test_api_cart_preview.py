"""A cart's shipments (``Cart.shipmentPreview``): planned for the cart's buyer from its
seller's warehouses, also when the viewer orders for a client (a dealer's admin for its
sub-dealer gets the sub-dealer's plan, from the dealer's own stock center, not its own
purchase from the factory); nothing is reserved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.accounts.models import User
from backend.checkout.models import Cart, CartLine
from inventory.models import StockItem, Warehouse, WarehouseKind
from tests.cart_world import *  # noqa: F403
from tests.cart_world import gid

pytestmark = pytest.mark.django_db

PREVIEW = """
query Preview($buyer: ID, $pickupWarehouse: ID) {
  cart(buyer: $buyer) {
    shipmentPreview(pickupWarehouse: $pickupWarehouse) {
      complete
      shipments { warehouse { code } lines { sku quantity } pickup }
      shortfalls { sku missing code }
      errors { field code }
    }
  }
}
"""


@pytest.fixture
def stocked(network, cart_world):
    def warehouse(code, owner, kind):
        return Warehouse.objects.create(code=code, name=f"Склад {code}", owner=owner,
                                        kind=kind, region="Москва", city="Москва",
                                        pickup_allowed=True)

    factory_store = warehouse("F-1", network["factory"], WarehouseKind.FACTORY)
    dealer_store = warehouse("SC-A", network["dealer_a"], WarehouseKind.STOCK_CENTER)
    door = cart_world["door"]
    StockItem.objects.create(warehouse=factory_store, variant=door, on_hand=Decimal(100))
    StockItem.objects.create(warehouse=dealer_store, variant=door, on_hand=Decimal(3))
    return {"factory": factory_store, "dealer": dealer_store, "door": door}


def _fill(email, buyer, variant, quantity):
    cart = Cart.objects.create(user=User.objects.get(email=email), buyer=buyer)
    CartLine.objects.create(cart=cart, variant=variant, quantity=Decimal(quantity))


def _preview(client, **variables) -> dict:
    response = client(PREVIEW, variables)
    assert not response.errors, response.errors
    return response.data["cart"]["shipmentPreview"]


def _allocated() -> list[Decimal]:
    return list(StockItem.objects.order_by("pk").values_list("allocated", flat=True))


def test_a_buyers_cart_ships_from_its_sellers_warehouse(clients, network, stocked):
    client = clients["dealer buyer"]
    _fill("buyer@dealer-a.test", network["dealer_a"], stocked["door"], 5)

    preview = _preview(client)

    assert preview["complete"] is True
    assert [s["warehouse"]["code"] for s in preview["shipments"]] == ["F-1"]
    assert preview["shipments"][0]["lines"] == [{"sku": stocked["door"].sku,
                                                 "quantity": "5.000"}]
    assert _allocated() == [Decimal("0.000"), Decimal("0.000")]  # nothing reserved


def test_a_clients_cart_is_planned_for_the_client(clients, network, stocked):
    admin = clients["dealer admin"]
    sub = network["sub_a"]
    _fill("admin@dealer-a.test", sub, stocked["door"], 5)

    preview = _preview(admin, buyer=gid("Organization", sub.pk))

    # The sub-dealer buys from the dealer: its 3 units, 2 short (the door takes no
    # pre-orders); the factory's 100 are the
    # dealer's own purchase, not the sub-dealer's.
    assert preview["complete"] is False
    assert [s["warehouse"]["code"] for s in preview["shipments"]] == ["SC-A"]
    assert preview["shortfalls"] == [{"sku": stocked["door"].sku, "missing": "2.000",
                                      "code": "PREORDER_NOT_ALLOWED"}]

    pickup = _preview(admin, buyer=gid("Organization", sub.pk),
                      pickupWarehouse=gid("Warehouse", stocked["factory"].pk))
    assert pickup["errors"][0]["code"] == "UNKNOWN_WAREHOUSE"


def test_an_empty_cart_has_nothing_to_ship(clients):
    preview = _preview(clients["dealer buyer"])

    assert preview == {"complete": True, "shipments": [], "shortfalls": [], "errors": []}
