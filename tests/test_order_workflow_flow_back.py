"""Unit moves on a forwarded line flow back to the sub-dealers' lines: spread in a stable
order, never more than a source holds, the dealer's own AT_DEALER/SOLD kept to itself."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.orders.models import OrderEvent, OrderLine
from plugins.order_workflow.models import LineUnits
from plugins.order_workflow.services.flow_back import Hold, LineMove, distribute, flow_back
from plugins.order_workflow.services.forwarding import forward_orders
from tests.fixtures.order_place import *  # noqa: F403
from tests.forwarding_world import dealer_viewer, sub_order

D = Decimal


def test_distribute_fills_the_sources_in_their_order():
    holds = [Hold(1, D(4)), Hold(2, D(0)), Hold(3, D(3))]
    assert distribute(holds, D(5)) == [(1, D(4)), (3, D(1))]
    assert distribute(holds, D(9)) == [(1, D(4)), (3, D(3))]
    assert distribute(holds, D(0)) == []


@given(st.lists(st.integers(0, 20), max_size=6), st.integers(0, 150))
def test_distribute_never_gives_more_than_held_or_asked(held, quantity):
    holds = [Hold(pk, D(n)) for pk, n in enumerate(held)]
    given_ = dict(distribute(holds, D(quantity)))
    assert all(given_[pk] <= D(n) for pk, n in enumerate(held) if pk in given_)
    assert sum(given_.values(), D(0)) == min(D(quantity), D(sum(held)))


def units(line):
    row = LineUnits.objects.get(line=line)
    return {name: value for name in ("pending", "in_production", "ready", "shipped",
                                     "delivered", "at_dealer", "cancelled")
            if (value := getattr(row, name))}


@pytest.mark.django_db
def test_shipped_units_reach_the_source_lines_oldest_first(place_world):
    w = place_world
    v = w["variants"]
    first = sub_order(w, (v[0], 3), key="s-1")
    second = sub_order(w, (v[0], 2), (v[1], 1), key="s-2")
    order = forward_orders(dealer_viewer(w), [first.pk, second.pk], "f-1")
    line = OrderLine.objects.get(order=order, variant=v[0])
    a = OrderLine.objects.get(order=first)
    b = OrderLine.objects.get(order=second, variant=v[0])

    made = flow_back(order, [LineMove(line.pk, "PENDING", "READY", D(4))])
    assert units(a) == {"ready": 3} and units(b) == {"pending": 1, "ready": 1}
    assert set(made) == {first.pk, second.pk}

    flow_back(order, [LineMove(line.pk, "READY", "SHIPPED", D(4)),
                      LineMove(line.pk, "PENDING", "CANCELLED", D(1))])
    assert units(a) == {"shipped": 3} and units(b) == {"shipped": 1, "cancelled": 1}
    event = OrderEvent.objects.filter(order=second, event_type="UNITS_MOVED").last()
    assert event.after["flowed_back"] and event.after["moderation_state"] == "CONFIRMED"

    # more than the sources hold in the status stays where it is
    flow_back(order, [LineMove(line.pk, "SHIPPED", "DELIVERED", D(9)),
                      LineMove(line.pk, "DELIVERED", "AT_DEALER", D(4))])
    assert units(a) == {"delivered": 3} and units(b) == {"delivered": 1, "cancelled": 1}


@pytest.mark.django_db
def test_a_line_nobody_forwarded_flows_nowhere(place_world):
    w = place_world
    source = sub_order(w, (w["variants"][0], 3), key="s-1")
    line = OrderLine.objects.get(order=source)
    assert flow_back(source, [LineMove(line.pk, "PENDING", "READY", D(2))]) == {}
    assert units(line) == {"pending": 3}
