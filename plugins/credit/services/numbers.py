"""Invoice numbers, per seller and year and gapless (a tax document's numbers may have no
holes): «СЧ-26-00042» in Russian, «INV-26-00042» in English, the seller's 42nd invoice of
2026.

The serial is taken from the seller's ``InvoiceCounter`` row, incremented in place: the row
stays locked until the issuing transaction commits, so a rolled-back invoice gives its
number back and two sellers never wait on each other. Take it last, just before the
invoice's row is written, to hold the lock for the shortest time.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Q

from ..models import InvoiceCounter

PREFIXES = {"ru": "СЧ", "en": "INV"}

# «СЧ-26-00042», «INV-26-42», «26-00042», «00042», «42»
_NUMBER = re.compile(r"^\s*(?:[№#]\s*)?(?:[^\W\d_]{1,3}\s*-?\s*)?"
                     r"(?:(\d{2}|\d{4})\s*[-/]\s*)?0*(\d{1,9})\s*$")


def next_serial(seller_id: int, year: int) -> int:
    table = InvoiceCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (seller_id, year, last) VALUES (%s, %s, 1) "
            f"ON CONFLICT (seller_id, year) DO UPDATE SET last = {table}.last + 1 "
            f"RETURNING last", [seller_id, year])
        return int(cursor.fetchone()[0])


def format_number(year: int, serial: int, language: str = "ru") -> str:
    prefix = PREFIXES.get(language, PREFIXES["ru"])
    return f"{prefix}-{year % 100:02d}-{serial:05d}"


def number_condition(text: str) -> Q | None:
    """The invoices a typed number means (None when ``text`` is not one)."""
    match = _NUMBER.match(text or "")
    if match is None:
        return None
    year_text, serial = match.groups()
    condition = Q(serial=int(serial))
    if year_text:
        year = int(year_text)
        condition &= Q(year=year if year > 99 else 2000 + year)
    return condition
