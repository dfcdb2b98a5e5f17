"""A partner's reconciliation statement compared line by line with the ledger: pure.

Both sides are lines of (date, document, signed amount): + the buyer owes more (an
invoice), - it owes less (a payment), in the seller's ledger's sense. A partner keeps its
books from its own side, so its debit and credit are usually the mirror of ours; ``oriented``
reads its rows either way and ``compare_partner`` keeps the reading that matches more.

Lines are paired in stages, each taking what the earlier ones left:

1. the same date and amount: MATCHED (whatever the documents are called);
2. the same document (its number, see ``document_key``) and amount, another date:
   DATE_DIFFERS;
3. the same document and direction, another amount: AMOUNT_DIFFERS;
4. the same amount within ``DATE_WINDOW_DAYS`` days: DATE_DIFFERS (a payment booked the
   day the bank showed it on one side, the day it was sent on the other);
5. the rest: MISSING_IN_PARTNER (ours only) or MISSING_IN_LEDGER (the partner's only).

Every stage pairs as many lines as can be paired, whichever side is called ours, so
comparing B with A misses exactly the lines comparing A with B misses, sides swapped.
Amounts are ``Decimal`` and compared exactly: 10.00 and 10.0 agree, 10.00 and 10.01 do not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

DATE_WINDOW_DAYS = 7

# «СЧ-26-00042», «INV-26-42»: the invoice's year and serial, whatever the prefix's language.
_INVOICE_NUMBER = re.compile(r"\b[A-ZА-ЯЁ]{1,4}-(\d{2})-0*(\d+)\b", re.IGNORECASE)
# «п/п № 123», «N 0123», «№123»: a document's number after the sign.
_NUMBER_SIGN = re.compile(r"(?:№|\bN|\bNo\.?)\s*0*([0-9][\w/-]*)", re.IGNORECASE)


class LineStatus(StrEnum):
    MATCHED = "MATCHED"
    MISSING_IN_LEDGER = "MISSING_IN_LEDGER"
    MISSING_IN_PARTNER = "MISSING_IN_PARTNER"
    AMOUNT_DIFFERS = "AMOUNT_DIFFERS"
    DATE_DIFFERS = "DATE_DIFFERS"


@dataclass(frozen=True)
class Line:
    day: date
    document: str
    amount: Decimal  # signed: + the buyer owes more


@dataclass(frozen=True)
class PartnerRow:
    """A row of the partner's statement as written: its own debit and credit."""

    day: date
    document: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class ComparedLine:
    status: LineStatus
    ours: Line | None
    partners: Line | None

    @property
    def difference(self) -> Decimal:
        """Ours minus the partner's (a missing side counts as zero)."""
        return ((self.ours.amount if self.ours else Decimal(0))
                - (self.partners.amount if self.partners else Decimal(0)))

    @property
    def day(self) -> date:
        line = self.ours or self.partners
        assert line is not None
        return line.day


@dataclass(frozen=True)
class Comparison:
    lines: tuple[ComparedLine, ...]
    mirrored: bool = False  # the partner's debit was read as our credit

    @property
    def agrees(self) -> bool:
        return all(line.status is LineStatus.MATCHED for line in self.lines)

    def count(self, status: LineStatus) -> int:
        return sum(1 for line in self.lines if line.status is status)


def document_key(text: str) -> str | None:
    """What identifies a document across both sides' wording: an invoice's year and
    serial, else the number after «№»; None when the text names no number."""
    found = _INVOICE_NUMBER.search(text)
    if found is not None:
        return f"{found.group(1)}-{found.group(2)}"
    found = _NUMBER_SIGN.search(text)
    if found is not None:
        return f"#{found.group(1).upper()}"
    return None


def oriented(rows: Iterable[PartnerRow], *, mirrored: bool) -> list[Line]:
    """The partner's rows in our sense: debit - credit, or credit - debit when its books
    are the mirror of ours. A row whose two sides cancel carries nothing and is left out."""
    lines = []
    for row in rows:
        amount = (row.credit - row.debit) if mirrored else (row.debit - row.credit)
        if amount:
            lines.append(Line(row.day, row.document, amount))
    return lines


def compare_partner(ours: Sequence[Line], rows: Sequence[PartnerRow]) -> Comparison:
    """The comparison under the reading of the partner's rows that pairs more lines (the
    mirror, the usual case, when both pair as many)."""
    mirrored = compare(ours, oriented(rows, mirrored=True))
    same = compare(ours, oriented(rows, mirrored=False))
    paired = (LineStatus.MATCHED, LineStatus.DATE_DIFFERS)
    if sum(same.count(s) for s in paired) > sum(mirrored.count(s) for s in paired):
        return same
    return Comparison(mirrored.lines, mirrored=True)


