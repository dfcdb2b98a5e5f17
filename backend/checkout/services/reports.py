"""What became of each line a buyer handed in at once (pasted text, an order file's rows, a
saved cart, an old order): added as what, or skipped and why, with what would have worked
(the nearest SKUs, the nearest valid quantity). Services return these; the API's
``LineReport`` shows them as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from backend.catalog.models import ProductVariant

from ..errors import CheckoutErrorCode


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
