"""What became of each line a buyer handed in at once (pasted text, an order file's rows, a
saved cart, an old order): added as what, or skipped and why, with what would have worked
(the nearest SKUs, the nearest valid quantity). Services return these; the API's
``LineReport`` shows them as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from backend.catalog.models import ProductVariant

from ..errors import CheckoutErrorCode

if TYPE_CHECKING:
    from .orderable import CheckedLine


class LineReportStatus(StrEnum):
    ADDED = "ADDED"
    SKIPPED = "SKIPPED"


@dataclass
class LineReport:
    row: int  # 1-based: the file's row, the pasted line, the order line's position
    sku: str  # as written
    quantity_text: str  # as written
    status: LineReportStatus
    sheet: str | None = None
    # Only a variant the buyer may see (an added line's, or a skipped one still visible).
    variant: ProductVariant | None = None
    quantity: Decimal | None = None  # what was added
    code: CheckoutErrorCode | None = None  # why skipped
    message: str = ""
    suggestions: list[str] = field(default_factory=list)
    nearest_quantity: Decimal | None = None
    price_before: Decimal | None = None  # order copy: the old order's unit net
    price_after: Decimal | None = None  # order copy: today's unit net

    @property
    def added(self) -> bool:
        return self.status is LineReportStatus.ADDED


# Problems of a line whose variant the buyer may order (only its quantity is wrong): the
# report may name the variant. Any other skipped line names none.
_QUANTITY_CODES = frozenset({CheckoutErrorCode.INVALID_QUANTITY,
                             CheckoutErrorCode.FRACTIONAL_QUANTITY,
                             CheckoutErrorCode.BELOW_MINIMUM, CheckoutErrorCode.NOT_MULTIPLE})


def report_of(checked: CheckedLine, row: int, sku: str, quantity_text: str,
              sheet: str | None = None) -> LineReport:
    """The report of a line checked (and added when it had no problem)."""
    problem = checked.problem
    if problem is None:
        return LineReport(row, sku, quantity_text, LineReportStatus.ADDED, sheet,
                          checked.variant, checked.line.quantity)
    code = CheckoutErrorCode(problem.code_value)
    return LineReport(
        row, sku, quantity_text, LineReportStatus.SKIPPED, sheet,
        checked.variant if code in _QUANTITY_CODES else None, None, code, problem.message,
        list(problem.params.get("suggestions") or []), problem.params.get("nearest_quantity"))
