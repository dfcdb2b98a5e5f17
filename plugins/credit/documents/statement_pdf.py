"""A reconciliation statement (акт сверки) as PDF, laid out as Russian accountants expect:
both parties, the period, the table «по данным <продавца>» (date, document, debit,
credit) between the opening and closing balances and the period's turnover, the sentence
saying who owes whom, and a signature block for each party; «page / pages» at the foot.

Drawn with ReportLab's platypus, not through HTML as the one-page invoice and UPD are: a
year's statement runs to thousands of rows, and a long table is where an HTML layout
engine spends seconds (WeasyPrint took ~3 ms a row). Here the table's columns have fixed
widths, a document's text is a plain string unless it is too wide for its column (then a
wrapping paragraph), every row is measured once, and each page gets its own table with the
column header on top (bench/statement_pdf.py: 5,000 entries well under the 3 s target).
The DejaVu fonts (Debian's fonts-dejavu-core, installed by ``make setup``) write Cyrillic.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from ..services.statement import Statement
from .statement_text import (
    TEXTS,
    balance_columns,
    day_text,
    money_text,
    party_name,
    result_sentence,
)

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
SIZE = 8
MARGINS = {"leftMargin": 16 * mm, "rightMargin": 12 * mm, "topMargin": 14 * mm,
           "bottomMargin": 14 * mm}
FRAME_PADDING = 6  # points on each side of platypus's default frame
WIDTH = A4[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"] - 2 * FRAME_PADDING
COLUMNS = (0.14, 0.50, 0.18, 0.18)  # date, document, debit, credit (shares of the width)
PADDING, V_PADDING = 1.2 * mm, 0.6 * mm


@lru_cache(maxsize=1)
def _fonts() -> None:
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, f"{FONT_DIR}/{name}.ttf"))


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("statement", fontName=REGULAR, fontSize=SIZE, leading=SIZE * 1.25)
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=12, leading=15,
                                alignment=1, spaceAfter=2 * mm),
        "sub": ParagraphStyle("sub", base, alignment=1, spaceAfter=1 * mm),
        "small": ParagraphStyle("small", base, fontSize=7, leading=9),
        "caption": ParagraphStyle("caption", base, fontName=BOLD, spaceBefore=3 * mm,
                                  spaceAfter=1 * mm),
        "result": ParagraphStyle("result", base, fontName=BOLD, spaceBefore=4 * mm,
                                 spaceAfter=4 * mm),
    }


def _text(value: str) -> str:
    """Plain text made safe for a platypus paragraph's markup."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Numbered(Canvas):
    """A canvas that holds its pages back until the document ends, so each page's foot
    can say «n / N»."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []

    def showPage(self):  # ReportLab's name for ending a page
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, 7)
            self.drawRightString(A4[0] - MARGINS["rightMargin"] - FRAME_PADDING, 8 * mm,
                                 f"{number} / {total}")
            super().showPage()
        super().save()


def _parties(statement: Statement, texts: dict[str, str]) -> Table:
    styles = _styles()
    cells = []
    for side, organization in ((texts["seller_side"], statement.seller),
                               (texts["buyer_side"], statement.buyer)):
        ids = f"{texts['inn']} {organization.inn}"
        if organization.kpp:
            ids += f", {texts['kpp']} {organization.kpp}"
        details = _text(ids) + (f"<br/>{_text(organization.address)}"
                                if organization.address else "")
        cells.append([Paragraph(f"<b>{_text(side)}:</b> "
                                f"{_text(party_name(organization))}", styles["base"]),
                      Paragraph(details, styles["small"])])
    table = Table([cells], colWidths=[WIDTH / 2] * 2)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm)]))
    return table


class _PagedTable(Flowable):
    """The statement's table, cut into one ReportLab table per page with the column header
    on top of each. Every row's height is measured once, so finding where a page ends is a
    bisection; a platypus table split instead rebuilds the table of every remaining row at
    each page (quadratic: 1.7 s of 5,000 entries' 3 s went there)."""

    def __init__(self, header: list, rows: list[list], heights: list[float],
                 header_height: float, bold: frozenset[int], widths: list[float],
                 start: int = 0):
        super().__init__()
        self.header, self.rows, self.heights = header, rows, heights
        self.header_height, self.bold, self.widths, self.start = (header_height, bold,
                                                                  widths, start)
        self._ends = list(accumulate(heights, initial=0.0))  # row i ends at _ends[i + 1]
        self._table: Table | None = None

    def _rest(self, start: int) -> _PagedTable:
        # not a copy of self.__dict__: platypus marks a flowable it postponed to the next
        # page (_postponed) and refuses to postpone it twice
        rest = _PagedTable.__new__(_PagedTable)
        Flowable.__init__(rest)
        for name in ("header", "rows", "heights", "header_height", "bold", "widths", "_ends"):
            setattr(rest, name, getattr(self, name))
        rest.start, rest._table = start, None
        return rest

    def _height(self, start: int, stop: int) -> float:
        return self.header_height + self._ends[stop] - self._ends[start]

    def wrap(self, available_width, available_height):
        return sum(self.widths), self._height(self.start, len(self.rows))

    def split(self, available_width, available_height):
        room = available_height - self.header_height + self._ends[self.start]
        stop = bisect_right(self._ends, room) - 1  # the rows [start, stop) fit
        if stop <= self.start:
            return []  # not even one row: the frame moves on to the next page
        parts: list[Flowable] = [self._page(self.start, stop)]
        if stop < len(self.rows):
            parts.append(self._rest(stop))
        return parts

    def draw(self):
        if self._table is None:
            self._table = self._page(self.start, len(self.rows))
        self._table.wrapOn(self.canv, sum(self.widths), self._height(self.start,
                                                                     len(self.rows)))
        self._table.drawOn(self.canv, 0, 0)

    def _page(self, start: int, stop: int) -> Table:
        style = [
            ("FONT", (0, 0), (-1, -1), REGULAR, SIZE),
            ("FONT", (0, 0), (-1, 0), BOLD, SIZE),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), V_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), V_PADDING),
        ]
        style += [("FONT", (0, index - start + 1), (-1, index - start + 1), BOLD, SIZE)
                  for index in self.bold if start <= index < stop]
        table = Table([self.header, *self.rows[start:stop]], colWidths=self.widths,
                      rowHeights=[self.header_height, *self.heights[start:stop]])
        table.setStyle(TableStyle(style))
        return table


