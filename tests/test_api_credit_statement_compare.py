"""A partner's own reconciliation statement uploaded (statementCompare) and compared with
the ledger by the task: a 1C-style workbook of the buyer's books (title rows, the mirror of
our debit and credit) agrees; a CSV in another layout with a changed amount, a payment
booked later and a line the ledger lacks disagrees line by line; headers that cannot be
told answer MAPPING_REQUIRED with the guessed mapping and nothing kept, until the person
confirms the mapping; statementComparisons per role."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from graphql_relay import to_global_id

from backend.accounts.tokens import issue_tokens
from plugins.credit.models import StatementComparison
from plugins.credit.services.comparisons import run_comparison
from tests.fixtures.order_files.world import csv_bytes, workbook_bytes
from tests.statement_world import *  # noqa: F403

pytestmark = pytest.mark.django_db

COMPARE = """
mutation($account: ID!, $from: Date!, $to: Date!, $file: Upload!,
         $mapping: [StatementColumnInput!]) {
  statementCompare(account: $account, from: $from, to: $to, file: $file, mapping: $mapping) {
    comparison { id status agrees fileName periodStart }
    mapping { column field }
    errors { field code message }
  }
}"""
COMPARISONS = """
query($account: ID) {
  statementComparisons(account: $account, first: 10) {
    totalCount
    edges { node { id status agrees error periodEnd
      lines { status date partnerDate document ours { amount currency }
              partners { amount } difference { amount } } } }
  }
}"""


def compare(user, organization, account, content: bytes, filename: str, *, mapping=None,
            capture=None) -> dict:
    variables = {"account": to_global_id("CreditAccount", account.pk), "from": "2026-01-01",
                 "to": "2026-03-31", "file": None, "mapping": mapping}
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_tokens(user).access}",
               "HTTP_X_ORGANIZATION": str(organization.pk)}
    with capture(execute=True):
        response = Client().post("/graphql/", {
            "operations": json.dumps({"query": COMPARE, "variables": variables}),
            "map": json.dumps({"0": ["variables.file"]}),
            "0": SimpleUploadedFile(filename, content)}, **headers)
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["statementCompare"]


def buyers_books() -> list[list[object]]:
    """The dealer's own statement as 1C prints it: its debit is what it paid."""
    return [
        ["Акт сверки взаимных расчетов"],
        ["за период: 1 квартал 2026 г."],
        ["между ООО \"Дилер Альфа\" и ООО \"Завод\""],
        ["По данным ООО \"Дилер Альфа\", руб.", None, None, None,
         "По данным ООО \"Завод\", руб."],
        ["Дата", "Документ", "Дебет", "Кредит", "Дата", "Документ", "Дебет", "Кредит"],
        [None, "Сальдо начальное", None, "6 000,00"],
        ["15.01.2026", "Поступление (акт, накл.) (СЧ-26-00001 от 15.01.2026)", None,
         "24 400,00"],
        ["30.01.2026", "Оплата поставщику (п/п № 117 от 30.01.2026)", "10 000,00", None],
        ["10.02.2026", "Поступление (акт, накл.) (СЧ-26-00002 от 10.02.2026)", None,
         "1 220,50"],
        ["28.02.2026", "Корректировка долга", "20,50", None],
        ["05.03.2026", "Оплата поставщику (п/п № 142 от 05.03.2026)", "15 000,00", None],
        [None, "Обороты за период", "25 020,50", "25 620,50"],
        [None, "Сальдо конечное", None, "6 600,00"],
    ]


def test_the_partners_own_books_agree(statement_world, django_capture_on_commit_callbacks,
                                      api_as):
    world = statement_world
    answer = compare(world["accountant"], world["dealer_a"], world["account"],
                     workbook_bytes(("Акт", buyers_books())), "Акт сверки.xlsx",
                     capture=django_capture_on_commit_callbacks)
    assert answer["errors"] == []
    assert answer["mapping"][:4] == [{"column": "Дата", "field": "date"},
                                     {"column": "Документ", "field": "document"},
                                     {"column": "Дебет", "field": "debit"},
                                     {"column": "Кредит", "field": "credit"}]
    assert answer["comparison"]["status"] == "PENDING"  # answered before the commit
    listed = api_as(world["accountant"], world["dealer_a"])(COMPARISONS).data
    node = listed["statementComparisons"]["edges"][0]["node"]
    assert node["status"] == "DONE" and node["agrees"] is True, node["lines"]
    assert [line["status"] for line in node["lines"]] == ["MATCHED"] * 5
    first = node["lines"][0]
    assert first["ours"] == {"amount": "24400.00", "currency": "RUB"}
    assert first["difference"] == {"amount": "0.00"}


def test_a_csv_in_another_layout_disagrees_line_by_line(
        statement_world, django_capture_on_commit_callbacks, api_as):
    world = statement_world
    rows = [["Дата операции", "Содержание операции", "Сумма"],
            ["2026-01-15", "Реализация СЧ-26-00001", "24400"],
            ["2026-02-02", "Оплата п/п №117", "-10000"],
            ["2026-02-10", "Реализация СЧ-26-00002", "1250.50"],
            ["2026-03-05", "Оплата п/п №142", "-15000.00"],
            ["2026-03-20", "Пени", "300"]]
    answer = compare(world["factory_accountant"], world["factory"], world["account"],
                     csv_bytes(rows), "ours.csv", capture=django_capture_on_commit_callbacks)
    assert answer["errors"] == []
    node = api_as(world["factory_accountant"], world["factory"])(COMPARISONS).data[
        "statementComparisons"]["edges"][0]["node"]
    assert node["agrees"] is False
    found = [(line["status"], line["document"], line["difference"]["amount"])
             for line in node["lines"]]
    assert found == [
        ("MATCHED", "Счёт № СЧ-26-00001", "0.00"),
        ("DATE_DIFFERS", "Оплата, п/п № 117 от 30.01.2026", "0.00"),
        ("AMOUNT_DIFFERS", "Счёт № СЧ-26-00002", "-30.00"),
        ("MISSING_IN_PARTNER", "Корректировка: Скидка за объём", "-20.50"),
        ("MATCHED", "Оплата, п/п № 142 от 05.03.2026", "0.00"),
        ("MISSING_IN_LEDGER", "Пени", "-300"),
    ]
    date_line = node["lines"][1]
    assert (date_line["date"], date_line["partnerDate"]) == ("2026-01-30", "2026-02-02")


