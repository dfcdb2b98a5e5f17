"""A price list is loaded from an xlsx upload: every bad row is reported with its row
number, column and code, and nothing is saved unless every row is right; a dry run reports
the same and saves nothing."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from backend.accounts.models import Role
from backend.core.permissions import Perm
from price_rules.models import MapFloor, PriceList, PriceListEntry, PriceListKind
from tests.fixtures.price_services import row_counts
from tests.fixtures.price_workbooks import (
    excel_style_workbook,
    upload,
    workbook,
)

pytestmark = pytest.mark.django_db

D = Decimal
RU = ("Артикул", "Мин. количество", "Цена", "Единица")


@pytest.fixture
def resale(network, catalog, make_user):
    dealer = network["dealer_a"]
    door, door_2 = catalog["door"].variants.order_by("sku")
    paint = catalog["facade_white"].variants.order_by("sku").first()
    price_list = PriceList.objects.create(owner=dealer, name="Субдилерам",
                                          kind=PriceListKind.RESALE)
    PriceListEntry.objects.create(price_list=price_list, variant=paint, price=D("777.00"))
    MapFloor.objects.create(owner=network["factory"], variant=door, amount=D("1100.00"))
    admin = make_user("admin@alpha.test", dealer, Role.ADMIN)
    return {"list": price_list, "door": door, "door_2": door_2, "paint": paint,
            "admin": admin, **network}


def _entries(price_list) -> list[tuple]:
    return list(PriceListEntry.objects.filter(price_list=price_list).order_by(
        "variant__sku", "min_quantity").values_list("variant__sku", "min_quantity", "price",
                                                    "unit"))


def _located(payload) -> list[tuple]:
    return [(e["row"], e["column"], e["code"]) for e in payload["errors"]]


def test_a_dealer_admin_replaces_its_resale_list_from_a_workbook(resale):
    door, door_2 = resale["door"].sku, resale["door_2"].sku
    content = workbook(RU, (door, 1, D("1450.00"), "шт."), (door, 10, "1 390,50", ""),
                       (door_2, None, D("2100"), "упак"))

    payload = upload(resale["admin"], resale["list"], content)

    assert payload == {"rows": 3, "applied": True, "errors": []}
    assert _entries(resale["list"]) == [  # the paint's old tier is gone: REPLACE
        (door, D("1.000"), D("1450.00"), "PCS"), (door, D("10.000"), D("1390.50"), ""),
        (door_2, D("1.000"), D("2100.00"), "PACK")]


def test_an_excel_saved_workbook_with_english_headers_and_shared_strings_is_read(resale):
    door = resale["door"].sku
    content = excel_style_workbook([
        ["SKU", "Min quantity", "Unit price", "Currency"],
        [door, 5, "1500.5", "rub"],
        [],
        [door, 20, "1400.34999999999997", "RUB"],  # a computed cell, as Excel stores it
    ])

    payload = upload(resale["admin"], resale["list"], content, mode="UPSERT")

    assert payload == {"rows": 2, "applied": True, "errors": []}
    assert _entries(resale["list"]) == [
        (door, D("5.000"), D("1500.50"), ""), (door, D("20.000"), D("1400.35"), ""),
        (resale["paint"].sku, D("1.000"), D("777.00"), "")]  # UPSERT keeps the others


def test_every_bad_row_is_reported_with_its_row_column_and_code_and_nothing_is_saved(
        resale):
    door, door_2 = resale["door"].sku, resale["door_2"].sku
    header = ("SKU", "Min quantity", "Price", "Unit", "Currency")
    content = workbook(
        header,
        ("NO-SUCH-SKU", 1, D("100"), "", "RUB"),  # row 2
        (door, 1, "двенадцать", "", "RUB"),  # row 3
        (door, 2, D(0), "", "RUB"),  # row 4
        (door, 3, D("-5"), "", "RUB"),  # row 5
        (door_2, 10, D("2000"), "", "RUB"),  # row 6
        (door_2, "10.0", D("1900"), "", "RUB"),  # row 7: the tier of row 6 again
        (door_2, 20, D("1800"), "", "USD"),  # row 8
        (door_2, 30, D("1700"), "bucket", "RUB"),  # row 9
        (door_2, 0, D("1600"), "", "RUB"),  # row 10
        ("", 1, D("1"), "", "RUB"),  # row 11
        (door_2, 40, D("1.005"), "", "RUB"),  # row 12
    )
    before = row_counts()

    payload = upload(resale["admin"], resale["list"], content)

    assert payload["applied"] is False and payload["rows"] is None
    assert _located(payload) == [
        (2, "sku", "UNKNOWN_SKU"), (3, "price", "INVALID_NUMBER"),
        (4, "price", "NON_POSITIVE_PRICE"), (5, "price", "NON_POSITIVE_PRICE"),
        (7, "min_quantity", "DUPLICATE_TIER"), (8, "currency", "CURRENCY_MISMATCH"),
        (9, "unit", "UNKNOWN_UNIT"), (10, "min_quantity", "NON_POSITIVE_QUANTITY"),
        (11, "sku", "REQUIRED"), (12, "price", "INVALID_NUMBER")]
    assert {e["field"] for e in payload["errors"]} == {"file"}
    assert "row 6" in payload["errors"][4]["message"]
    assert payload["errors"][0]["skus"] == ["NO-SUCH-SKU"]
    assert row_counts() == before


def test_prices_below_the_manufacturers_floor_are_reported_on_the_rows_of_those_skus(
        resale):
    door, door_2 = resale["door"].sku, resale["door_2"].sku
    content = workbook(RU, (door_2, 1, D("500"), ""), (door, 1, D("1200"), ""),
                       (door, 10, D("1099.99"), ""))
    before = row_counts()

    payload = upload(resale["admin"], resale["list"], content)

    assert _located(payload) == [(4, "price", "BELOW_MAP_FLOOR")]
    assert payload["errors"][0]["skus"] == [door]
    assert row_counts() == before


def test_a_derived_resale_lists_floor_is_reported_as_the_derived_lists_not_the_files(
        resale):
    """The file's list is a plain purchase list (no floor binds it); the resale list
    derived from it would fall below the floor: the row says which list breaks it."""
    dealer, door = resale["dealer_a"], resale["door"]
    source = PriceList.objects.create(owner=dealer, name="Мой базовый")
    PriceList.objects.create(owner=dealer, name="Субдилерам -20%", source=source,
                             kind=PriceListKind.RESALE, formula_percent=D(-20))
    before = row_counts()

    payload = upload(resale["admin"], source, workbook(RU, (door.sku, 1, D("1000"), "")))

    assert _located(payload) == [(2, None, "BELOW_MAP_FLOOR")]
    assert "«Субдилерам -20%»" in payload["errors"][0]["message"]
    assert row_counts() == before


def test_a_dry_run_reports_what_applying_would_and_saves_nothing(resale):
    door = resale["door"].sku
    before = row_counts()

    good = upload(resale["admin"], resale["list"], workbook(RU, (door, 1, D("1500"), "")),
                  dry_run=True)
    below = upload(resale["admin"], resale["list"], workbook(RU, (door, 1, D("900"), "")),
                   dry_run=True)

    assert good == {"rows": 1, "applied": False, "errors": []}
    assert _located(below) == [(2, "price", "BELOW_MAP_FLOOR")]
    assert row_counts() == before


def test_a_file_without_the_required_columns_is_refused(resale):
    payload = upload(resale["admin"], resale["list"],
                     workbook(("Артикул", "Количество"), (resale["door"].sku, 1)))

    assert _located(payload) == [(1, "price", "MISSING_COLUMN")]


@pytest.mark.parametrize("content", [b"not a workbook", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_workbook_is_invalid(resale, content):
    payload = upload(resale["admin"], resale["list"], content)

    assert _located(payload) == [(None, None, "INVALID_FILE")]


def test_a_workbook_with_a_doctype_is_refused_unread(resale):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a '
                                            '"aaaa">]><workbook>&a;</workbook>')
    payload = upload(resale["admin"], resale["list"], bomb.getvalue())

    assert _located(payload) == [(None, None, "INVALID_FILE")]
    assert "DOCTYPE" in payload["errors"][0]["message"]


def _with_part(content: bytes, name: str, data: bytes) -> bytes:
    """``content`` with its part ``name`` replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != name:
                archive.writestr(info, source.read(info))
        archive.writestr(name, data)
    return out.getvalue()


