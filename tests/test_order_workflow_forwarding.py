"""forward_orders: one order from the dealer to the manufacturer at the dealer's prices,
lines merged per variant, the links kept, the stock taken once; its refusals."""

from decimal import Decimal

import pytest

from backend.core.errors import DomainValidationError
from backend.orders.models import Order, OrderEvent, OrderLine, ShipmentLine
from inventory.models import StockItem, StockMovement
from plugins.order_workflow.models import ForwardLink, LineUnits, OrderModeration
from plugins.order_workflow.services.forwarding import forward_orders
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import snapshot
from tests.forwarding_world import dealer_viewer, sub_order

pytestmark = pytest.mark.django_db


def allocated(warehouse, variant):
    return StockItem.objects.get(warehouse=warehouse, variant=variant).allocated


def test_two_sub_dealer_orders_become_one_order_at_the_dealers_prices(place_world):
    w = place_world
    v = w["variants"]
    first = sub_order(w, (v[0], 4), (v[1], 2), key="s-1")
    second = sub_order(w, (v[0], 3), key="s-2")
    assert allocated(w["dealer_centre"], v[0]) == 7

    order = forward_orders(dealer_viewer(w), [second.pk, first.pk], "f-1", " Срочно ")

    assert (order.buyer_id, order.seller_id, order.status) == (
        w["dealer"].pk, w["factory"].pk, "PLACED")
    assert order.comment == "Срочно" and order.placed_by_id == w["admin"].pk
    lines = list(OrderLine.objects.filter(order=order).order_by("position"))
    # the dealer's purchase prices (the factory's base list), not the sub-dealer's markup
    assert [(ln.sku, ln.quantity, ln.unit_net) for ln in lines] == [
        (v[0].sku, 7, Decimal("100.00")), (v[1].sku, 2, Decimal("250.00"))]
    assert order.total_net == Decimal("1200.00")
    links = {(link.source_line.order_id, link.source_line.sku): (link.forwarded_line_id,
                                                                 link.quantity)
             for link in ForwardLink.objects.select_related("source_line")}
    assert links == {(first.pk, v[0].sku): (lines[0].pk, 4),
                     (first.pk, v[1].sku): (lines[1].pk, 2),
                     (second.pk, v[0].sku): (lines[0].pk, 3)}
    # the dealer's stock the sub-dealers held is given back; the factory's is taken
    assert allocated(w["dealer_centre"], v[0]) == 0
    assert not ShipmentLine.objects.filter(shipment__order__in=[first, second]).exists()
    assert sum(ShipmentLine.objects.filter(order_line=lines[0])
               .values_list("quantity", flat=True)) == 7
    assert allocated(w["moscow"], v[0]) == 5 + 7
    assert OrderModeration.objects.get(order=order).state == "SUBMITTED"
    assert LineUnits.objects.get(line=lines[0]).pending == 7
    assert list(OrderEvent.objects.filter(order__in=[first, second], event_type="FORWARDED")
                .values_list("order_id", flat=True).order_by("order_id")) == [first.pk,
                                                                              second.pk]
    assert OrderEvent.objects.filter(order=order, event_type="PLACED").count() == 1


def test_a_retry_with_the_same_key_returns_the_first_order(place_world):
    w = place_world
    source = sub_order(w, (w["variants"][2], 2), key="s-1")
    first = forward_orders(dealer_viewer(w), [source.pk], "f-1")
    again = forward_orders(dealer_viewer(w), [source.pk], "f-1")
    assert again.pk == first.pk and Order.objects.filter(buyer=w["dealer"]).count() == 1
    with pytest.raises(DomainValidationError) as error:
        forward_orders(dealer_viewer(w), [source.pk], "f-2")
    assert error.value.errors[0].code_value == "ALREADY_FORWARDED"


@pytest.mark.parametrize("state", ["SUBMITTED", "ON_MODERATION", "REJECTED"])
def test_an_order_not_confirmed_is_not_forwardable_and_nothing_changes(place_world, state):
    w = place_world
    source = sub_order(w, (w["variants"][2], 2), key="s-1")
    OrderModeration.objects.filter(order=source).update(state=state)
    before = snapshot()
    with pytest.raises(DomainValidationError) as error:
        forward_orders(dealer_viewer(w), [source.pk], "f-1")
    detail = error.value.errors[0]
    assert detail.code_value == "NOT_FORWARDABLE" and detail.field == "orders"
    assert detail.params["numbers"] == [str(source)]
    assert snapshot() == before


def test_only_the_dealers_moderators_forward(place_world):
    w = place_world
    source = sub_order(w, (w["variants"][2], 2), key="s-1")
    from tests.fixtures.order_place import viewer_of
    with pytest.raises(DomainValidationError) as error:
        forward_orders(viewer_of(w["buyer"], w["dealer"]), [source.pk], "f-1")
    assert error.value.errors[0].code_value == "PERMISSION_DENIED"
    with pytest.raises(DomainValidationError) as error:
        forward_orders(viewer_of(w["sub_buyer"], w["sub"]), [source.pk], "f-1")
    assert error.value.errors[0].code_value == "PERMISSION_DENIED"


def test_units_held_in_the_manufacturers_warehouse_are_carried_over(place_world):
    """A network whose sub-dealers' orders hold the factory's stock (the source's shipment
    moved to the factory's warehouse here): the forward keeps that allocation, taking
    nothing again, and plans only the rest."""
    from backend.orders.models import Shipment

    w = place_world
    v = w["variants"]
    source = sub_order(w, (v[0], 4), (v[1], 2), key="s-1")
    paint = OrderLine.objects.get(order=source, variant=v[0])
    shipment = Shipment.objects.get(order=source)
    # the paint's units held in the factory's Moscow warehouse instead of the dealer's
    ShipmentLine.objects.filter(order_line=paint).update(shipment=Shipment.objects.create(
        order=source, position=2, warehouse=w["moscow"], currency="RUB",
        ship_date=shipment.ship_date))
    StockItem.objects.filter(warehouse=w["dealer_centre"], variant=v[0]).update(allocated=0)
    StockItem.objects.filter(warehouse=w["moscow"], variant=v[0]).update(allocated=5 + 4)
    held = ShipmentLine.objects.get(order_line=paint)

    order = forward_orders(dealer_viewer(w), [source.pk], "f-1")

    line = OrderLine.objects.get(order=order, variant=v[0])
    assert [(r.shipment.warehouse_id, r.quantity) for r in ShipmentLine.objects.filter(
        order_line=line)] == [(w["moscow"].pk, 4)]
    assert allocated(w["moscow"], v[0]) == 9  # carried, not taken twice
    # the same pick, moved: neither given back nor taken again
    assert ShipmentLine.objects.get(pk=held.pk).order_line_id == line.pk
    assert not StockMovement.objects.filter(warehouse=w["moscow"], variant=v[0]).exists()
    assert allocated(w["dealer_centre"], v[1]) == 0  # released
    assert allocated(w["moscow"], v[1]) == 5 + 2  # the rest from the factory
    assert not ShipmentLine.objects.filter(shipment__order=source).exists()
