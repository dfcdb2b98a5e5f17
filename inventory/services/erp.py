"""The ERP exchange's entry point: a warehouse's stock as the ERP counts it.

The exchange (a task, a webhook: the integration issue decides) calls
``apply_stock_levels`` inside its transaction with (SKU, on hand) pairs. The same rules
as an upload hold (``levels.py``): all or nothing, one error per SKU, on hand never below
what orders hold, whole units for pieces, packs and sets; ``full`` says the pairs are the
warehouse's whole stock, so a SKU not named keeps only what orders hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from backend.catalog.models import ProductVariant
from backend.core.errors import DomainValidationError, ErrorDetail

from ..models import MovementReason, Warehouse
from .common import SYSTEM, Code
from .levels import Level, LevelsResult, apply_levels


def apply_stock_levels(warehouse: Warehouse, levels: Iterable[tuple[str, Decimal]], *,
                       reference: str = "", full: bool = False) -> LevelsResult:
    pairs = list(levels)
    skus = {sku for sku, _ in pairs}
    variants = {sku: (pk, unit) for sku, pk, unit in ProductVariant.objects.filter(
        sku__in=skus).values_list("sku", "pk", "unit")}
    errors: list[ErrorDetail] = []
    seen: set[str] = set()
    resolved = []
    for sku, on_hand in pairs:
        if sku not in variants:
            errors.append(ErrorDetail(Code.UNKNOWN_SKU, f"No variant has the SKU '{sku}'.",
                                      "levels", {"skus": [sku]}))
        elif sku in seen:
            errors.append(ErrorDetail(Code.DUPLICATE_STOCK_ROW, f"{sku} is given twice.",
                                      "levels", {"skus": [sku]}))
        else:
            seen.add(sku)
            pk, unit = variants[sku]
            resolved.append(Level(variant_id=pk, sku=sku, unit=unit, on_hand=on_hand))
    if errors:
        raise DomainValidationError(errors)
    return apply_levels(warehouse, resolved, full=full, reason=MovementReason.ERP_SYNC,
                        actor=SYSTEM, reference=reference)
