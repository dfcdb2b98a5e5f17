"""Order files through the API: a messy workbook as buyers make them (title rows above the
header, merged title cells, Russian headers in their own order, blank rows, a section
title, a totals row, SKUs with stray spaces and in lower case, «10 шт», «1 000», 12.0) is
read, its columns guessed, then applied: the report says row by row what was added and
what was not, the cart holds the good rows (a SKU on two rows adds up)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.checkout.models import CartLine, OrderFile
from tests.fixtures.order_files.world import *  # noqa: F403
from tests.fixtures.order_files.world import apply_file, upload, workbook_bytes

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


def test_printed_headers_cyrillic_look_alikes_and_a_form(buyers, network, files_world):
    """The header printed again on the next page is no row; «КR-FAS…» typed with a
    Cyrillic К is the Latin SKU; a form sent back with most quantities empty reports only
    the rows ordered."""
    rows = [["Артикул", "Наименование", "Кол-во"],
            ["DV-OAK-1001", "Дверь", 1],
            ["Артикул", "Наименование", "Кол-во"],
            ["КR-FAS-0003-10", "Краска", 20],
            ["DV-OAK-1002", "Дверь", None], ["KR-INT-0007-L", "Краска", ""],
            ["KR-OLD-0001", "Краска", 0]]
    buyer, dealer = buyers["buyer"], network["dealer_a"]
    order_file = upload(buyer, dealer, workbook_bytes(("Бланк", rows)))["orderFile"]
    result = apply_file(buyer, dealer, order_file["id"], order_file["columns"])
    assert [(r["row"], r["status"], r["variant"]) for r in result["report"]] == [
        (2, "ADDED", {"sku": "DV-OAK-1001"}), (4, "ADDED", {"sku": "KR-FAS-0003-10"})]

    # Not a form: the row left without a quantity is reported.
    rows = [["Артикул", "Кол-во"], ["DV-OAK-1001", 1], ["DV-OAK-1002", None]]
    order_file = upload(buyer, dealer, workbook_bytes(("Заказ", rows)))["orderFile"]
    result = apply_file(buyer, dealer, order_file["id"], order_file["columns"])
    assert [(r["row"], r["status"], r["code"]) for r in result["report"]] == [
        (2, "ADDED", None), (3, "SKIPPED", "INVALID_QUANTITY")]


def test_the_e2e_workbook_has_exactly_two_rows_to_fix():
    """``messy-order.xlsx`` is what ``demo_workbook`` writes, its SKUs are the demo
    catalog's but one (a letter off a real one), and one quantity is below its minimum."""
    import io

    from backend.checkout.files.apply import _rows
    from backend.checkout.files.guess import guess_sheet
    from backend.checkout.files.reading import read_sheets_of
    from backend.checkout.services.quantities import QuantityRules, quantity_problem
    from backend.demo.catalog_plan import plan_catalog
    from tests.fixtures.order_files import demo_workbook

    content = demo_workbook.PATH.read_bytes()
    [sheet] = read_sheets_of(io.BytesIO(content), demo_workbook.PATH.name, len(content))
    out = io.BytesIO()
    demo_workbook.build().save(out)
    [built] = read_sheets_of(io.BytesIO(out.getvalue()), "built.xlsx", len(out.getvalue()))
    assert (sheet.numbers, sheet.rows) == (built.numbers, built.rows)
    columns = guess_sheet(0, sheet, {}).columns
    assert columns is not None and columns.header_row == demo_workbook.HEADER_ROW
    variants = {v.sku: v for p in plan_catalog().products for v in p.variants}
    problems = {}
    for row in _rows(sheet, columns):
        variant = variants.get(row.sku.upper())
        if variant is None:
            problems[row.number] = "UNKNOWN_SKU"
            continue
        problem = quantity_problem(QuantityRules(variant.unit, variant.min_order_quantity,
                                                 variant.order_multiple), row.quantity)
        if problem is not None:
            problems[row.number] = problem.code.value
    assert problems == {demo_workbook.UNKNOWN_ROW: "UNKNOWN_SKU",
                        demo_workbook.BELOW_MINIMUM_ROW: "BELOW_MINIMUM"}
