"""A small ordering world for the cart's API tests: the factory's base list with a tier
for dealer A, dealer A's +25% markup for its sub-dealer, buyers of each, a dealer admin
(orders for its sub-dealer) and staff who moderate orders.

Import the fixtures into a test module with ``from tests.cart_world import *``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.accounts.models import Role
from backend.catalog.models import ProductVariant
from backend.core.permissions import Perm
from price_rules.models import PriceList, PriceListAssignment, PriceListEntry, ResaleMarkup
from tests.fixtures.graphql import GraphQLClient

__all__ = ["CART", "cart_world", "clients", "gid"]

D = Decimal

CART = """
query Cart($buyer: ID) {
  cart(buyer: $buyer) {
    id lineCount currency priceToken canPlace
    buyer { name }
    totals { subtotalNet volumeDiscountPercent totalNet totalVat totalGross
             nextVolumeStep { threshold percent } }
    lines {
      id sku name unit quantity source
      variant { id sku }
      rules { minimum step packSize unit }
      price { net gross listNet minQuantity promotions { name } }
      unitNet unitGross totalNet totalGross
      availability { inStock }
      problem { code message nearestQuantity skus }
    }
  }
}
"""


def gid(type_name: str, pk: int) -> str:
    from graphql_relay import to_global_id
    return to_global_id(type_name, pk)


@pytest.fixture
def cart_world(network, catalog):
    """Variants: ``door`` (1000, from 10: 950), ``door_2`` (2000), ``facade`` (500, minimum
    20, multiple 10), ``litre`` (a paint sold in half litres, 300), ``unpriced`` (no entry) and
    ``hidden`` (priced, its product unpublished)."""
    factory, dealer_a = network["factory"], network["dealer_a"]
    door, door_2 = catalog["door"].variants.order_by("id")
    facade, unpriced = catalog["facade_white"].variants.order_by("id")
    litre, _ = catalog["interior_grey"].variants.order_by("id")
    hidden = catalog["hidden"].variants.order_by("id").first()
    ProductVariant.objects.filter(pk=facade.pk).update(min_order_quantity=D(20),
                                                       order_multiple=D(10))
    ProductVariant.objects.filter(pk=litre.pk).update(unit="L", min_order_quantity=D("0.5"),
                                                      order_multiple=D("0.5"))
    base = PriceList.objects.create(owner=factory, name="Базовый", is_base=True)
    PriceListAssignment.objects.create(price_list=base, is_owner_default=True)
    for variant, quantity, price in ((door, 1, "1000"), (door, 10, "950"), (door_2, 1, "2000"),
                                     (facade, 1, "500"), (litre, 1, "300"),
                                     (hidden, 1, "100")):
        PriceListEntry.objects.create(price_list=base, variant=variant,
                                      min_quantity=D(quantity), price=D(price))
    ResaleMarkup.objects.create(organization=dealer_a, percent=D(25), rounding="WHOLE")
    return {"door": ProductVariant.objects.get(pk=door.pk),
            "door_2": door_2, "facade": ProductVariant.objects.get(pk=facade.pk),
            "litre": ProductVariant.objects.get(pk=litre.pk), "unpriced": unpriced,
            "hidden": hidden}


@pytest.fixture
def clients(network, make_user, cart_world):
    """``{label: client}`` of the buyers and of those who order for clients."""
    dealer_buyer = make_user("buyer@dealer-a.test", network["dealer_a"], Role.BUYER)
    dealer_buyer_2 = make_user("buyer2@dealer-a.test", network["dealer_a"], Role.BUYER)
    dealer_admin = make_user("admin@dealer-a.test", network["dealer_a"], Role.ADMIN)
    sub_buyer = make_user("buyer@sub-a.test", network["sub_a"], Role.BUYER)
    other_buyer = make_user("buyer@dealer-b.test", network["dealer_b"], Role.BUYER)
    moderator = make_user("orders@factory.test", network["factory"], Role.ADMIN,
                          is_staff=True, staff_permissions=[Perm.MODERATE_ORDERS.value])
    return {
        "dealer buyer": GraphQLClient(dealer_buyer, network["dealer_a"]),
        "dealer buyer 2": GraphQLClient(dealer_buyer_2, network["dealer_a"]),
        "dealer admin": GraphQLClient(dealer_admin, network["dealer_a"]),
        "sub buyer": GraphQLClient(sub_buyer, network["sub_a"]),
        "other dealer buyer": GraphQLClient(other_buyer, network["dealer_b"]),
        "moderator": GraphQLClient(moderator, network["factory"]),
        "anonymous": GraphQLClient(),
    }
