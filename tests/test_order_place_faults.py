"""Every way placing an order is refused answers with its code, and leaves stock, supply
reserved, the cart's lines, orders, events, movements and number counters exactly as they
were (``snapshot``)."""

from decimal import Decimal

import pytest

from backend.catalog.models import Product, ProductVariant
from backend.checkout.services.placement import PlaceRequest, PricesChanged, place_order
from backend.checkout.services.pricing import price_token, quote_lines
from backend.core.errors import DomainValidationError
from backend.core.plugins.manager import _cached_manager
from inventory.models import StockItem
from inventory.services.planning import Address
from price_rules.models import PriceListEntry
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import cart_of, snapshot, viewer_of
from tests.plugin_fixtures.calls import CALLS

pytestmark = pytest.mark.django_db


def refused(viewer, request):
    """The errors of a refused placement, after checking it changed nothing."""
    before = snapshot()
    with pytest.raises(DomainValidationError) as caught:
        place_order(viewer, request)
    assert snapshot() == before
    return caught.value


def codes(error):
    return [e.code_value for e in error.errors]


def token_of(buyer, cart):
    lines = [(line.variant_id, line.quantity) for line in cart.lines.order_by("added_at", "pk")]
    return price_token(quote_lines(buyer, lines))


@pytest.fixture
def buyer_viewer(place_world):
    return viewer_of(place_world["buyer"], place_world["dealer"])


def test_an_unpublished_sku_in_the_cart(place_world, buyer_viewer):
    w = place_world
    cart_of(w["buyer"], w["dealer"], (w["variants"][0], 1), (w["variants"][4], 2))
    Product.objects.filter(pk=w["primer"].pk).update(is_published=False)
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="u"))
    assert codes(error) == ["NOT_ORDERABLE"]
    assert error.errors[0].params["skus"] == [w["variants"][4].sku]
    assert error.errors[0].field == "lines.1"


def test_a_quantity_breaking_the_rules(place_world, buyer_viewer):
    w = place_world
    ProductVariant.objects.filter(pk=w["variants"][2].pk).update(
        min_order_quantity=10, order_multiple=5)
    cart_of(w["buyer"], w["dealer"], (w["variants"][2], 7), (w["variants"][3], 1))
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="q"))
    assert codes(error) == ["BELOW_MINIMUM"]
    assert error.errors[0].params["nearest_quantity"] == 10
    cart_of(w["buyer"], w["dealer"], (w["variants"][2], 12))
    assert codes(refused(buyer_viewer, PlaceRequest(idempotency_key="q"))) == ["NOT_MULTIPLE"]


def test_prices_changed_since_the_cart_was_shown(place_world, buyer_viewer):
    w = place_world
    v = w["variants"]
    cart = cart_of(w["buyer"], w["dealer"], (v[0], 2), (v[1], 1))
    token = token_of(w["dealer"], cart)
    PriceListEntry.objects.filter(price_list=w["base"], variant=v[1]).update(price=260)
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="p", price_token=token))
    assert isinstance(error, PricesChanged) and codes(error) == ["PRICES_CHANGED"]
    assert [(c.sku, c.before, c.after) for c in error.changes] == [
        (v[1].sku, Decimal("250.00"), Decimal("260.00"))]
    assert error.changes[0].name == v[1].name
    # shown again, it places at the new price
    order = place_order(buyer_viewer, PlaceRequest(idempotency_key="p",
                                                   price_token=token_of(w["dealer"], cart)))
    assert order.lines.get(sku=v[1].sku).unit_net == 260


def test_a_line_nobody_prices(place_world, buyer_viewer, catalog):
    w = place_world
    door = catalog["door"].variants.first()
    cart_of(w["buyer"], w["dealer"], (w["variants"][0], 1), (door, 1))
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="np"))
    assert codes(error) == ["NO_PRICE"] and error.errors[0].params["skus"] == [door.sku]


def test_stock_gone_since_the_preview(place_world, buyer_viewer):
    w = place_world
    v3 = w["variants"][3]
    cart = cart_of(w["buyer"], w["dealer"], (v3, 70))
    token = token_of(w["dealer"], cart)
    StockItem.objects.filter(variant=v3, warehouse=w["krasnodar"]).update(allocated=25)
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="s", price_token=token))
    assert codes(error) == ["PREORDER_NOT_ALLOWED"]  # the product takes no pre-orders
    assert error.errors[0].params == {"skus": [v3.sku], "missing": Decimal(20)}
    Product.objects.filter(pk=w["primer"].pk).update(preorder_allowed=True)
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="s", price_token=token))
    assert codes(error) == ["NOT_ENOUGH_STOCK"]  # and no supply comes


