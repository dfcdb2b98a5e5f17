"""A reconciliation statement as a workbook (openpyxl's write-only mode: rows are spooled
to disk as they are appended): the title, the parties and the period above the table
(date, document, debit, credit) with the opening balance, the entries, the turnover and
the closing balance, then the result sentence. Amounts are numbers (Decimal) with two
decimals, so an accountant can sum or compare them."""

from __future__ import annotations

from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from price_rules.excel.workbook_file import MONEY, sheet_title

from ..services.statement import Statement
from .statement_text import TEXTS, balance_columns, day_text, party_name, result_sentence

WIDTHS = {"A": 12, "B": 60, "C": 16, "D": 16}


def write_statement_xlsx(target: IO[bytes], statement: Statement) -> None:
    language = statement.language
    texts = TEXTS[language]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(texts["sheet"]))
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)

    def cell(value, *, strong: bool = False, money: bool = False) -> WriteOnlyCell:
        written = WriteOnlyCell(sheet, value=value)
        if strong:
            written.font = bold
        if money and value is not None:
            written.number_format = MONEY
        return written

    def row(day: str, document: str, debit, credit, *, strong: bool = False) -> None:
        sheet.append([cell(day, strong=strong), cell(document, strong=strong),
                      cell(debit, strong=strong, money=True),
                      cell(credit, strong=strong, money=True)])

    sheet.append([cell(texts["title"], strong=True)])
    sheet.append([texts["period"].format(start=day_text(statement.start, language),
                                         end=day_text(statement.end, language))])
    sheet.append([texts["between"].format(seller=party_name(statement.seller),
                                          buyer=party_name(statement.buyer))])
    sheet.append([texts["by_data"].format(name=party_name(statement.seller)) + ", "
                  + texts["currency"].format(currency=statement.currency)])
    sheet.append([])
    row(texts["date"], texts["document"], texts["debit"], texts["credit"], strong=True)
    _balance(row, day_text(statement.start, language), texts["opening"], statement.opening)
    for line in statement.lines:
        row(day_text(line.day, language), line.document, line.debit or None,
            line.credit or None)
    row("", texts["turnover"], statement.debit_total, statement.credit_total, strong=True)
    _balance(row, day_text(statement.end, language), texts["closing"], statement.closing)
    sheet.append([])
    sheet.append([cell(result_sentence(statement), strong=True)])
    book.save(target)


def _balance(row, day: str, label: str, balance) -> None:
    debit, credit = balance_columns(balance)
    row(day, label, debit, credit, strong=True)
