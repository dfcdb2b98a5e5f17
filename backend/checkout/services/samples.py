"""Samples orders: a few units of what the seller offers as samples, to try before buying.

Only variants whose product has ``samples_available`` (SAMPLES_ONLY names the others), at
most ``SAMPLE_MAX_LINES`` lines of at most ``SAMPLE_MAX_QUANTITY`` units each
(SAMPLE_LIMIT). A sample is not a sale in packs: the minimum and the multiple do not
apply, but whole units stay whole. Samples are priced as resolved for the buyer (a
seller giving them away prices them at zero in a list of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings

from backend.core.errors import ErrorCollector

from ..errors import CheckoutErrorCode as Code
from .quantities import WHOLE_UNITS


def check_samples(lines: Sequence[object], errors: ErrorCollector) -> None:
    """Add SAMPLES_ONLY / SAMPLE_LIMIT / FRACTIONAL_QUANTITY for the cart ``lines`` (with
    ``variant.product`` loaded) that a samples order cannot hold."""
    most_lines = int(settings.SAMPLE_MAX_LINES)
    most_units = Decimal(settings.SAMPLE_MAX_QUANTITY)
    if len(lines) > most_lines:
        errors.add(Code.SAMPLE_LIMIT, f"A samples order holds at most {most_lines} lines.",
                   "lines")
    for index, line in enumerate(lines):
        variant = line.variant  # type: ignore[attr-defined]
        quantity: Decimal = line.quantity  # type: ignore[attr-defined]
        field = f"lines.{index}"
        if not variant.product.samples_available:
            errors.add(Code.SAMPLES_ONLY, f"{variant.sku} is not offered as a sample.",
                       field, skus=[variant.sku])
        elif quantity > most_units:
            errors.add(Code.SAMPLE_LIMIT, f"{variant.sku}: at most {most_units} units as "
                                          "samples.", f"{field}.quantity", skus=[variant.sku],
                       nearest=most_units)
        elif variant.unit in WHOLE_UNITS and quantity % 1:
            errors.add(Code.FRACTIONAL_QUANTITY, f"{variant.sku}: only whole units.",
                       f"{field}.quantity", skus=[variant.sku],
                       nearest=max(Decimal(1), quantity.to_integral_value()))