def test_entities_in_a_workbook_openpyxl_would_open_are_refused(resale):
    """openpyxl parses with the standard library's expat (defusedxml is not installed):
    the import refuses the DOCTYPE itself, in any part, before openpyxl reads the file."""
    door = resale["door"].sku
    good = excel_style_workbook([["SKU", "Price"], [door, 1500]])
    laughs = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">]>'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<si><t>SKU</t></si><si><t>Price</t></si><si><t>&b;</t></si></sst>')

    payload = upload(resale["admin"], resale["list"],
                     _with_part(good, "xl/sharedStrings.xml", laughs.encode()))

    assert _located(payload) == [(None, None, "INVALID_FILE")]
    assert "DOCTYPE" in payload["errors"][0]["message"]


def test_a_part_that_unpacks_far_beyond_the_upload_limit_is_refused_unread(resale, settings):
    door = resale["door"].sku
    content = _with_part(workbook(RU, (door, 1, D("1500"), "")), "xl/worksheets/sheet1.xml",
                         b"<worksheet>" + b" " * 3_000_000 + b"</worksheet>")
    settings.PRICE_IMPORT_MAX_BYTES = 100_000  # each part may unpack to 2,000,000 bytes
    assert len(content) < 100_000

    payload = upload(resale["admin"], resale["list"], content)

    assert _located(payload) == [(None, None, "FILE_TOO_LARGE")]


