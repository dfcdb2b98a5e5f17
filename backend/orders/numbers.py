"""Readable order numbers, per seller and year: «26-00042» is the seller's 42nd order of
2026. Numbers are unique per seller (``order_seller_number_unique``); two sellers'
orders may share a number, so a number finds an order within what the viewer sees.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Q

from .models import OrderNumberCounter

# «26-00042», «2026-42», «№ 26-42», «00042», «42»
_NUMBER = re.compile(r"^\s*[№#]?\s*(?:(\d{2}|\d{4})\s*[-/]\s*)?0*(\d{1,9})\s*$")


def format_number(year: int, serial: int) -> str:
    return f"{year % 100:02d}-{serial:05d}"


def next_serial(seller_id: int, year: int) -> int:
    """The seller's next serial for ``year``, taken under the counter row's lock, which
    every placement for the seller waits on until the taker commits: take it after the
    checks and the stock locks, just before the order's rows are written."""
    table = OrderNumberCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (seller_id, year, last) VALUES (%s, %s, 1) "
            f"ON CONFLICT (seller_id, year) DO UPDATE SET last = {table}.last + 1 "
            f"RETURNING last", [seller_id, year])
        return int(cursor.fetchone()[0])


def number_condition(text: str) -> Q | None:
    """The orders a typed number means (None when ``text`` is not a number)."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    year_text, serial = match.groups()
    condition = Q(serial=int(serial))
    if year_text:
        year = int(year_text)
        condition &= Q(year=year if year > 99 else 2000 + year)
    return condition
