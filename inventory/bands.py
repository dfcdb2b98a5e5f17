"""A quantity as a viewer may know it: exact, or only its band ("more than 100").

Every quantity the API shows passes through ``shown(quantity, display)`` with the display
``visibility.warehouse_displays`` gives the viewer for the warehouse it sits in. A band
tells "none", "few" (under 10), "more than 10", "more than 50" or "more than 100", never
the figure: two banded answers for the same warehouse differ only when the band changes.

Totals (a variant's availability over warehouses, a product's over its variants) are
summed from the true quantities, then shown exactly only when every part was shown
exactly: a total that includes one banded warehouse is banded, so adding the exact parts
and subtracting them from the total can never reveal the banded one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from backend.core.graphql.builders import answers_kept

from .models import QuantityDisplay

ZERO = Decimal(0)

# The bands' names (the GraphQL enum StockBand) and their lower bounds.
NONE = "NONE"  # nothing available
FEW = "FEW"  # 1-9 (any positive quantity under 10)
OVER_10 = "OVER_10"  # 10-50
OVER_50 = "OVER_50"  # 51-100
OVER_100 = "OVER_100"  # more than 100
BANDS = (NONE, FEW, OVER_10, OVER_50, OVER_100)


def band_of(quantity: Decimal) -> str:
    if quantity <= 0:
        return NONE
    if quantity < 10:
        return FEW
    if quantity <= 50:
        return OVER_10
    if quantity <= 100:
        return OVER_50
    return OVER_100


# Never changed once built: the banded ones are shared by every request, so the execution
# keeps each one's answer (``answers_kept``).
@answers_kept
@dataclass(slots=True)
class StockQuantity:
    """``exact`` is None when the viewer may only know the band."""

    exact: Decimal | None
    band: str
    in_stock: bool
    built_answers: dict | None = field(default=None, repr=False, compare=False)


_BANDED = {band: StockQuantity(None, band, band != NONE) for band in BANDS}
NO_STOCK = _BANDED[NONE]


def shown(quantity: Decimal, display: str | None) -> StockQuantity:
    """``quantity`` as a viewer with ``display`` for its warehouse may know it; a
    warehouse it may not see (None, HIDDEN) shows nothing."""
    if quantity < 0:
        quantity = ZERO
    if display == QuantityDisplay.EXACT:
        return StockQuantity(quantity, band_of(quantity), quantity > 0)
    if display == QuantityDisplay.BANDS:
        return _BANDED[band_of(quantity)]
    return NO_STOCK


def total(parts: Iterable[tuple[Decimal, str]]) -> StockQuantity:
    """The sum of ``(quantity, display)`` parts, exact only if every part is; nothing
    known (no part) shows as no stock."""
    amount = ZERO
    exact = True
    counted = False
    for quantity, display in parts:
        if display not in (QuantityDisplay.EXACT, QuantityDisplay.BANDS):
            continue
        if quantity > 0:
            amount += quantity
        exact = exact and display == QuantityDisplay.EXACT
        counted = True
    if not counted:
        return NO_STOCK
    return shown(amount, QuantityDisplay.EXACT if exact else QuantityDisplay.BANDS)
