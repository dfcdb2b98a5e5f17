"""The order list's export: a signed link to a workbook of exactly the filtered list the
viewer sees, in Russian or English, refused above ORDER_EXPORT_MAX_ROWS; a forged,
expired or revoked link gives nothing (tests/orders_world.py describes the orders)."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from graphql_relay import to_global_id
from openpyxl import load_workbook

from backend.accounts.models import Membership
from tests.orders_world import seed_orders

pytestmark = pytest.mark.django_db

EXPORT = """mutation($filter: OrderFilterInput, $sort: OrderSortInput, $language: String) {
  orderListExport(filter: $filter, sort: $sort, language: $language) {
    url expiresAt errors { field code message } } }"""


@pytest.fixture
def world(network, catalog, make_user):
    return seed_orders(network, catalog, make_user)


def _link(client, **variables) -> dict:
    return client.mutate(EXPORT, variables, result="orderListExport")


def _download(url: str):
    response = Client().get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def _rows(url: str) -> list[list]:
    response, body = _download(url)
    assert response.status_code == 200, body
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _number(order) -> str:
    return f"{order.year % 100:02d}-{order.serial:05d}"


def test_the_workbook_holds_the_filtered_sorted_list_the_viewer_sees(world, network, api_as):
    dealer = api_as(world["users"]["dealer_a_buyer"], network["dealer_a"])
    link = _link(dealer, sort={"field": "PLACED_AT", "direction": "ASC"})
    assert link["errors"] == [] and link["url"].startswith("/downloads/orders/")
    rows = _rows(link["url"])
    assert rows[0][:3] == ["Номер", "Дата", "Покупатель"]
    orders = world["orders"]
    assert [row[0] for row in rows[1:]] == [_number(orders[k]) for k in ("a1", "sa1", "a2", "sa2")]
    a1 = rows[1]
    assert a1[2] == "Дилер Альфа" and a1[4] == "Борис Покупкин" and a1[6] == "Оформлен"
    assert a1[8] == "PO-ALFA-1" and a1[10] == 3 and a1[14] == 720

    only_sub = _link(dealer, language="en", filter={
        "organization": to_global_id("Organization", network["sub_a"].pk)})
    rows = _rows(only_sub["url"])
    assert rows[0][:3] == ["Number", "Placed at", "Buyer"]
    assert {row[0] for row in rows[1:]} == {_number(orders["sa1"]), _number(orders["sa2"])}
    assert rows[1][6] == "Placed"


def test_a_sub_dealers_workbook_never_holds_its_dealers_orders(world, network, api_as):
    sub = api_as(world["users"]["sub_a_buyer"], network["sub_a"])
    rows = _rows(_link(sub)["url"])
    assert {row[2] for row in rows[1:]} == {"Субдилер Альфа-1"}
    assert len(rows) == 3


def test_more_orders_than_the_cap_is_export_too_large(world, network, api_as, settings):
    settings.ORDER_EXPORT_MAX_ROWS = 3
    dealer = api_as(world["users"]["dealer_a_buyer"], network["dealer_a"])
    link = _link(dealer)
    assert link["url"] is None
    assert [e["code"] for e in link["errors"]] == ["EXPORT_TOO_LARGE"]
    narrowed = _link(dealer, filter={"status": ["PLACED"]})
    assert narrowed["errors"] == [] and len(_rows(narrowed["url"])) == 4


def test_a_bad_filter_or_language_is_refused(world, network, api_as):
    dealer = api_as(world["users"]["dealer_a_buyer"], network["dealer_a"])
    foreign = _link(dealer, filter={"organization": to_global_id("Organization",
                                                                 network["dealer_b"].pk)})
    assert [(e["field"], e["code"]) for e in foreign["errors"]] == [
        ("filter.organization", "INVALID_FILTER")]
    assert _link(dealer, language="de")["errors"][0]["code"] == "INVALID"


def test_anonymous_visitors_get_no_link(world, api):
    result = api(EXPORT).data["orderListExport"]
    assert result["url"] is None
    assert result["errors"][0]["code"] == "AUTHENTICATION_REQUIRED"


def test_a_forged_expired_or_revoked_link_answers_403_with_no_data(world, network, api_as,
                                                                   settings):
    user = world["users"]["sub_a_buyer"]
    url = _link(api_as(user, network["sub_a"]))["url"]
    token = url.split("/")[-2]
    assert _download(url.replace(token, token[:-3] + "abc"))[0].status_code == 403
    settings.ORDER_DOWNLOAD_TTL_SECONDS = -1
    expired, body = _download(url)
    assert expired.status_code == 403 and b"LINK_EXPIRED" in body
    settings.ORDER_DOWNLOAD_TTL_SECONDS = 120
    Membership.objects.filter(user=user).update(is_active=False)
    left, body = _download(url)
    assert left.status_code == 403 and "Альфа".encode() not in body
