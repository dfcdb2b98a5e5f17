"""A reconciliation statement (акт сверки) as PDF, laid out as Russian accountants expect:
both parties, the period, the table «по данным <продавца>» (date, document, debit,
credit) between the opening and closing balances and the period's turnover, the sentence
saying who owes whom, and a signature block for each party. WeasyPrint renders the HTML
template ``credit/statement.html`` with the DejaVu fonts (Cyrillic).

The table is one HTML table whose header repeats on each page; ``table-layout: fixed``
spares WeasyPrint measuring every cell of a long statement (bench/statement_pdf.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.loader import render_to_string

from ..services.statement import Statement
from .statement_text import (
    TEXTS,
    balance_columns,
    day_text,
    money_text,
    party_name,
    result_sentence,
)

if TYPE_CHECKING:
    from weasyprint.document import Document


def statement_html(statement: Statement) -> str:
    language = statement.language
    texts = TEXTS[language]

    def money(value):
        return money_text(value, language) if value else ""

    opening_debit, opening_credit = balance_columns(statement.opening)
    closing_debit, closing_credit = balance_columns(statement.closing)
    seller, buyer = statement.seller, statement.buyer
    return render_to_string("credit/statement.html", {
        "t": texts, "language": language,
        "title": texts["title"],
        "period": texts["period"].format(start=day_text(statement.start, language),
                                         end=day_text(statement.end, language)),
        "between": texts["between"].format(seller=party_name(seller),
                                           buyer=party_name(buyer)),
        "by_data": texts["by_data"].format(name=party_name(seller)),
        "currency": texts["currency"].format(currency=statement.currency),
        "parties": [(texts["seller_side"], seller), (texts["buyer_side"], buyer)],
        "rows": [(day_text(line.day, language), line.document, money(line.debit),
                  money(line.credit)) for line in statement.lines],
        "opening": (day_text(statement.start, language), money(opening_debit),
                    money(opening_credit)),
        "turnover": (money_text(statement.debit_total, language),
                     money_text(statement.credit_total, language)),
        "closing": (day_text(statement.end, language), money(closing_debit),
                    money(closing_credit)),
        "result": result_sentence(statement),
        "signers": [texts["from"].format(name=party_name(seller)),
                    texts["from"].format(name=party_name(buyer))],
    })


def statement_document(statement: Statement) -> Document:
    """The statement laid out in pages (WeasyPrint's document)."""
    # imported when a PDF is made: loading WeasyPrint (Pango, its stylesheets) takes a
    # second that every other process (the API, the workers) would pay at start
    from weasyprint import HTML

    return HTML(string=statement_html(statement)).render()


def statement_pdf(statement: Statement) -> bytes:
    return statement_document(statement).write_pdf()
