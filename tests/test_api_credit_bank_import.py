"""bankStatementImport, bankStatementRows, bankRowMatch, bankRowIgnore through the API:
the 1C sample of tests/data (Windows-1251), CSV and xlsx with a guessed header, every bad
row named with nothing written, duplicates, who may import and see the rows."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from backend.accounts.models import AuditEvent
from plugins.credit.models import (
    BankStatementImport,
    BankStatementRow,
    InvoiceStatus,
    Payment,
    RowState,
)
from tests.fixtures.credit_bank import *  # noqa: F403
from tests.fixtures.credit_bank import SAMPLE_1C, import_file
from tests.fixtures.credit_payments import *  # noqa: F403
from tests.fixtures.credit_payments import DEALER_INN, FACTORY_INN, gid, make_invoice

pytestmark = pytest.mark.django_db

ROWS = """query($statement: ID, $state: BankRowState) {
  bankStatementRows(statement: $statement, state: $state, first: 20) {
    totalCount
    edges { node { id position docNumber docDate amount { amount currency } payerInn
                   payerName purpose state payment { id amount { amount } } } }
  }
}"""
MATCH = """mutation($row: ID!, $account: ID!, $invoice: ID) {
  bankRowMatch(row: $row, account: $account, invoice: $invoice) {
    row { id state payment { id amount { amount } reference } }
    errors { field code message }
  }
}"""
IGNORE = """mutation($row: ID!, $reason: String!) {
  bankRowIgnore(row: $row, reason: $reason) { row { id state } errors { field code } }
}"""


def nodes(response):
    return [edge["node"] for edge in response.data["bankStatementRows"]["edges"]]


def test_the_1c_sample_matched_recorded_and_left_for_a_person(credit_world, api_as):
    w = credit_world
    account = w["dealer_account"]
    invoice = make_invoice(account, "61000.00", issued_on=date(2026, 11, 20), serial=42)
    older = make_invoice(account, "3000.00", issued_on=date(2026, 11, 1), due_in=5)
    payload = import_file(w["staff"], w["factory"], SAMPLE_1C)
    assert payload["errors"] == []
    statement = payload["statement"]
    assert (statement["format"], statement["rowsTotal"], statement["matched"],
            statement["unmatched"], statement["duplicates"]) == ("ONE_C", 3, 2, 1, 0)
    rows = {row.doc_number: row for row in BankStatementRow.objects.all()}
    assert set(rows) == {"512", "517", "88"}  # 1203 is the factory's own payment out
    assert rows["512"].invoice_id == invoice.pk and rows["512"].state == RowState.MATCHED
    assert rows["512"].payer_name == 'ООО "Дилер Альфа"'
    assert rows["517"].account_id == account.pk and rows["517"].invoice_id is None
    assert rows["88"].state == RowState.UNMATCHED and rows["88"].payment_id is None
    invoice.refresh_from_db()
    older.refresh_from_db()
    assert invoice.status == InvoiceStatus.PAID and older.status == InvoiceStatus.PAID
    payment = rows["517"].payment
    assert (payment.source, payment.amount, payment.payer_inn) == (
        "BANK_STATEMENT", Decimal("5000.00"), DEALER_INN)
    listed = nodes(api_as(w["staff"], w["factory"])(ROWS, {"state": "UNMATCHED"}))
    assert [(r["docNumber"], r["amount"]["amount"], r["payerInn"]) for r in listed] == [
        ("88", "1500.00", "7713998874")]


def test_the_same_statement_again_is_all_duplicates(credit_world):
    w = credit_world
    import_file(w["staff"], w["factory"], SAMPLE_1C)
    again = import_file(w["staff"], w["factory"], SAMPLE_1C, filename="again.txt")
    assert (again["statement"]["duplicates"], again["statement"]["matched"]) == (3, 0)
    assert Payment.objects.count() == 2


def test_every_bad_row_is_named_and_nothing_is_written(credit_world):
    w = credit_world
    csv = ("Выписка по счету 40702810400000001234\n"
           "Номер;Дата;Сумма;ИНН плательщика;Плательщик;Назначение платежа\n"
           f"1;30.11.2026;1000,00;{DEALER_INN};Дилер;Оплата\n"
           f"2;31.11.2026;500,00;{DEALER_INN};Дилер;Оплата\n"
           f"3;30.11.2026;abc;12345;Дилер;Оплата\n").encode("cp1251")
    payload = import_file(w["staff"], w["factory"], csv, filename="statement.csv")
    assert payload["statement"] is None
    assert [e["code"] for e in payload["errors"]] == ["ROW_INVALID", "ROW_INVALID"]
    assert "Row 4" in payload["errors"][0]["message"]
    assert "Row 5" in payload["errors"][1]["message"]
    assert "INN" in payload["errors"][1]["message"]
    assert not BankStatementImport.objects.exists() and not Payment.objects.exists()


def test_an_unknown_layout_names_the_columns_expected(credit_world):
    w = credit_world
    payload = import_file(w["staff"], w["factory"], b"a;b;c\n1;2;3\n",
                          filename="x.csv")
    (error,) = payload["errors"]
    assert error["code"] == "UNKNOWN_LAYOUT" and "Назначение платежа / Purpose" in error[
        "message"]


def test_csv_and_xlsx_headers_are_guessed(credit_world):
    w = credit_world
    make_invoice(w["dealer_account"], "700.00", issued_on=date(2026, 11, 2), serial=77)
    csv = ("Date,Amount,Payer INN,Payer,Purpose,Recipient INN\n"
           f"2026-11-30,700.00,{DEALER_INN},Dealer,Invoice INV-26-00077,{FACTORY_INN}\n"
           f"2026-11-30,99.00,{FACTORY_INN},Factory,Outgoing,{DEALER_INN}\n").encode()
    first = import_file(w["staff"], w["factory"], csv, filename="bank.csv")["statement"]
    assert (first["format"], first["rowsTotal"], first["matched"]) == ("CSV", 1, 1)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Банковская выписка"])
    sheet.append([])
    sheet.append(["№ документа", "Дата операции", "Дебет", "Кредит", "ИНН плательщика",
                  "Контрагент", "Назначение платежа"])
    sheet.append(["41", date(2026, 11, 30), None, 250.5, DEALER_INN, "Дилер", "Аванс"])
    sheet.append(["42", date(2026, 11, 30), 80, None, FACTORY_INN, "Завод", "Списание"])
    buffer = io.BytesIO()
    book.save(buffer)
    second = import_file(w["staff"], w["factory"], buffer.getvalue(),
                         filename="bank.xlsx")["statement"]
    assert (second["format"], second["rowsTotal"], second["matched"]) == ("XLSX", 1, 1)
    assert Payment.objects.get(reference__startswith="№41").amount == Decimal("250.50")


def test_who_may_import(credit_world):
    w = credit_world
    refused = import_file(w["dealer_buyer"], w["dealer_a"], SAMPLE_1C)
    assert refused["errors"][0]["code"] == "PERMISSION_DENIED"
    staff_view_only = import_file(w["viewer_staff"], w["factory"], SAMPLE_1C)
    assert staff_view_only["errors"][0]["code"] == "PERMISSION_DENIED"
    # The dealer's accountant imports the dealer's own statement: payments of its
    # sub-dealer (here none match: the sample's money went to the factory).
    mine = import_file(w["dealer_accountant"], w["dealer_a"], SAMPLE_1C)
    assert mine["errors"][0]["code"] == "INVALID"  # nothing received by the dealer
    assert not BankStatementImport.objects.exists()


def test_a_person_matches_or_sets_aside_what_was_left(credit_world, api_as):
    w = credit_world
    import_file(w["staff"], w["factory"], SAMPLE_1C)
    staff = api_as(w["staff"], w["factory"])
    row = BankStatementRow.objects.get(doc_number="88")
    account_id = gid("CreditAccount", w["dealer_account"].pk)
    ignored = staff(IGNORE, {"row": gid("BankStatementRow", row.pk), "reason": " "}).data
    assert ignored["bankRowIgnore"]["errors"][0]["code"] == "REASON_REQUIRED"
    matched = staff(MATCH, {"row": gid("BankStatementRow", row.pk), "account": account_id}
                    ).data["bankRowMatch"]
    assert matched["errors"] == [] and matched["row"]["state"] == "MATCHED"
    assert matched["row"]["payment"]["amount"]["amount"] == "1500.00"
    again = staff(MATCH, {"row": gid("BankStatementRow", row.pk), "account": account_id}
                  ).data["bankRowMatch"]
    assert again["errors"][0]["code"] == "ALREADY_MATCHED"
    assert Payment.objects.count() == 3
    import_file(w["staff"], w["factory"], SAMPLE_1C.replace(b"=88\r\n", b"=89\r\n"))
    other = BankStatementRow.objects.get(doc_number="89")
    set_aside = staff(IGNORE, {"row": gid("BankStatementRow", other.pk),
                               "reason": "Возврат от поставщика"}).data["bankRowIgnore"]
    assert set_aside["row"]["state"] == "IGNORED"
    event = AuditEvent.objects.get(action="bank_row.ignored")
    assert event.changes["reason"] == "Возврат от поставщика"


def test_rows_are_the_sellers_own(credit_world, api_as):
    w = credit_world
    import_file(w["staff"], w["factory"], SAMPLE_1C)
    row = BankStatementRow.objects.get(doc_number="88")
    for user, org in ((w["dealer_admin"], w["dealer_a"]), (w["sub_accountant"], w["sub_a"]),
                      (w["other_admin"], w["dealer_b"])):
        client = api_as(user, org)
        assert client(ROWS).data["bankStatementRows"]["totalCount"] == 0
        refused = client(MATCH, {"row": gid("BankStatementRow", row.pk),
                                 "account": gid("CreditAccount", w["sub_account"].pk)}
                         ).data["bankRowMatch"]
        assert refused["errors"][0]["code"] == "NOT_FOUND"
    assert api_as(w["viewer_staff"], w["factory"])(ROWS).data[
        "bankStatementRows"]["totalCount"] == 3


def test_a_utf8_export_reads_the_same(credit_world):
    w = credit_world
    utf8 = SAMPLE_1C.decode("cp1251").replace("Кодировка=Windows", "Кодировка=UTF-8")
    statement = import_file(w["staff"], w["factory"], utf8.encode())["statement"]
    assert (statement["rowsTotal"], statement["matched"]) == (3, 2)
    assert BankStatementRow.objects.get(doc_number="88").payer_name == 'ООО "Сторонняя"'


def test_at_most_200_bad_rows_are_named(credit_world):
    w = credit_world
    bad = "".join(f"{n};99.99.2026;1,00;{DEALER_INN};Дилер;Оплата\n" for n in range(205))
    csv = ("Номер;Дата;Сумма;ИНН плательщика;Плательщик;Назначение платежа\n" + bad).encode()
    errors = import_file(w["staff"], w["factory"], csv, filename="s.csv")["errors"]
    assert len(errors) == 201 and errors[-1]["message"] == "And 5 more rows that cannot be read."