def compare(ours: Sequence[Line], partners: Sequence[Line]) -> Comparison:
    left, right = list(ours), list(partners)
    found: list[ComparedLine] = []

    def stage(key: Callable[[Line], Hashable | None], order: Callable[[Line], tuple[Any, ...]],
              status: Callable[[Line, Line], LineStatus]) -> None:
        nonlocal left, right
        pairs, left, right = _pair_by(left, right, key, order)
        found.extend(ComparedLine(status(a, b), a, b) for a, b in pairs)

    stage(lambda line: (line.day, line.amount), _by_document,
          lambda a, b: LineStatus.MATCHED)
    stage(lambda line: _keyed(line, line.amount), _by_day,
          lambda a, b: LineStatus.DATE_DIFFERS)
    stage(lambda line: _keyed(line, line.amount > 0), _by_day,
          lambda a, b: LineStatus.AMOUNT_DIFFERS)
    pairs, left, right = _pair_near(left, right)
    found.extend(ComparedLine(LineStatus.DATE_DIFFERS, a, b) for a, b in pairs)
    found.extend(ComparedLine(LineStatus.MISSING_IN_PARTNER, a, None) for a in left)
    found.extend(ComparedLine(LineStatus.MISSING_IN_LEDGER, None, b) for b in right)
    found.sort(key=lambda line: (line.day, _by_document(line.ours or line.partners)))
    return Comparison(tuple(found))


def _by_document(line: Line | None) -> tuple[str, Decimal]:
    assert line is not None
    return (line.document, line.amount)


def _by_day(line: Line) -> tuple[date, Decimal, str]:
    return (line.day, line.amount, line.document)


def _keyed(line: Line, extra: Hashable) -> Hashable | None:
    key = document_key(line.document)
    return None if key is None else (key, extra)


def _pair_by(left: list[Line], right: list[Line], key: Callable[[Line], Hashable | None],
             order: Callable[[Line], tuple[Any, ...]]
             ) -> tuple[list[tuple[Line, Line]], list[Line], list[Line]]:
    """Lines of both sides with the same (non-null) key, paired in ``order`` within each
    key: as many pairs as the smaller side has lines of that key."""
    groups: dict[Hashable, tuple[list[Line], list[Line]]] = defaultdict(lambda: ([], []))
    rest_left: list[Line] = []
    rest_right: list[Line] = []
    for line in left:
        k = key(line)
        (groups[k][0].append(line) if k is not None else rest_left.append(line))
    for line in right:
        k = key(line)
        (groups[k][1].append(line) if k is not None else rest_right.append(line))
    pairs: list[tuple[Line, Line]] = []
    for mine, theirs in groups.values():
        mine.sort(key=order)
        theirs.sort(key=order)
        count = min(len(mine), len(theirs))
        pairs.extend(zip(mine[:count], theirs[:count], strict=True))
        rest_left.extend(mine[count:])
        rest_right.extend(theirs[count:])
    return pairs, rest_left, rest_right


def _pair_near(left: list[Line], right: list[Line]
               ) -> tuple[list[tuple[Line, Line]], list[Line], list[Line]]:
    """Lines of the same amount at most DATE_WINDOW_DAYS apart. Within an amount, both
    sides by date: the earliest line pairs with the other side's earliest when near enough,
    else it pairs with nothing (every later line is farther): the most pairs possible."""
    by_amount: dict[Decimal, tuple[list[Line], list[Line]]] = defaultdict(lambda: ([], []))
    for line in left:
        by_amount[line.amount][0].append(line)
    for line in right:
        by_amount[line.amount][1].append(line)
    pairs: list[tuple[Line, Line]] = []
    rest_left: list[Line] = []
    rest_right: list[Line] = []
    for mine, theirs in by_amount.values():
        mine.sort(key=_by_day)
        theirs.sort(key=_by_day)
        i = j = 0
        while i < len(mine) and j < len(theirs):
            gap = (mine[i].day - theirs[j].day).days
            if abs(gap) <= DATE_WINDOW_DAYS:
                pairs.append((mine[i], theirs[j]))
                i += 1
                j += 1
            elif gap < 0:
                rest_left.append(mine[i])
                i += 1
            else:
                rest_right.append(theirs[j])
                j += 1
        rest_left.extend(mine[i:])
        rest_right.extend(theirs[j:])
    return pairs, rest_left, rest_right
