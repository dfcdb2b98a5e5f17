"""Reconciliation statements through the API: statementDownload (a signed link to the PDF
or xlsx of an account's statement for a period), per role: the buyer's accountant and the
seller's side get it, a buyer without the documents' permission and a sub-dealer asking
for its dealer's account get NOT_FOUND; the refusals (NO_ENTRIES, PERIOD_INVALID); the
link works only while its viewer still sees the account."""

from __future__ import annotations

import io

import openpyxl
import pypdf
import pytest
from django.test import Client
from graphql_relay import to_global_id

from plugins.credit.documents.statement_pdf import statement_pdf
from plugins.credit.services.statement import build_statement
from tests.statement_world import *  # noqa: F403

pytestmark = pytest.mark.django_db

DOWNLOAD = """
mutation($account: ID!, $from: Date!, $to: Date!, $format: DocumentFormat!) {
  statementDownload(account: $account, from: $from, to: $to, format: $format) {
    url errors { field code message }
  }
}"""
Q1 = {"from": "2026-01-01", "to": "2026-03-31"}


def download(api_as, user, organization, account, *, fmt="PDF", **period):
    variables = {"account": to_global_id("CreditAccount", account.pk), "format": fmt,
                 **Q1, **period}
    return api_as(user, organization).mutate(DOWNLOAD, variables, result="statementDownload")


def test_the_buyers_accountant_downloads_the_pdf(statement_world, api_as):
    world = statement_world
    answer = download(api_as, world["accountant"], world["dealer_a"], world["account"])
    assert answer["errors"] == []
    assert answer["url"].startswith("/downloads/statements/")
    response = Client().get(answer["url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment;" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_the_layout_of_the_statement(statement_world):
    statement = build_statement(statement_world["account"], *map(
        __import__("datetime").date.fromisoformat, Q1.values()))
    pdf = pypdf.PdfReader(io.BytesIO(statement_pdf(statement)))
    # the no-break spaces between thousands come back from the PDF as plain spaces
    text = "\n".join(page.extract_text() for page in pdf.pages).replace("\u00a0", " ")
    for expected in ("Акт сверки взаимных расчётов", "за период с 01.01.2026 по 31.03.2026",
                     'По данным ООО "Завод"', "Сальдо начальное", "6 000,00",
                     "Счёт № СЧ-26-00001", "24 400,00", "Обороты за период",
                     "Сальдо конечное", "6 600,00", "задолженность в пользу ООО "
                     '"Завод" составляет 6 600,00 руб.\n', "Главный бухгалтер",
                     'От ООО "Дилер Альфа"', "ИНН", f"1 / {len(pdf.pages)}"):
        assert expected in text, expected
    assert "руб.." not in text


def test_the_seller_side_and_staff_download_the_workbook(statement_world, api_as):
    world = statement_world
    for user, organization in ((world["factory_accountant"], world["factory"]),
                               (world["staff"], None)):
        answer = download(api_as, user, organization, world["account"], fmt="XLSX")
        assert answer["errors"] == [], user
        response = Client().get(answer["url"])
        assert response.status_code == 200
        book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        rows = [tuple(cell for cell in row) for row in book.active.iter_rows(values_only=True)]
        assert rows[0][0] == "Акт сверки взаимных расчётов"
        assert ("Дата", "Документ", "Дебет", "Кредит") in rows
        assert ("01.01.2026", "Сальдо начальное", 6000, None) in rows
        assert ("30.01.2026", "Оплата, п/п № 117 от 30.01.2026", None, 10000) in rows
        assert ("31.03.2026", "Сальдо конечное", 6600, None) in rows
        assert any("задолженность в пользу" in (row[0] or "") for row in rows)


@pytest.mark.parametrize("who", ["buyer", "sub_admin"])
def test_who_does_not_see_the_documents_gets_not_found(statement_world, api_as, who):
    world = statement_world
    organization = world["sub_a"] if who == "sub_admin" else world["dealer_a"]
    answer = download(api_as, world[who], organization, world["account"])
    assert answer["url"] is None
    assert [error["code"] for error in answer["errors"]] == ["NOT_FOUND"]


def test_the_sub_dealer_gets_its_own_statement_with_its_dealer(statement_world, api_as):
    world = statement_world
    answer = download(api_as, world["sub_admin"], world["sub_a"], world["sub_account"])
    assert answer["errors"] == []
    # the dealer, the seller of that account, too
    answer = download(api_as, world["dealer_admin"], world["dealer_a"], world["sub_account"])
    assert answer["errors"] == []


@pytest.mark.parametrize(("period", "code", "field"), [
    ({"from": "2026-04-01", "to": "2026-04-30"}, "NO_ENTRIES", "from"),
    ({"from": "2026-03-01", "to": "2026-02-01"}, "PERIOD_INVALID", "to"),
])
def test_an_empty_or_impossible_period_is_refused(statement_world, api_as, period, code,
                                                  field):
    world = statement_world
    answer = download(api_as, world["accountant"], world["dealer_a"], world["account"],
                      **period)
    assert answer["url"] is None
    assert [(error["code"], error["field"]) for error in answer["errors"]] == [(code, field)]


def test_the_link_stops_with_its_viewers_sign_in(statement_world, api_as):
    world = statement_world
    url = download(api_as, world["accountant"], world["dealer_a"], world["account"])["url"]
    assert Client().get(url[:-4] + "abc/").status_code == 403
    world["accountant"].token_version += 1
    world["accountant"].save(update_fields=["token_version"])
    assert Client().get(url).status_code == 403
