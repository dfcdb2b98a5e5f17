"""Orders placed by dealer Alfa with the factory (``place_world``), for the unit-status
tests: ``placed(world, (variant, qty)..., state=...)`` places one and puts its moderation
in ``state``; ``assert_consistent(order)`` checks what every test must leave true: each
line's units add up to its quantity and the derived progress equals a recomputation."""

from __future__ import annotations

from decimal import Decimal
from itertools import count

from graphql_relay import to_global_id

from backend.checkout.services.placement import PlaceRequest, place_order
from backend.orders.models import OrderLine, ShipmentLine
from inventory.models import StockItem
from plugins.order_workflow import engine
from plugins.order_workflow.models import UNIT_COLUMNS, LineUnits, OrderModeration
from tests.fixtures.order_place import cart_of, viewer_of

_keys = count(1)


def placed(world, *lines, state="CONFIRMED", buyer=None, organization=None):
    buyer = buyer or world["buyer"]
    organization = organization or world["dealer"]
    cart_of(buyer, organization, *lines)
    order = place_order(viewer_of(buyer, organization),
                        PlaceRequest(idempotency_key=f"units-{next(_keys)}",
                                     order_type="REGULAR"))
    OrderModeration.objects.filter(order=order).update(state=state)
    return order


def gid(kind, row) -> str:
    return to_global_id(kind, row.pk)


def line_of(order, variant) -> OrderLine:
    return OrderLine.objects.get(order=order, variant=variant)


def units(line) -> dict[str, Decimal]:
    row = LineUnits.objects.get(line=line)
    return {column: getattr(row, column) for column in UNIT_COLUMNS.values()
            if getattr(row, column)}


def stock(world, variant, warehouse="moscow") -> tuple[Decimal, Decimal]:
    item = StockItem.objects.get(warehouse=world[warehouse], variant=variant)
    return item.on_hand, item.allocated


def held(line) -> Decimal:
    return sum((r.quantity for r in ShipmentLine.objects.filter(order_line=line)), Decimal(0))


def recomputed_progress(order) -> engine.Progress:
    lines = [engine.Units.of(**{c: getattr(row, c) for c in UNIT_COLUMNS.values()})
             for row in LineUnits.objects.filter(order=order)]
    return engine.progress(lines)


def assert_consistent(order, answered: dict | None = None) -> None:
    for line in OrderLine.objects.filter(order=order):
        assert sum(units(line).values(), Decimal(0)) == line.quantity, line.sku
    if answered is not None:
        derived = recomputed_progress(order)
        assert answered["state"] == derived.state.value
        assert answered["linesReady"] == derived.lines_ready
        assert answered["linesShipped"] == derived.lines_shipped
        assert answered["lineCount"] == derived.line_count
        for column, value in derived.units.columns().items():
            camel = column.split("_")[0] + "".join(p.title() for p in column.split("_")[1:])
            assert Decimal(answered["units"][camel]) == value