def test_rows_past_a_wrong_dimension_the_file_declares_are_read(resale):
    """Some programs write <dimension ref="A1"/> whatever the sheet holds; openpyxl's
    read-only mode would stop there unless told to ignore it."""
    door, door_2 = resale["door"].sku, resale["door_2"].sku
    content = workbook(RU, (door, 1, D("1500"), ""), (door_2, 1, D("2500"), ""))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<dimension" not in sheet
    wrong = sheet.replace("<sheetViews>", '<dimension ref="A1:D1"/><sheetViews>', 1)
    assert wrong != sheet

    payload = upload(resale["admin"], resale["list"],
                     _with_part(content, "xl/worksheets/sheet1.xml", wrong.encode()))

    assert payload == {"rows": 2, "applied": True, "errors": []}


def test_upload_limits_on_size_rows_and_listed_errors(resale, settings):
    rows = [("NO-SUCH", 1, D(1), "")] * 6
    settings.PRICE_IMPORT_MAX_BYTES = 100
    too_big = upload(resale["admin"], resale["list"], workbook(RU, *rows))
    settings.PRICE_IMPORT_MAX_BYTES = 10**6
    settings.PRICE_IMPORT_MAX_ROWS = 4
    too_long = upload(resale["admin"], resale["list"], workbook(RU, *rows))
    settings.PRICE_IMPORT_MAX_ROWS = 100
    settings.PRICE_IMPORT_MAX_ERRORS = 3
    too_wrong = upload(resale["admin"], resale["list"], workbook(RU, *rows))

    assert _located(too_big) == [(None, None, "FILE_TOO_LARGE")]
    assert _located(too_long)[-1] == (6, None, "TOO_MANY_ROWS")
    assert _located(too_wrong) == [(2, "sku", "UNKNOWN_SKU"), (3, "sku", "UNKNOWN_SKU"),
                                   (4, "sku", "UNKNOWN_SKU"), (None, None, "TOO_MANY_ERRORS")]
    assert "3 more" in too_wrong["errors"][-1]["message"]


def test_only_who_manages_the_list_may_load_it(resale, make_user):
    content = workbook(RU, (resale["door"].sku, 1, D("1500"), ""))
    buyer = make_user("buyer@alpha.test", resale["dealer_a"], Role.BUYER)
    other = make_user("admin@beta.test", resale["dealer_b"], Role.ADMIN)
    sub = make_user("admin@sub.test", resale["sub_a"], Role.ADMIN)
    watcher = make_user("watcher@factory.test", resale["factory"], Role.ADMIN, is_staff=True,
                        staff_permissions=[Perm.VIEW_ALL.value])
    manager = make_user("prices@factory.test", resale["factory"], Role.ADMIN, is_staff=True,
                        staff_permissions=[Perm.MANAGE_PRICES.value])
    before = row_counts()

    refused = {who.email: _located(upload(who, resale["list"], content))
               for who in (buyer, other, sub, watcher)}
    anonymous = upload(None, resale["list"], content)

    assert refused == {
        "buyer@alpha.test": [(None, None, "NOT_FOUND")],
        "admin@beta.test": [(None, None, "NOT_FOUND")],
        "admin@sub.test": [(None, None, "NOT_FOUND")],
        "watcher@factory.test": [(None, None, "PERMISSION_DENIED")]}
    assert _located(anonymous) == [(None, None, "AUTHENTICATION_REQUIRED")]
    assert row_counts() == before
    assert upload(manager, resale["list"], content)["applied"] is True
