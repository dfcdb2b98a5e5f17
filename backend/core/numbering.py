"""Short human numbers for documents people read out on the phone: «З-000042».

A ``NumberSeries`` is a PostgreSQL sequence plus the way its numbers are written. The
database assigns the number as the row's column default (``series.db_default()``), in the
INSERT itself and returned by it: concurrent transactions never get the same number, with
no lock and no retry, whoever creates the row (a service, the admin, a test). A sequence
never hands a number out twice, even to a transaction that rolls back, so numbers are
unique but may have gaps; a series that must be gapless (some tax documents) needs a
counter row locked per number instead, which serializes its writers.

Only the integer is stored. It is written with a prefix of the reader's language and
zero-padded (``format``): «З-000042» in Russian, «A-000042» in English; ``parse`` accepts
either prefix (also a Latin «3» typed for the Cyrillic «З», or a «№»), or the digits alone,
so «З-000042», «000042» and «42» all find it.

A migration creates the sequence with ``series.create_sequence()`` (reversible) before the
column that uses it. Orders and invoices get their own series the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connection, migrations
from django.db.models import BigIntegerField, Func, Value

# Anything before the digits that people put in front of a number: a prefix of letters (or
# a «3» typed for «З») followed by a dash or space, or a «№»/«#».
_NUMBER = re.compile(
    r"^\s*(?:(?:[^\W\d_]{1,3}|3)\s*[-‐–—\s]\s*|[№#]\s*)?0*(\d{1,15})\s*$")


class NextValue(Func):
    """``nextval('sequence')``: the sequence's next number."""

    function = "nextval"
    output_field = BigIntegerField()

    def __init__(self, sequence: str | Value, **extra):
        super().__init__(sequence if isinstance(sequence, Value) else Value(sequence),
                         **extra)


@dataclass(frozen=True)
class NumberSeries:
    sequence: str
    prefixes: Mapping[str, str] = field(default_factory=dict)
    width: int = 6

    def db_default(self) -> NextValue:
        return NextValue(self.sequence)

    def create_sequence(self) -> migrations.RunSQL:
        """The migration operation that creates the sequence (and drops it on reverse)."""
        name = connection.ops.quote_name(self.sequence)
        return migrations.RunSQL(f"CREATE SEQUENCE {name} AS bigint",
                                 f"DROP SEQUENCE {name}")

    def next_value(self) -> int:
        """Take a number outside of an INSERT (e.g. to backfill existing rows)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [self.sequence])
            return cursor.fetchone()[0]

    def format(self, number: int, language: str = "ru") -> str:
        prefix = self.prefixes.get(language) or next(iter(self.prefixes.values()), "")
        digits = str(number).zfill(self.width)
        return f"{prefix}-{digits}" if prefix else digits

    @staticmethod
    def parse(text: str) -> int | None:
        """The number written in ``text`` (any prefix, zero-padded or not), else None."""
        match = _NUMBER.match(text or "")
        if match is None:
            return None
        number = int(match.group(1))
        return number or None
