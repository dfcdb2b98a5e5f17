"""A bank statement's incoming payment as read (text, ``RawLine``) and as checked
(``StatementLine``), whatever the file's format. A row that cannot be read is a
``Problem`` naming its place in the file; the import writes nothing while any is left."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from backend.core.sheets.numbers import CellError, parse_decimal

MONEY_DIGITS = 12  # the money columns' digits before the point
_INN = re.compile(r"^(\d{10}|\d{12})$")
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y")


@dataclass(frozen=True)
class RawLine:
    place: str  # where the person finds it: «document 3 (line 41)», «row 7»
    number: str
    date: str
    amount: str
    payer_inn: str
    payer_name: str
    recipient_inn: str
    purpose: str


@dataclass(frozen=True)
class StatementLine:
    place: str
    number: str
    date: date
    amount: Decimal
    payer_inn: str
    payer_name: str
    purpose: str


@dataclass(frozen=True)
class Problem:
    place: str
    message: str


def parse_date(text: str) -> date | None:
    text = text.strip()
    if "T" in text:  # a workbook's date cell, read as an ISO datetime
        text = text.split("T", 1)[0]
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None


def checked(raw: RawLine) -> StatementLine | Problem:
    """The line, or every reason it cannot be read in one message."""
    reasons = []
    day = parse_date(raw.date)
    if day is None:
        reasons.append(f"the date «{raw.date[:20]}» is not a date (DD.MM.YYYY)"
                       if raw.date.strip() else "the date is missing")
    amount = None
    if not raw.amount.strip():
        reasons.append("the amount is missing")
    else:
        try:
            amount = parse_decimal(raw.amount, places=2, integer_digits=MONEY_DIGITS,
                                   what="amount")
        except CellError as error:
            reasons.append(str(error)[0].lower() + str(error)[1:].rstrip("."))
        else:
            if amount <= 0:
                reasons.append(f"the amount {raw.amount.strip()[:20]} is not positive")
    inn = raw.payer_inn.strip()
    if inn and not _INN.match(inn):
        reasons.append(f"the payer's INN «{inn[:20]}» is not 10 or 12 digits")
    if reasons or day is None or amount is None:
        return Problem(raw.place, f"{raw.place.capitalize()}: {'; '.join(reasons)}.")
    return StatementLine(place=raw.place, number=raw.number.strip()[:64], date=day,
                         amount=amount, payer_inn=inn, payer_name=raw.payer_name.strip()[:255],
                         purpose=raw.purpose.strip())