def test_credit_refused_leaves_everything_as_it_was(place_world, buyer_viewer, settings):
    w = place_world
    settings.PLUGINS = ["tests.plugin_fixtures.credit_refusing"]
    _cached_manager.cache_clear()
    CALLS.clear()
    try:
        cart_of(w["buyer"], w["dealer"], (w["variants"][1], 2))
        error = refused(buyer_viewer, PlaceRequest(idempotency_key="c"))
    finally:
        _cached_manager.cache_clear()
    assert codes(error) == ["CREDIT_REFUSED"]
    assert error.errors[0].message.startswith("The credit limit is used up")
    [(_plugin, _hook, (buyer_id, seller_id, amount, currency))] = CALLS
    assert (buyer_id, seller_id, currency) == (w["dealer"].pk, w["factory"].pk, "RUB")
    assert amount > Decimal("610.00")  # 500 net + VAT, and the delivery


def test_a_cart_placed_meanwhile_is_no_longer_the_cart_shown(place_world, buyer_viewer):
    w = place_world
    cart = cart_of(w["buyer"], w["dealer"], (w["variants"][1], 2))
    token = token_of(w["dealer"], cart)
    place_order(buyer_viewer, PlaceRequest(idempotency_key="first", price_token=token))
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="second", price_token=token))
    assert codes(error) == ["CART_CHANGED"]
    assert codes(refused(buyer_viewer, PlaceRequest(idempotency_key="third"))) == [
        "EMPTY_CART"]
    cart_of(w["buyer"], w["dealer"], (w["variants"][1], 3))  # changed after it was shown
    assert codes(refused(buyer_viewer, PlaceRequest(
        idempotency_key="fourth", price_token=token))) == ["CART_CHANGED"]


def test_bad_input_names_its_field(place_world, buyer_viewer):
    w = place_world
    cart_of(w["buyer"], w["dealer"], (w["variants"][1], 2))
    error = refused(buyer_viewer, PlaceRequest(idempotency_key=" "))
    assert [(e.code_value, e.field) for e in error.errors] == [("REQUIRED", "idempotencyKey")]
    error = refused(buyer_viewer, PlaceRequest(
        idempotency_key="b", address=Address(region="Атлантида"), buyer_reference="x" * 101))
    assert sorted((e.code_value, e.field) for e in error.errors) == [
        ("INVALID", "buyerReference"), ("UNKNOWN_REGION", "address.region")]
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="b", delivery_method="PICKUP"))
    assert [(e.code_value, e.field) for e in error.errors] == [("REQUIRED", "pickupWarehouse")]
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="b", delivery_method="PICKUP",
                                               pickup_warehouse_id=w["dealer_centre"].pk))
    assert codes(error) == ["UNKNOWN_WAREHOUSE"]  # not the seller's
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="b",
                                               address=Address(region="Приморский край")))
    assert codes(error) == ["NO_DELIVERY_ZONE"]


def test_who_may_not_order(place_world, make_user, network):
    w = place_world
    cart_of(w["buyer"], w["dealer"], (w["variants"][1], 2))
    error = refused(viewer_of(w["buyer"], w["dealer"]),
                    PlaceRequest(idempotency_key="x", buyer_id=network["dealer_b"].pk))
    assert codes(error) == ["NOT_A_CLIENT"]
    viewer_role = make_user("viewer@alfa.test", w["dealer"], "VIEWER")
    cart_of(viewer_role, w["dealer"], (w["variants"][1], 2))
    error = refused(viewer_of(viewer_role, w["dealer"]), PlaceRequest(idempotency_key="x"))
    assert codes(error) == ["PERMISSION_DENIED"]


def test_the_manufacturer_buys_from_nobody(place_world, staff_user, network):
    w = place_world
    from backend.accounts.models import Membership

    Membership.objects.filter(user=staff_user).update(role="BUYER")
    cart_of(staff_user, network["factory"], (w["variants"][1], 2))
    error = refused(viewer_of(staff_user, network["factory"]), PlaceRequest(idempotency_key="m"))
    assert codes(error) == ["NO_SELLER"]


def test_pickup_where_the_warehouse_allows_none(place_world, buyer_viewer):
    w = place_world
    cart_of(w["buyer"], w["dealer"], (w["variants"][1], 2))
    error = refused(buyer_viewer, PlaceRequest(idempotency_key="pk", delivery_method="PICKUP",
                                               pickup_warehouse_id=w["krasnodar"].pk))
    assert [(e.code_value, e.field) for e in error.errors] == [
        ("PICKUP_NOT_ALLOWED", "pickup_warehouse")]
