"""The reconciliation statement's PDF over many pages (documents/statement_pdf.py): the
table is cut into one table a page, so each page must carry the column header, every
entry must appear exactly once and in order, a document's text too wide for its column
wraps instead of running over the amounts, the balances and the turnover close the table,
and every page's foot counts «n / N». Built from an unsaved statement: no database."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from decimal import Decimal

import pypdf

from backend.accounts.models import Organization
from plugins.credit.documents.statement_pdf import statement_pdf
from plugins.credit.services.statement import Statement, StatementLine

LONG = ("Корректировка: возврат брака по рекламации покупателя от 14 марта, партия "
        "из трёх поставок, согласовано с региональным менеджером")


def _statement(entries: int, language: str = "ru") -> Statement:
    seller = Organization(name="Завод", legal_name="ООО «Завод»", inn="7701234567",
                          kpp="770101001", address="Москва, ул. Заводская, 1")
    buyer = Organization(name="Дилер", legal_name="ООО «Дилер»", inn="2301234567")
    lines = []
    for index in range(entries):
        document = LONG if index == 37 else f"Счёт № СЧ-26-{index + 1:05d}"
        amount = Decimal(1000 + index) + Decimal("0.25")
        lines.append(StatementLine(date(2026, 1, 1) + timedelta(days=index // 3), document,
                                   amount if index % 2 == 0 else Decimal(0),
                                   Decimal(0) if index % 2 == 0 else amount))
    return Statement(account=None, seller=seller, buyer=buyer,  # type: ignore[arg-type]
                     start=date(2026, 1, 1), end=date(2026, 12, 31), currency="RUB",
                     opening=Decimal("500.00"), lines=tuple(lines), language=language)


def _pages(statement: Statement) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(statement_pdf(statement)))
    return [page.extract_text() for page in reader.pages]


def test_every_page_has_the_header_and_its_number_and_every_entry_appears_once_in_order():
    statement = _statement(400)
    pages = _pages(statement)
    assert len(pages) >= 6
    for number, text in enumerate(pages, start=1):
        assert "Дата" in text and "Документ" in text and "Дебет" in text, number
        assert text.rstrip().endswith(f"{number} / {len(pages)}"), number
    text = "\n".join(pages)
    numbers = [int(found) for found in re.findall(r"Счёт № СЧ-26-(\d{5})", text)]
    assert numbers == [index + 1 for index in range(400) if index != 37]
    assert text.index("Сальдо начальное") < text.index("СЧ-26-00001")
    assert text.index("СЧ-26-00400") < text.index("Обороты за период") < text.index(
        "Сальдо конечное")
    debit = sum((line.debit for line in statement.lines), Decimal(0))
    credit = sum((line.credit for line in statement.lines), Decimal(0))
    # «239 850,00»: the no-break space between thousands comes back as a plain space
    turnover = "\n".join(f"{total:,.2f}".replace(",", " ").replace(".", ",")
                         for total in (debit, credit))
    assert f"Обороты за период\n{turnover}\n" in text.replace("\u00a0", " ")
    assert "М.П." in pages[-1]  # the signatures close the last page


def test_a_document_too_wide_for_its_column_wraps_whole():
    text = "\n".join(_pages(_statement(60)))
    words = " ".join(text.split())
    assert LONG in words  # every word, in order, over two lines of the cell
    long_line = next(line for line in text.splitlines() if line.startswith("Корректировка"))
    assert long_line != LONG  # it was cut, not drawn over the debit column


def test_the_english_statement():
    text = "\n".join(_pages(_statement(5, language="en")))
    for expected in ("Reconciliation statement", "Opening balance", "Closing balance",
                     "Turnover for the period", "Chief accountant", "1 / 1"):
        assert expected in text, expected
