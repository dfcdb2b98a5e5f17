"""Quick order: lines typed or pasted into the pad, one per line.

What people paste: «KR-FAS-0003-10 12», «KR-FAS-0003-10;12 шт», «kr-fas-0003-10 , 10,5»,
rows copied from a spreadsheet (cells split by tabs: the SKU is the first filled cell, the
quantity the first cell after it that starts with a number, else its last filled cell).
A quantity may carry a unit («12 шт», «2,5 кг»), a decimal comma and spaces between
thousands («1 000»). Blank lines are skipped. Every other line is reported: added, or
skipped with the reason and what would have worked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings

from backend.core.errors import DomainValidationError

from ..errors import CheckoutErrorCode as Code
from ..models import Cart, LineSource
from .cart import add_valid_lines
from .orderable import LineInput
from .reports import LineReport, report_of

# The SKU runs to the first space, tab, semicolon or comma; then an optional separator.
_LINE = re.compile(r"^\s*(?P<sku>[^\s;,]+)\s*[;,]?\s*(?P<quantity>.*?)\s*$")
# A number (digits with spaces between thousands, a decimal point or comma), then at most
# a unit's letters and a dot («шт.», «pcs», «м2»).
_QUANTITY = re.compile(r"^\+?(?P<number>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)"
                       r"(?:[.,](?P<fraction>\d+))?\s*(?:[^\W\d_]+\d?\.?)?$")
_STARTS_WITH_NUMBER = re.compile(r"^\s*\+?\d")


@dataclass(frozen=True)
class PastedLine:
    row: int  # 1-based line of the text
    sku: str  # as written, trimmed
    quantity_text: str  # as written, trimmed
    quantity: Decimal | None  # None: not a quantity


def parse_quantity(text: str) -> Decimal | None:
    """«12», «12 шт», «10,5», «1 000», «2.5 кг» as a number; None for anything else."""
    match = _QUANTITY.match(text.strip())
    if match is None:
        return None
    number = re.sub(r"\s", "", match["number"])
    try:
        return Decimal(f"{number}.{match['fraction']}" if match["fraction"] else number)
    except InvalidOperation:
        return None


def _cells(line: str) -> tuple[str, str]:
    cells = [cell.strip() for cell in line.split("\t")]
    filled = [i for i, cell in enumerate(cells) if cell]
    if not filled:
        return "", ""
    sku_at = filled[0]
    after = [cells[i] for i in filled if i > sku_at]
    quantity = next((cell for cell in after if _STARTS_WITH_NUMBER.match(cell)),
                    after[-1] if after else "")
    return cells[sku_at], quantity


def parse_text(text: str) -> list[PastedLine]:
    """The non-blank lines of ``text``, each as SKU and quantity."""
    pasted = []
    for row, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if "\t" in line:
            sku, quantity = _cells(line)
        else:
            match = _LINE.match(line)
            sku, quantity = (match["sku"], match["quantity"]) if match else (line.strip(), "")
        pasted.append(PastedLine(row, sku, quantity, parse_quantity(quantity)))
    return pasted


def quick_order(cart: Cart, text: str) -> list[LineReport]:
    """Add the good lines of ``text`` to ``cart``; every non-blank line's report."""
    pasted = parse_text(text)
    if not pasted:
        raise DomainValidationError.single(Code.REQUIRED, "Enter a SKU and a quantity.",
                                           "text")
    most = settings.CART_MAX_LINES
    if len(pasted) > most:
        raise DomainValidationError.single(
            Code.TOO_MANY_LINES, f"Paste at most {most} lines at once.", "text")
    checked = add_valid_lines(cart, [LineInput(p.quantity, sku=p.sku, field=f"text.{p.row}")
                                     for p in pasted], LineSource.QUICK_ORDER)
    return [report_of(c, p.row, p.sku, p.quantity_text) for p, c in zip(pasted, checked,
                                                                        strict=True)]
