"""Order files in the other shapes they come in: CSV from Russian Excel (Windows-1251,
semicolons, «10,5»), CSV in UTF-8 with a BOM and English headers in another order, a
headerless CSV, two sheets (read one, or all), and what is refused: a picture or a text
renamed to .xlsx (INVALID_FILE), a file over the limit (FILE_TOO_LARGE), a file with no
rows (EMPTY_FILE), too many rows; the cart stays as it was after each refusal."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from backend.checkout.files.cells import parse_quantity, sku_keys, sku_text
from backend.checkout.models import CartLine, OrderFile
from tests.fixtures.order_files.world import *  # noqa: F403
from tests.fixtures.order_files.world import apply_file, csv_bytes, upload, workbook_bytes

pytestmark = pytest.mark.django_db

D = Decimal
HEADER = ["Артикул", "Наименование", "Кол-во"]


def _lines() -> dict[str, Decimal]:
    return {line.variant.sku: line.quantity
            for line in CartLine.objects.select_related("variant")}


def test_a_windows_1251_csv_with_semicolons_and_decimal_commas(buyers, network, files_world):
    content = csv_bytes([
        ["Заказ от 28.11.2026"], [],
        ["Код товара", "Наименование", "Количество", "Ед.", "Цена, руб."],
        ["KR-INT-0007-L", "Краска интерьерная «Серая»", "10,5", "л", "300,00"],
        ["dv-oak-1001", "Дверь", "1 000", "шт", "1 000,00"],
        ["Итого", "", "1 010,5", "", ""],
    ], separator=";", encoding="cp1251")
    assert content.decode("cp1251") and b"\xca\xee\xe4" in content  # «Код» in cp1251
    result = upload(buyers["buyer"], network["dealer_a"], content, "zakaz.csv")
    assert result["errors"] == []
    order_file = result["orderFile"]
    assert order_file["columns"] == {"sheet": 0, "headerRow": 3, "sku": 0, "quantity": 2,
                                     "name": 1, "unit": 3, "price": 4}
    assert order_file["sheets"][0]["name"] == "zakaz"
    assert order_file["sheets"][0]["preview"][0][1] == "Краска интерьерная «Серая»"
    applied = apply_file(buyers["buyer"], network["dealer_a"], order_file["id"],
                         order_file["columns"])
    assert [(r["row"], r["status"], r["quantity"]) for r in applied["report"]] == [
        (4, "ADDED", "10.5"), (5, "ADDED", "1000")]
    assert _lines() == {"KR-INT-0007-L": D("10.5"), "DV-OAK-1001": D(1000)}


def test_a_utf8_csv_with_a_bom_and_english_headers_in_another_order(buyers, network,
                                                                      files_world):
    content = csv_bytes([["Qty", "Price", "Description", "SKU"],
                         ["3", "1000.00", "Oak door", "DV-OAK-1002"],
                         ["12.0", "1000.00", "Oak door", "DV-OAK-1001 "]],
                        separator=",", encoding="utf-8-sig")
    order_file = upload(buyers["buyer"], network["dealer_a"], content, "order.csv")["orderFile"]
    assert order_file["columns"] == {"sheet": 0, "headerRow": 1, "sku": 3, "quantity": 0,
                                     "name": 2, "unit": None, "price": 1}
    assert order_file["sheets"][0]["headers"] == ["Qty", "Price", "Description", "SKU"]
    applied = apply_file(buyers["buyer"], network["dealer_a"], order_file["id"],
                         order_file["columns"])
    assert applied["addedCount"] == 2
    assert _lines() == {"DV-OAK-1002": D(3), "DV-OAK-1001": D(12)}


def test_a_headerless_tab_separated_file_is_read_by_its_contents(buyers, network, files_world):
    content = csv_bytes([["DV-OAK-1001", "Дверь", "4"], ["DV-OAK-1002", "Дверь", "2 шт"]],
                        separator="\t", encoding="utf-8")
    order_file = upload(buyers["buyer"], network["dealer_a"], content, "paste.txt")["orderFile"]
    assert order_file["columns"]["headerRow"] == 0
    assert (order_file["columns"]["sku"], order_file["columns"]["quantity"]) == (0, 2)
    assert order_file["sheets"][0]["headerRow"] is None
    assert order_file["sheets"][0]["rowCount"] == 2
    applied = apply_file(buyers["buyer"], network["dealer_a"], order_file["id"],
                         order_file["columns"])
    assert [r["row"] for r in applied["report"]] == [1, 2] and applied["addedCount"] == 2


def test_two_sheets_one_or_all(buyers, network, files_world):
    content = workbook_bytes(
        ("Двери", [["Поставка дверей"], HEADER, ["DV-OAK-1001", "Дверь", 2]]),
        ("Краски", [HEADER, ["KR-FAS-0003-10", "Краска", 20], ["KR-NONE-1", "?", 1]]),
        ("Примечания", [["Доставка до 10:00"]]))
    buyer, dealer = buyers["buyer"], network["dealer_a"]
    order_file = upload(buyer, dealer, content)["orderFile"]
    assert [s["name"] for s in order_file["sheets"]] == ["Двери", "Краски", "Примечания"]
    assert [s["headerRow"] for s in order_file["sheets"]] == [2, 1, None]
    assert order_file["columns"]["sheet"] == 0
    one = apply_file(buyer, dealer, order_file["id"], order_file["columns"], allSheets=False)
    assert [(r["sheet"], r["row"]) for r in one["report"]] == [("Двери", 3)]
    CartLine.objects.all().delete()
    every = apply_file(buyer, dealer, order_file["id"], order_file["columns"], allSheets=True)
    assert [(r["sheet"], r["row"], r["status"]) for r in every["report"]] == [
        ("Двери", 3, "ADDED"), ("Краски", 2, "ADDED"), ("Краски", 3, "SKIPPED")]
    assert _lines() == {"DV-OAK-1001": D(2), "KR-FAS-0003-10": D(20)}


@pytest.mark.parametrize(("content", "filename"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "order.xlsx"),
    ("Артикул;Кол-во\nDV-OAK-1001;2\n".encode(), "order.xlsx"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "picture.csv"),
    (b"PK\x03\x04broken zip", "order.xlsx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old.xls"),
])
def test_what_is_not_a_spreadsheet_is_refused(buyers, network, files_world, content,
                                              filename):
    CartLine.objects.create(cart=_cart(buyers, network), variant=files_world["door"],
                            quantity=3)
    result = upload(buyers["buyer"], network["dealer_a"], content, filename)
    assert result["orderFile"] is None
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("INVALID_FILE", "file")]
    assert not OrderFile.objects.exists() and _lines() == {"DV-OAK-1001": D(3)}


def _cart(buyers, network):
    from backend.checkout.models import Cart
    return Cart.objects.create(user=buyers["buyer"], buyer=network["dealer_a"])


def test_a_file_over_the_limit_is_refused_unread(buyers, network, files_world, settings):
    settings.ORDER_FILE_MAX_BYTES = 1000
    content = workbook_bytes(("Заказ", [HEADER] + [[f"DV-OAK-{i}", "x", 1] for i in range(300)]))
    assert len(content) > 1000
    result = upload(buyers["buyer"], network["dealer_a"], content)
    assert [e["code"] for e in result["errors"]] == ["FILE_TOO_LARGE"]
    assert not OrderFile.objects.exists()


def test_a_workbook_that_unpacks_too_large_is_refused(buyers, network, files_world, settings):
    settings.ORDER_FILE_MAX_BYTES = 100_000  # a part may unpack to 2 MB
    out = io.BytesIO(workbook_bytes(("Заказ", [HEADER, ["DV-OAK-1001", "Дверь", 1]])))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/bomb.xml", b"<a>" + b" " * 3_000_000 + b"</a>")
    assert len(out.getvalue()) < 100_000
    result = upload(buyers["buyer"], network["dealer_a"], out.getvalue())
    assert [e["code"] for e in result["errors"]] == ["FILE_TOO_LARGE"]


def test_too_many_rows_are_refused(buyers, network, files_world, settings):
    settings.ORDER_FILE_MAX_ROWS = 5
    content = csv_bytes([HEADER] + [["DV-OAK-1001", "Дверь", "1"]] * 5)
    result = upload(buyers["buyer"], network["dealer_a"], content, "order.csv")
    assert [e["code"] for e in result["errors"]] == ["TOO_MANY_LINES"]


@pytest.mark.parametrize("content", [
    workbook_bytes(("Пусто", [])),
    workbook_bytes(("Шапка", [["Заказ"], HEADER])),
    b"",
    b"\r\n;;\r\n",
])
def test_a_file_without_rows_is_empty(buyers, network, files_world, content):
    result = upload(buyers["buyer"], network["dealer_a"], content,
                    "order.xlsx" if content.startswith(b"PK") else "order.csv")
    assert [e["code"] for e in result["errors"]] == ["EMPTY_FILE"]
    assert not OrderFile.objects.exists()


@pytest.mark.parametrize(("text", "quantity"), [
    ("10 шт", "10"), ("10,5", "10.5"), ("1 000", "1000"), ("1\u00a0000,25 м2", "1000.25"),
    ("12.0", "12"), ("1.000,5", "1000.5"), ("1,000.5", "1000.5"), ("1,000,000", "1000000"),
    ("10.000000000000002", "10"), ("-3", "-3"), ("шт", None), ("", None), ("много", None),
])
def test_quantities_as_people_write_them(text, quantity):
    parsed = parse_quantity(text)
    assert (None if parsed is None else D(quantity)) == (None if quantity is None else D(quantity))
    assert (parsed is None) == (quantity is None)


def test_skus_as_people_write_them():
    assert sku_text("  dv-oak-1001\u00a0") == "dv-oak-1001"
    assert sku_text("12345.0") == "12345"
    assert sku_keys("кr-fas-0003-10") == ("КR-FAS-0003-10", "KR-FAS-0003-10")
    assert sku_keys("DV OAK 1001")[-1] == "DVOAK1001"


def test_the_reader_streams_csv_without_reading_it_whole():
    from backend.checkout.files.csv_text import csv_rows
    rows = list(csv_rows(io.BytesIO(b"a;b\r\n\r\n\"x;y\";2\r\n")))
    assert rows == [(1, ["a", "b"]), (3, ["x;y", "2"])]
