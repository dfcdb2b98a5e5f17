"""A dispatch's packing list: the page ``Dispatch.packingListUrl`` names prints the
dispatch's lines in the reader's language; the link works only for whom it was signed
and only while that viewer still sees the order; without it, a bearer token is read."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from backend.accounts.tokens import issue_tokens
from plugins.order_workflow.engine import UnitStatus
from plugins.order_workflow.models import Dispatch
from plugins.order_workflow.services.dispatches import DispatchData
from plugins.order_workflow.services.units import UnitMove, move_units
from tests.fixtures.order_place import *  # noqa: F403
from tests.fixtures.order_place import viewer_of
from tests.workflow_units_world import gid, line_of, placed

pytestmark = pytest.mark.django_db

DISPATCH = """query($id: ID!) { node(id: $id) { ... on Dispatch { number packingListUrl } } }"""


@pytest.fixture
def dispatch(place_world):
    world = place_world
    windows = world["variants"][1]
    order = placed(world, (windows, 5))
    line = line_of(order, windows).pk
    result = move_units(viewer_of(world["staff"]), order, [
        UnitMove(line, UnitStatus.PENDING, UnitStatus.READY, Decimal(4)),
        UnitMove(line, UnitStatus.READY, UnitStatus.SHIPPED, Decimal(4))],
        DispatchData(document_number="УПД-17", carrier_name="Деловые линии"))
    return result.dispatch


def url_for(api_as, user, organization, dispatch) -> str:
    answer = api_as(user, organization)(DISPATCH, {"id": gid("Dispatch", dispatch)}).data
    return answer["node"]["packingListUrl"]


def test_the_buyer_prints_the_packing_list_in_its_language(place_world, dispatch, api_as):
    world = place_world
    url = url_for(api_as, world["buyer"], world["dealer"], dispatch)
    assert url.startswith(f"/orders/dispatches/{dispatch.pk}/packing-list/?t=")
    page = Client().get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Упаковочный лист О-" in html and "@media print" in html
    assert world["variants"][1].sku in html and "УПД-17" in html and "Деловые линии" in html
    assert ">4<" in html and "шт" in html
    world["buyer"].language = "en"
    world["buyer"].save(update_fields=["language"])
    english = Client().get(url).content.decode()
    assert "Packing list D-" in english and "pcs" in english


def test_the_link_is_for_its_viewer_and_its_dispatch_only(place_world, dispatch, api_as):
    world = place_world
    url = url_for(api_as, world["staff"], None, dispatch)
    assert Client().get(url).status_code == 200
    other = Dispatch.objects.create(order=dispatch.order, shipped_at=dispatch.shipped_at,
                                    created_by=world["staff"])
    token = url.split("?t=")[1]
    assert Client().get(f"/orders/dispatches/{other.pk}/packing-list/?t={token}"
                        ).status_code == 404
    assert Client().get(url[:-3] + "abc").status_code == 404
    assert Client().get(f"/orders/dispatches/{dispatch.pk}/packing-list/").status_code == 404
    # A sign-out everywhere (the token version moves on) stops the link at once.
    world["staff"].token_version += 1
    world["staff"].save(update_fields=["token_version"])
    assert Client().get(url).status_code == 404


def test_someone_who_does_not_see_the_order_gets_404(place_world, dispatch):
    world = place_world
    path = f"/orders/dispatches/{dispatch.pk}/packing-list/"
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {issue_tokens(world['sub_buyer']).access}",
              "HTTP_X_ORGANIZATION": str(world["sub"].pk)}
    assert Client().get(path, **bearer).status_code == 404
    staff = {"HTTP_AUTHORIZATION": f"Bearer {issue_tokens(world['staff']).access}"}
    assert Client().get(path, **staff).status_code == 200
