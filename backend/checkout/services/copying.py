"""Lines copied into a cart from a saved cart or an old order: each re-checked for the
cart's buyer today and re-priced, a quantity that no longer keeps the variant's rules
moved to the nearest valid one (said in the line's report), a variant the buyer may no
longer see or order skipped (NOT_ORDERABLE), never added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from ..errors import CheckoutErrorCode as Code
from ..models import Cart, LineSource
from .cart import add_valid_lines, clear
from .orderable import LineInput, check_lines
from .pricing import quote_lines
from .quantities import _tidy as tidy
from .reports import LineReport, report_of

_ADJUSTABLE = frozenset({Code.BELOW_MINIMUM, Code.NOT_MULTIPLE, Code.FRACTIONAL_QUANTITY,
                         Code.INVALID_QUANTITY})


@dataclass(frozen=True)
class CopiedLine:
    row: int  # 1-based position in what is copied
    variant_id: int | None  # None: the variant is gone
    sku: str
    quantity: Decimal
    price_before: Decimal | None = None  # an old order's unit net


def copy_into_cart(cart: Cart, lines: Sequence[CopiedLine], source: LineSource,
                   replace: bool = False) -> list[LineReport]:
    """Add ``lines`` to ``cart`` (emptied first with ``replace``); each line's report."""
    with transaction.atomic():
        if replace:
            clear(cart)
        inputs = [LineInput(line.quantity, line.variant_id, line.sku, f"lines.{i}")
                  for i, line in enumerate(lines)]
        first = check_lines(cart.user, cart.buyer, inputs)
        final = [_adjusted(line, checked.problem) for line, checked in zip(inputs, first,
                                                                          strict=True)]
        checked = add_valid_lines(cart, final, source)
    added = [(c.variant.pk, c.line.quantity) for c in checked if c.ok and c.variant]
    today = ({q.line.variant_id: q.unit_net for q in quote_lines(cart.buyer, added).lines}
             if added else {})
    reports = []
    for line, before, after in zip(lines, first, checked, strict=True):
        report = report_of(after, line.row, line.sku, format(tidy(line.quantity), "f"))
        report.price_before = line.price_before
        if after.ok and after.variant is not None:
            report.price_after = today.get(after.variant.pk)
            if before.problem is not None:  # added at the nearest valid quantity
                report.code = Code(before.problem.code_value)
                report.message = (f"{before.problem.message} Added "
                                  f"{format(tidy(after.line.quantity), 'f')} instead.")
                report.nearest_quantity = after.line.quantity
        reports.append(report)
    return reports


def _adjusted(line: LineInput, problem) -> LineInput:
    nearest = problem.params.get("nearest_quantity") if problem is not None else None
    if problem is None or nearest is None or Code(problem.code_value) not in _ADJUSTABLE:
        return line
    return LineInput(nearest, line.variant_id, line.sku, line.field)