def test_unclear_headers_ask_for_the_mapping_then_compare(
        statement_world, django_capture_on_commit_callbacks, api_as):
    world = statement_world
    rows = [["Когда", "Что", "Приход", "Расход"],
            ["15.01.2026", "СЧ-26-00001", "24400", ""]]
    content = workbook_bytes(("Лист1", rows))
    answer = compare(world["accountant"], world["dealer_a"], world["account"], content,
                     "мой.xlsx", capture=django_capture_on_commit_callbacks)
    assert answer["comparison"] is None
    assert [error["code"] for error in answer["errors"]] == ["MAPPING_REQUIRED"]
    assert "debit" in answer["errors"][0]["message"]
    assert not StatementComparison.objects.exists()
    mapping = [{"column": "Когда", "field": "date"}, {"column": "Что", "field": "document"},
               {"column": "Приход", "field": "credit"}, {"column": "Расход", "field": "debit"}]
    answer = compare(world["accountant"], world["dealer_a"], world["account"], content,
                     "мой.xlsx", mapping=mapping, capture=django_capture_on_commit_callbacks)
    assert answer["errors"] == []
    comparison = StatementComparison.objects.get()
    assert comparison.status == "DONE" and comparison.agrees is False
    assert comparison.mapping == {"header": 1, "date": 0, "document": 1, "credit": 2,
                                  "debit": 3}
    # the task's second run (a redelivered message) changes nothing
    finished = comparison.finished_at
    run_comparison(comparison.pk)
    comparison.refresh_from_db()
    assert comparison.finished_at == finished


@pytest.mark.parametrize(("mapping", "code"), [
    ([{"column": "Когда", "field": "date"}], "MAPPING_REQUIRED"),
    ([{"column": "Нет такой", "field": "date"}], "MAPPING_REQUIRED"),
    ([{"column": "Когда", "field": "цена"}], "INVALID"),
])
def test_a_wrong_mapping_is_refused(statement_world, django_capture_on_commit_callbacks,
                                    mapping, code):
    world = statement_world
    content = workbook_bytes(("Лист1", [["Когда", "Что", "Приход", "Расход"],
                                        ["15.01.2026", "СЧ-26-00001", "24400", ""]]))
    answer = compare(world["accountant"], world["dealer_a"], world["account"], content,
                     "мой.xlsx", mapping=mapping, capture=django_capture_on_commit_callbacks)
    assert [error["code"] for error in answer["errors"]] == [code]
    assert not StatementComparison.objects.exists()


def test_an_unreadable_file_and_a_foreign_account(statement_world,
                                                  django_capture_on_commit_callbacks):
    world = statement_world
    answer = compare(world["accountant"], world["dealer_a"], world["account"],
                     b"\x89PNG not a sheet", "a.png", capture=django_capture_on_commit_callbacks)
    assert [error["code"] for error in answer["errors"]] == ["INVALID"]
    answer = compare(world["sub_admin"], world["sub_a"], world["account"],
                     workbook_bytes(("Акт", buyers_books())), "a.xlsx",
                     capture=django_capture_on_commit_callbacks)
    assert [error["code"] for error in answer["errors"]] == ["NOT_FOUND"]
    assert not StatementComparison.objects.exists()


def test_comparisons_are_seen_with_their_account(
        statement_world, django_capture_on_commit_callbacks, api_as):
    world = statement_world
    compare(world["accountant"], world["dealer_a"], world["account"],
            workbook_bytes(("Акт", buyers_books())), "a.xlsx",
            capture=django_capture_on_commit_callbacks)
    account = to_global_id("CreditAccount", world["account"].pk)
    for user, organization, count in (
            (world["accountant"], world["dealer_a"], 1),
            (world["factory_accountant"], world["factory"], 1),
            (world["staff"], None, 1),
            (world["buyer"], world["dealer_a"], 0),
            (world["sub_admin"], world["sub_a"], 0)):
        data = api_as(user, organization)(COMPARISONS, {"account": account}).data
        assert data["statementComparisons"]["totalCount"] == count, user


def test_the_list_runs_the_same_queries_however_many_comparisons(
        statement_world, django_capture_on_commit_callbacks, api_as, fast_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    world = statement_world
    content = workbook_bytes(("Акт", buyers_books()))
    counts = []
    for _ in range(2):
        compare(world["accountant"], world["dealer_a"], world["account"], content, "a.xlsx",
                capture=django_capture_on_commit_callbacks)
        fast_path.reset()
        with CaptureQueriesContext(connection) as captured:
            data = api_as(world["accountant"], world["dealer_a"])(COMPARISONS).data
        assert fast_path.fallbacks == 0
        counts.append(len(captured))
    assert data["statementComparisons"]["totalCount"] == 2
    assert counts[0] == counts[1]
