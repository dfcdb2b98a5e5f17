"""The order list with the unit statuses' fields (lines' units, promised dates and allowed
moves, progress, dispatches and their lines) runs the same number of SQL queries however
many orders, lines and dispatches its page shows, on the fast path, for the seller's staff
and for the buyer."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plugins.order_workflow.engine import UnitStatus
from plugins.order_workflow.services.dispatches import DispatchData
from plugins.order_workflow.services.units import UnitMove, move_units
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import viewer_of
from tests.workflow_units_world import line_of, placed

pytestmark = pytest.mark.django_db

PAGE = """{ orders(first: 50) { totalCount edges { node { id number
  lines { sku promisedDate units { pending ready shipped cancelled }
    allowedMoves { from to max } }
  progress { state lineCount linesReady linesShipped dispatchCount units { shipped } }
  dispatches { id number documentNumber carrierName warehouseName shippedAt
    createdBy { fullName } packingListUrl lines { sku name unit quantity line { sku } } }
} } } }"""


def _count(client, fast_path) -> tuple[int, int]:
    fast_path.reset()
    with CaptureQueriesContext(connection) as captured:
        response = client(PAGE)
    assert response.status == 200 and not response.errors, response.errors
    assert fast_path.fallbacks == 0
    return len(captured), response.data["orders"]["totalCount"]


def _shipped_order(world, *variants):
    order = placed(world, *[(variant, 3) for variant in variants])
    moves = []
    for variant in variants:
        line = line_of(order, variant).pk
        moves += [UnitMove(line, UnitStatus.PENDING, UnitStatus.READY, Decimal(2)),
                  UnitMove(line, UnitStatus.READY, UnitStatus.SHIPPED, Decimal(1))]
    move_units(viewer_of(world["staff"]), order, moves, DispatchData(document_number="1"))
    return order


def test_the_order_page_with_units_reads_a_constant_number_of_queries(place_world, api_as,
                                                                      fast_path):
    world = place_world
    variants = world["variants"]
    _shipped_order(world, variants[0])
    clients = {"staff": api_as(world["staff"]),
               "buyer": api_as(world["buyer"], world["dealer"])}
    before = {label: _count(client, fast_path) for label, client in clients.items()}
    for count in (2, 3, 4):
        _shipped_order(world, *variants[1:count + 1])
    placed(world, (variants[5], 1), state="SUBMITTED")
    after = {label: _count(client, fast_path) for label, client in clients.items()}
    for label in clients:
        assert after[label][1] == before[label][1] + 4
        assert after[label][0] == before[label][0], (label, before, after)
