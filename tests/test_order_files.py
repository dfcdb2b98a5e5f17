"""Order files through the API: a messy workbook as buyers make them (title rows above the
header, merged title cells, Russian headers in their own order, blank rows, a section
title, a totals row, SKUs with stray spaces and in lower case, «10 шт», «1 000», 12.0) is
read, its columns guessed, then applied: the report says row by row what was added and
what was not, the cart holds the good rows (a SKU on two rows adds up)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.checkout.models import CartLine, OrderFile
from tests.fixtures.order_files import *  # noqa: F403
from tests.fixtures.order_files import apply_file, upload, workbook_bytes

pytestmark = pytest.mark.django_db

D = Decimal

MESSY = [
    ["Заказ покупателя № 17 от 28.11.2026", None, None, None, None, None],
    ["Покупатель: ООО «Дилер Альфа», ИНН 7701234567", None, None, None, None, None],
    [],
    ["№", "Наименование", "Ед.", "Кол-во", "Артикул", "Цена", "Сумма"],
    [1, "Дверь Oak Classic", "шт", "10 шт", "  dv-oak-1001 ", 1000, 10000],
    [None, "Краски", None, None, None, None, None],
    [2, "Краска фасадная", "л", 20.0, "KR-FAS-0003-10", 500, 10000],
    [3, "Краска фасадная", "л", "25", "KR-FAS-0003-10", 500, 12500],
    [],
    [4, "Дверь Oak Classic 2", "шт", "1 000", "DV-OAK-1002", 2000, 2000000],
    [5, "Краска (опечатка)", "л", "5", "KR-FAS-0003-1O", 500, 2500],
    [6, "Краска снятая", "л", "5", "KR-OLD-0001", 100, 500],
    [7, "Дверь Oak Classic", "шт", "2,5", "DV-OAK-1001", 1000, 2500],
    [8, "Дверь повтор", "шт", 2, "DV-OAK-1001", 1000, 2000],
    [None, "Итого", None, 1060, None, None, 2032500],
]


def _messy() -> bytes:
    return workbook_bytes(("Заказ", MESSY), merge=("A1:F1", "A2:F2"))


def test_a_messy_workbook_is_read_and_its_columns_guessed(buyers, network):
    result = upload(buyers["buyer"], network["dealer_a"], _messy(), "Заказ 17.xlsx")
    assert result["errors"] == []
    order_file = result["orderFile"]
    assert order_file["filename"] == "Заказ 17.xlsx"
    assert not order_file["columnsRemembered"]
    assert order_file["columns"] == {"sheet": 0, "headerRow": 4, "sku": 4, "quantity": 3,
                                     "name": 1, "unit": 2, "price": 5}
    [sheet] = order_file["sheets"]
    assert sheet["name"] == "Заказ" and sheet["headerRow"] == 4
    assert sheet["headers"] == ["№", "Наименование", "Ед.", "Кол-во", "Артикул", "Цена",
                                "Сумма"]
    assert sheet["rowCount"] == 10  # blank rows are not rows
    assert sheet["preview"][0] == ["1", "Дверь Oak Classic", "шт", "10 шт", "dv-oak-1001",
                                   "1000", "10000"]
    assert sheet["preview"][1] == ["", "Краски", "", "", "", "", ""]
    assert not CartLine.objects.exists()


def test_applying_reports_every_row_and_fills_the_cart(buyers, network, files_world):
    buyer = buyers["buyer"]
    order_file = upload(buyer, network["dealer_a"], _messy())["orderFile"]
    result = apply_file(buyer, network["dealer_a"], order_file["id"], order_file["columns"])
    assert result["errors"] == []
    report = {line["row"]: line for line in result["report"]}
    # The section title (6), blank rows and the totals row (15) are no order lines.
    assert sorted(report) == [5, 7, 8, 10, 11, 12, 13, 14]
    assert [(r, report[r]["status"], report[r]["code"], report[r]["quantity"])
            for r in sorted(report)] == [
        (5, "ADDED", None, "10"),
        (7, "ADDED", None, "20"),
        (8, "SKIPPED", "NOT_MULTIPLE", None),
        (10, "ADDED", None, "1000"),
        (11, "SKIPPED", "UNKNOWN_SKU", None),
        (12, "SKIPPED", "NOT_ORDERABLE", None),
        (13, "SKIPPED", "FRACTIONAL_QUANTITY", None),
        (14, "ADDED", None, "2"),
    ]
    assert report[5]["sku"] == "dv-oak-1001" and report[5]["quantityText"] == "10 шт"
    assert report[5]["variant"] == {"sku": "DV-OAK-1001"} and report[5]["sheet"] == "Заказ"
    assert report[8]["nearestQuantity"] == "30" and report[8]["variant"]
    assert report[11]["suggestions"][0] == "KR-FAS-0003-10"
    assert report[12]["variant"] is None
    assert report[13]["nearestQuantity"] == "3"
    assert (result["addedCount"], result["skippedCount"]) == (4, 4)
    lines = {line["sku"]: (D(line["quantity"]), line["source"])
             for line in result["cart"]["lines"]}
    assert lines == {"DV-OAK-1001": (12, "FILE"), "KR-FAS-0003-10": (20, "FILE"),
                     "DV-OAK-1002": (1000, "FILE")}
    assert OrderFile.objects.get().applied_at is not None
