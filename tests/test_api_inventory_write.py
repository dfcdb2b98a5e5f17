"""The inventory's write API per role, every bad input answered with field + code and
nothing changed, the stock upload (all or nothing, every bad row named, dry run first) and
allocationPreview."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from graphql_relay import to_global_id

from backend.accounts.models import Role
from backend.accounts.tokens import issue_tokens
from backend.catalog.models import ProductVariant
from inventory.models import (
    Carrier,
    DeliveryRate,
    DeliveryZone,
    IncomingSupply,
    Leftover,
    SellerStockSettings,
    StockItem,
    StockMovement,
    Warehouse,
)
from price_rules.excel.workbook_file import write_workbook
from tests.fixtures.graphql import GraphQLClient
from tests.fixtures.inventory_write import *  # noqa: F403

pytestmark = pytest.mark.django_db

STOCK_SET = """mutation($input: StockSetInput!) { stockSet(input: $input) {
  stockItem { onHand allocated } errors { field code message skus } } }"""
STOCK_ADJUST = """mutation($input: StockAdjustInput!) { stockAdjust(input: $input) {
  stockItem { onHand } errors { field code } } }"""
WAREHOUSE_CREATE = """mutation($input: WarehouseInput!) { warehouseCreate(input: $input) {
  warehouse { code kind region ownerName } errors { field code message } } }"""
WAREHOUSE_UPDATE = """mutation($id: ID!, $input: WarehouseInput!) {
  warehouseUpdate(id: $id, input: $input) { warehouse { name priority } errors { field code } } }"""
SUPPLY_CREATE = """mutation($input: IncomingSupplyInput!) { incomingSupplyCreate(input: $input) {
  incomingSupply { id reserved } errors { field code } } }"""
SUPPLY_UPDATE = """mutation($id: ID!, $input: IncomingSupplyInput!) {
  incomingSupplyUpdate(id: $id, input: $input) { incomingSupply { id } errors { field code } } }"""
SUPPLY_RECEIVE = """mutation($id: ID!, $q: Decimal) { incomingSupplyReceive(id: $id, quantity: $q) {
  stockItem { onHand allocated } incomingSupply { id } errors { field code } } }"""
SUPPLY_DELETE = """mutation($id: ID!) { incomingSupplyDelete(id: $id) {
  deletedId errors { code } } }"""
LEFTOVER_SAVE = """mutation($input: LeftoverInput!) { leftoverSave(input: $input) {
  leftover { id note isPublished } errors { field code } } }"""
LEFTOVER_DELETE = """mutation($id: ID!) { leftoverDelete(id: $id) { deletedId errors { code } } }"""
SETTINGS = """mutation($s: AllocationStrategy!) { sellerStockSettingsUpdate(strategy: $s) {
  sellerStockSettings { strategy } errors { code } } }"""
UPLOAD = """mutation($w: ID!, $file: Upload!, $dry: Boolean, $full: Boolean) {
  stockUpload(warehouse: $w, file: $file, dryRun: $dry, full: $full) {
    result { rows added changed unchanged zeroed applied }
    rowErrors { row column code message value } errors { field code message } } }"""
PREVIEW = """query($lines: [AllocationLineInput!]!, $address: DeliveryAddressInput,
                  $pickup: ID, $one: Boolean) {
  allocationPreview(lines: $lines, address: $address, pickupWarehouse: $pickup,
                    oneShipment: $one) {
    complete deliveryDate deliveryCost { amount currency }
    shipments { warehouse { code } readyDate pickup carrier { code } transitDays
      deliveryDate deliveryCost { amount currency } weightKg problem
      lines { sku quantity preorder expectedDate variant { sku } } }
    shortfalls { sku requested missing code variant { sku } }
    errors { field code message skus } } }"""


def gid(obj) -> str:
    name = {"ProductVariant": "ProductVariant"}.get(type(obj).__name__, type(obj).__name__)
    return to_global_id(name, obj.pk)


@pytest.fixture
def people(stock_world, make_user, staff_user):
    w = stock_world
    viewer = make_user("viewer@factory.test", w["factory"], Role.ADMIN, is_staff=True,
                       staff_permissions=["VIEW_ALL"])
    sub_admin = make_user("sub@a.test", w["sub_a"], Role.ADMIN)
    return {
        "staff": GraphQLClient(staff_user, w["factory"]),
        "view_all": GraphQLClient(viewer, w["factory"]),
        "dealer_admin": GraphQLClient(make_user("admin@a.test", w["dealer_a"], Role.ADMIN),
                                      w["dealer_a"]),
        "dealer_buyer": GraphQLClient(make_user("buyer@a.test", w["dealer_a"], Role.BUYER),
                                      w["dealer_a"]),
        "sub_dealer": GraphQLClient(sub_admin, w["sub_a"]),
        "anonymous": GraphQLClient(),
    }


def snapshot():
    return (sorted(StockItem.objects.values_list("warehouse_id", "variant_id", "on_hand",
                                                 "allocated")),
            StockMovement.objects.count(), IncomingSupply.objects.count(),
            Leftover.objects.count(), Warehouse.objects.count())


@pytest.mark.parametrize(("role", "warehouse", "expected"), [
    ("staff", "moscow", None),
    ("staff", "center", None),
    ("view_all", "moscow", "NOT_MANAGER"),
    ("dealer_admin", "center", None),
    ("dealer_admin", "moscow", "NOT_MANAGER"),
    ("dealer_buyer", "center", "NOT_MANAGER"),
    ("sub_dealer", "center", "NOT_MANAGER"),  # its seller's stock center: seen, not managed
    ("sub_dealer", "krasnodar", "UNKNOWN_WAREHOUSE"),  # the factory's: hidden from it
    ("anonymous", "center", "AUTHENTICATION_REQUIRED"),
])
def test_who_may_set_stock(stock_world, people, role, warehouse, expected):
    before = snapshot()
    payload = people[role].mutate(STOCK_SET, {"input": {
        "warehouse": gid(stock_world[warehouse]), "variant": gid(stock_world["pieces"]),
        "onHand": "30"}}, result="stockSet")
    if expected is None:
        assert payload["errors"] == []
        assert payload["stockItem"]["onHand"] == "30.000"
    else:
        assert [e["code"] for e in payload["errors"]] == [expected]
        assert payload["stockItem"] is None
        assert snapshot() == before


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"onHand": "-1"}, "onHand", "INVALID_QUANTITY"),
    ({"onHand": "2.5"}, "onHand", "FRACTIONAL_QUANTITY"),
    ({"onHand": "1"}, "onHand", "ALLOCATED_EXCEEDS_ON_HAND"),
    ({"warehouse": to_global_id("Warehouse", 10**8)}, "warehouse", "UNKNOWN_WAREHOUSE"),
    ({"variant": to_global_id("ProductVariant", 10**8)}, "variant", "UNKNOWN_SKU"),
    ({"warehouse": to_global_id("Organization", 1)}, "warehouse", "INVALID"),
])
def test_bad_stock_input_changes_nothing(stock_world, people, change, field, code):
    before = snapshot()
    payload = people["staff"].mutate(STOCK_SET, {"input": {
        "warehouse": gid(stock_world["moscow"]), "variant": gid(stock_world["pieces"]),
        "onHand": "5", **change}}, result="stockSet")
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
    assert payload["errors"][0]["message"]
    assert snapshot() == before


def test_stock_adjust_receipt_and_a_refusal(stock_world, people):
    base = {"warehouse": gid(stock_world["center"]), "variant": gid(stock_world["meters"])}
    client = people["dealer_admin"]
    payload = client.mutate(STOCK_ADJUST, {"input": {**base, "delta": "2.5",
                                                     "reason": "RECEIPT"}},
                            result="stockAdjust")
    assert payload == {"stockItem": {"onHand": "2.500"}, "errors": []}
    payload = client.mutate(STOCK_ADJUST, {"input": {**base, "delta": "-3"}},
                            result="stockAdjust")
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("delta", "INVALID_QUANTITY")]
    assert StockMovement.objects.get().reason == "RECEIPT"


def test_warehouses_created_and_changed(stock_world, people):
    center = {"code": "sc-a2", "name": "Второй стокцентр", "kind": "STOCK_CENTER",
              "region": "москва", "latitude": "55.7", "longitude": "37.6"}
    payload = people["dealer_admin"].mutate(WAREHOUSE_CREATE, {"input": center},
                                            result="warehouseCreate")
    assert payload["errors"] == []
    assert payload["warehouse"] == {"code": "SC-A2", "kind": "STOCK_CENTER",
                                    "region": "Москва", "ownerName": "Дилер Альфа"}
    created = Warehouse.objects.get(code="SC-A2")
    assert created.owner == stock_world["dealer_a"]
    payload = people["dealer_admin"].mutate(
        WAREHOUSE_UPDATE, {"id": gid(created), "input": {"name": "Склад на Юге", "priority": 5}},
        result="warehouseUpdate")
    assert payload == {"warehouse": {"name": "Склад на Юге", "priority": 5}, "errors": []}
    payload = people["staff"].mutate(WAREHOUSE_CREATE, {"input": {
        "code": "VVO-1", "name": "Владивосток", "kind": "REGIONAL",
        "region": "Приморский край"}}, result="warehouseCreate")
    assert payload["errors"] == [] and payload["warehouse"]["ownerName"] == "Завод"


@pytest.mark.parametrize(("role", "change", "expected"), [
    ("dealer_admin", {"kind": "REGIONAL"}, [("kind", "STOCK_CENTER_ONLY")]),
    ("dealer_admin", {"owner": "factory"}, [("owner", "STOCK_CENTER_ONLY")]),
    ("staff", {"code": "msk-1"}, [("code", "WAREHOUSE_CODE_TAKEN")]),
    ("staff", {"region": "Нарния"}, [("region", "UNKNOWN_REGION")]),
    ("staff", {"latitude": "55.1"}, [("longitude", "INVALID_COORDINATES")]),
    ("staff", {"latitude": "91", "longitude": "10"}, [("latitude", "INVALID_COORDINATES")]),
    ("staff", {"handlingDays": -1, "name": ""},
     [("name", "REQUIRED"), ("handlingDays", "INVALID")]),
    ("staff", {"kind": "STOCK_CENTER"}, [("owner", "UNKNOWN_OWNER")]),
    ("dealer_buyer", {}, [(None, "PERMISSION_DENIED")]),
    ("view_all", {}, [(None, "PERMISSION_DENIED")]),
])
def test_bad_warehouses_are_refused(stock_world, people, role, change, expected):
    if change.get("owner") == "factory":
        change = {**change, "owner": gid(stock_world["factory"])}
    before = snapshot()
    data = {"code": "NEW-1", "name": "Новый", "kind": "STOCK_CENTER" if role != "staff"
            else "REGIONAL", "region": "Москва", **change}
    payload = people[role].mutate(WAREHOUSE_CREATE, {"input": data}, result="warehouseCreate")
    assert [(e["field"], e["code"]) for e in payload["errors"]] == expected
    assert snapshot() == before


def test_incoming_supply_through_the_api(stock_world, people):
    client = people["staff"]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    payload = client.mutate(SUPPLY_CREATE, {"input": {
        "warehouse": gid(stock_world["moscow"]), "variant": gid(stock_world["pieces"]),
        "quantity": "20", "expectedDate": tomorrow, "reference": "PO-7"}},
        result="incomingSupplyCreate")
    assert payload["errors"] == []
    supply_id = payload["incomingSupply"]["id"]
    payload = client.mutate(SUPPLY_UPDATE, {"id": supply_id, "input": {"quantity": "0.5"}},
                            result="incomingSupplyUpdate")
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("quantity", "FRACTIONAL_QUANTITY")]
    payload = people["dealer_admin"].mutate(SUPPLY_DELETE, {"id": supply_id},
                                            result="incomingSupplyDelete")
    assert [e["code"] for e in payload["errors"]] == ["NOT_MANAGER"]
    payload = client.mutate(SUPPLY_RECEIVE, {"id": supply_id, "q": "5"},
                            result="incomingSupplyReceive")
    assert payload == {"stockItem": {"onHand": "15.000", "allocated": "2.000"},
                       "incomingSupply": {"id": supply_id}, "errors": []}
    payload = client.mutate(SUPPLY_DELETE, {"id": supply_id}, result="incomingSupplyDelete")
    assert payload == {"deletedId": supply_id, "errors": []}


def test_leftovers_and_seller_settings(stock_world, people):
    client = people["dealer_admin"]
    payload = client.mutate(LEFTOVER_SAVE, {"input": {
        "warehouse": gid(stock_world["center"]), "variant": gid(stock_world["pieces"]),
        "quantity": "3", "discountPercent": "20", "note": "распродажа"}}, result="leftoverSave")
    assert payload["errors"] == [] and payload["leftover"]["isPublished"] is True
    payload = client.mutate(LEFTOVER_SAVE, {"input": {
        "warehouse": gid(stock_world["center"]), "variant": gid(stock_world["pieces"]),
        "discountPercent": "150"}}, result="leftoverSave")
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("discountPercent", "INVALID_DISCOUNT")]
    payload = people["dealer_buyer"].mutate(LEFTOVER_DELETE, {
        "id": gid(Leftover.objects.get())}, result="leftoverDelete")
    assert [e["code"] for e in payload["errors"]] == ["NOT_FOUND"]  # its own: not on offer
    payload = client.mutate(LEFTOVER_DELETE, {"id": gid(Leftover.objects.get())},
                            result="leftoverDelete")
    assert payload["errors"] == [] and not Leftover.objects.exists()
    payload = client.mutate(SETTINGS, {"s": "PRIORITY"}, result="sellerStockSettingsUpdate")
    assert payload == {"sellerStockSettings": {"strategy": "PRIORITY"}, "errors": []}
    assert SellerStockSettings.objects.get().organization == stock_world["dealer_a"]
    payload = people["dealer_buyer"].mutate(SETTINGS, {"s": "NEAREST"},
                                            result="sellerStockSettingsUpdate")
    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]


# --- the stock upload -----------------------------------------------------------------


def workbook(*rows) -> bytes:
    out = io.BytesIO()
    write_workbook(out, "Остатки", rows[0], rows[1:])
    return out.getvalue()


def upload(user, organization, warehouse, content: bytes, **variables) -> dict:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_tokens(user).access}",
               "HTTP_X_ORGANIZATION": str(organization.pk)}
    response = Client().post("/graphql/", {
        "operations": json.dumps({"query": UPLOAD, "variables": {
            "w": gid(warehouse), "file": None, **variables}}),
        "map": json.dumps({"0": ["variables.file"]}),
        "0": SimpleUploadedFile("stock.xlsx", content)}, **headers)
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["stockUpload"]


@pytest.fixture
def dealer_admin(stock_world, make_user):
    return make_user("uploader@a.test", stock_world["dealer_a"], Role.ADMIN)


def test_an_upload_with_mixed_rows_applies_nothing_and_names_every_bad_row(
        stock_world, dealer_admin):
    w = stock_world
    StockItem.objects.create(warehouse=w["center"], variant=w["pieces"], on_hand=5, allocated=4)
    other = ProductVariant.objects.exclude(pk__in=[w["pieces"].pk, w["meters"].pk]).first()
    before = snapshot()
    content = workbook(("Артикул", "Остаток"), (w["meters"].sku, "12,5"), ("NOPE-1", "3"),
                       (w["pieces"].sku, "2.5"), (w["meters"].sku, "1"), ("", "4"),
                       (other.sku, "-1"))
    payload = upload(dealer_admin, w["dealer_a"], w["center"], content, dry=False)
    assert payload["result"] is None
    assert [e["code"] for e in payload["errors"]] == ["UPLOAD_INVALID"]
    assert [(e["row"], e["column"], e["code"]) for e in payload["rowErrors"]] == [
        (3, "sku", "UNKNOWN_SKU"), (4, "quantity", "FRACTIONAL_QUANTITY"),
        (5, "sku", "DUPLICATE_STOCK_ROW"), (6, "sku", "REQUIRED"),
        (7, "quantity", "INVALID_QUANTITY")]
    assert payload["rowErrors"][0]["value"] == "NOPE-1"
    assert snapshot() == before


def test_below_allocated_is_named_on_its_row(stock_world, dealer_admin):
    w = stock_world
    StockItem.objects.create(warehouse=w["center"], variant=w["pieces"], on_hand=5, allocated=4)
    content = workbook(("Остатки на 30.11", None), ("Quantity", "SKU"), ("3", w["pieces"].sku))
    payload = upload(dealer_admin, w["dealer_a"], w["center"], content, dry=False)
    assert [(e["row"], e["column"], e["code"], e["value"]) for e in payload["rowErrors"]] == [
        (3, "quantity", "ALLOCATED_EXCEEDS_ON_HAND", "3")]


def test_dry_run_then_apply_then_full(stock_world, dealer_admin):
    w = stock_world
    StockItem.objects.create(warehouse=w["center"], variant=w["pieces"], on_hand=5, allocated=1)
    content = workbook(("SKU", "On hand"), (w["meters"].sku, "7.25"))
    payload = upload(dealer_admin, w["dealer_a"], w["center"], content)
    assert payload["result"] == {"rows": 1, "added": 1, "changed": 0, "unchanged": 0,
                                 "zeroed": 0, "applied": False}
    assert not StockMovement.objects.exists()
    payload = upload(dealer_admin, w["dealer_a"], w["center"], content, dry=False, full=True)
    assert payload["result"] == {"rows": 1, "added": 1, "changed": 0, "unchanged": 0,
                                 "zeroed": 1, "applied": True}
    figures = dict(StockItem.objects.filter(warehouse=w["center"]).values_list(
        "variant_id", "on_hand"))
    assert figures == {w["meters"].pk: Decimal("7.25"), w["pieces"].pk: Decimal(1)}
    assert set(StockMovement.objects.values_list("reason", "reference")) == {
        ("UPLOAD", "stock.xlsx")}


@pytest.mark.parametrize(("content", "code"), [
    (b"not a workbook", "INVALID_FILE"),
    (None, "MISSING_STOCK_COLUMN"),
])
def test_unreadable_uploads(stock_world, dealer_admin, content, code):
    content = content or workbook(("Артикул", "Цена"), ("X", "1"))
    payload = upload(dealer_admin, stock_world["dealer_a"], stock_world["center"], content)
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("file", code)]


def test_only_managers_upload(stock_world, make_user):
    buyer = make_user("b@a.test", stock_world["dealer_a"], Role.BUYER)
    payload = upload(buyer, stock_world["dealer_a"], stock_world["center"],
                     workbook(("SKU", "Qty"), (stock_world["pieces"].sku, "1")))
    assert [e["code"] for e in payload["errors"]] == ["NOT_MANAGER"]


# --- allocationPreview ------------------------------------------------------------------


@pytest.fixture
def tariff(stock_world):
    center = DeliveryZone.objects.create(name="Центр", regions=["Москва"])
    south = DeliveryZone.objects.create(name="Юг", regions=["Краснодарский край"])
    carrier = Carrier.objects.create(code="TK", name="ТК")
    for origin, destination, days in ((center, center, 1), (south, center, 4)):
        DeliveryRate.objects.create(carrier=carrier, origin_zone=origin,
                                    destination_zone=destination, per_kg=Decimal(10),
                                    min_charge=Decimal(500), transit_days=days)
    StockItem.objects.create(warehouse=stock_world["krasnodar"], variant=stock_world["pieces"],
                             on_hand=20)


def line(variant, quantity) -> dict:
    return {"variant": gid(variant), "quantity": str(quantity)}


def test_preview_splits_and_quotes(stock_world, people, tariff):
    answer = people["dealer_buyer"](PREVIEW, {"lines": [line(stock_world["pieces"], 12)]}).data[
        "allocationPreview"]
    assert answer["errors"] == [] and answer["complete"]
    assert [(s["warehouse"]["code"], [ln["quantity"] for ln in s["lines"]],
             s["carrier"]["code"], s["deliveryCost"]) for s in answer["shipments"]] == [
        ("MSK-1", ["8.000"], "TK", {"amount": "500.00", "currency": "RUB"}),
        ("KRD-F", ["4.000"], "TK", {"amount": "500.00", "currency": "RUB"})]
    assert answer["deliveryCost"] == {"amount": "1000.00", "currency": "RUB"}
    assert answer["deliveryDate"] is not None


def test_preview_problems(stock_world, people, tariff):
    client = people["dealer_buyer"]
    pieces = stock_world["pieces"]
    far = client(PREVIEW, {"lines": [line(pieces, 1)],
                           "address": {"region": "Приморский край"}}).data["allocationPreview"]
    assert [(e["field"], e["code"]) for e in far["errors"]] == [
        ("address.region", "NO_DELIVERY_ZONE")]
    assert far["shipments"][0]["problem"] == "NO_DELIVERY_ZONE"
    pickup = client(PREVIEW, {"lines": [line(pieces, 1)],
                              "pickup": gid(stock_world["krasnodar"])}).data["allocationPreview"]
    assert [(s["code"], s["missing"]) for s in pickup["shortfalls"]] == [
        ("PICKUP_NOT_ALLOWED", "1.000")]
    assert [(e["field"], e["code"]) for e in pickup["errors"]] == [
        ("pickupWarehouse", "PICKUP_NOT_ALLOWED")]
    short = client(PREVIEW, {"lines": [line(pieces, 40)]}).data["allocationPreview"]
    assert [(s["sku"], s["missing"], s["code"]) for s in short["shortfalls"]] == [
        (pieces.sku, "12.000", "PREORDER_NOT_ALLOWED")]
    bad = client(PREVIEW, {"lines": [line(pieces, "0.5"),
                                     {"variant": to_global_id("ProductVariant", 10**8),
                                      "quantity": "1"}]}).data["allocationPreview"]
    assert [(e["field"], e["code"]) for e in bad["errors"]] == [
        ("lines.0.quantity", "FRACTIONAL_QUANTITY"), ("lines.1.variant", "UNKNOWN_SKU")]
    anonymous = people["anonymous"](PREVIEW, {"lines": [line(pieces, 1)]}).data
    assert [e["code"] for e in anonymous["allocationPreview"]["errors"]] == [
        "AUTHENTICATION_REQUIRED"]


def test_preview_knows_no_variant_the_buyer_may_not_see(stock_world, people, tariff):
    """An unpublished product's variant is unknown to a buyer, as through node(id:): the
    preview plans nothing for it and names no SKU."""
    pieces = stock_world["pieces"]
    pieces.product.is_published = False
    pieces.product.save(update_fields=["is_published"])
    answer = people["dealer_buyer"](PREVIEW, {"lines": [line(pieces, 1)]}).data[
        "allocationPreview"]
    assert [(e["field"], e["code"], e["skus"]) for e in answer["errors"]] == [
        ("lines.0.variant", "UNKNOWN_SKU", None)]
    assert answer["shipments"] == [] and answer["shortfalls"] == []
    assert pieces.sku not in str(answer)