def _lines(statement: Statement, texts: dict[str, str]) -> _PagedTable:
    """The table: the opening balance, the entries, the turnover and the closing balance
    (those three bold)."""
    language = statement.language
    document_style = _styles()["base"]
    widths = [WIDTH * share for share in COLUMNS]
    room = widths[1] - 2 * PADDING
    line = SIZE * 1.2 + 2 * V_PADDING  # a row of one line of text, as Table measures it
    heights: list[float] = []

    def money(value):
        return money_text(value, language) if value else ""

    def row(day: str, text: str, debit: str, credit: str) -> list:
        if pdfmetrics.stringWidth(text, REGULAR, SIZE) <= room:
            heights.append(line)
            return [day, text, debit, credit]
        paragraph = Paragraph(_text(text), document_style)
        heights.append(max(line, paragraph.wrap(room, 1000 * mm)[1] + 2 * V_PADDING))
        return [day, paragraph, debit, credit]

    opening_debit, opening_credit = balance_columns(statement.opening)
    closing_debit, closing_credit = balance_columns(statement.closing)
    rows = [row(day_text(statement.start, language), texts["opening"],
                money(opening_debit), money(opening_credit))]
    rows += [row(day_text(entry.day, language), entry.document, money(entry.debit),
                 money(entry.credit)) for entry in statement.lines]
    rows.append(row("", texts["turnover"], money_text(statement.debit_total, language),
                    money_text(statement.credit_total, language)))
    rows.append(row(day_text(statement.end, language), texts["closing"],
                    money(closing_debit), money(closing_credit)))
    last = len(rows) - 1
    header = [texts["date"], texts["document"], texts["debit"], texts["credit"]]
    return _PagedTable(header, rows, heights, line, frozenset((0, last - 1, last)), widths)


def _signatures(statement: Statement, texts: dict[str, str]) -> Flowable:
    styles = _styles()
    cells = []
    for organization in (statement.seller, statement.buyer):
        signer = texts["from"].format(name=party_name(organization))
        cells.append([Paragraph(f"<b>{_text(signer)}</b>", styles["base"]),
                      Spacer(1, 7 * mm), _Rule(), Paragraph(texts["director"],
                                                            styles["small"]),
                      Spacer(1, 7 * mm), _Rule(), Paragraph(texts["accountant"],
                                                            styles["small"]),
                      Spacer(1, 2 * mm), Paragraph(texts["stamp"], styles["small"])])
    table = Table([cells], colWidths=[WIDTH / 2] * 2)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm)]))
    return KeepTogether([Spacer(1, 8 * mm), table])


class _Rule(Flowable):
    """The line a signature goes on."""

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, 1 * mm

    def draw(self):
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 0, self.width, 0)


def statement_pdf(statement: Statement) -> bytes:
    _fonts()
    language = statement.language
    texts = TEXTS[language]
    styles = _styles()
    story: list[Flowable] = [
        Paragraph(_text(texts["title"]), styles["title"]),
        Paragraph(_text(texts["period"].format(start=day_text(statement.start, language),
                                               end=day_text(statement.end, language))),
                  styles["sub"]),
        Paragraph(_text(texts["between"].format(seller=party_name(statement.seller),
                                                buyer=party_name(statement.buyer))),
                  styles["sub"]),
        Spacer(1, 3 * mm),
        _parties(statement, texts),
        Paragraph(_text(f"{texts['by_data'].format(name=party_name(statement.seller))}, "
                        f"{texts['currency'].format(currency=statement.currency)}"),
                  styles["caption"]),
        _lines(statement, texts),
        Paragraph(_text(result_sentence(statement)), styles["result"]),
        _signatures(statement, texts),
    ]
    target = io.BytesIO()
    document = SimpleDocTemplate(target, pagesize=A4, title=texts["title"],
                                 author=party_name(statement.seller), **MARGINS)
    document.build(story, canvasmaker=_Numbered)
    return target.getvalue()
