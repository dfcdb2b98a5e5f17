"""Many stock figures of one warehouse at once (an upload, the ERP exchange): every row
checked, then all applied in one go, or none.

``full``: the figures are the warehouse's whole stock, so a variant they do not name has
nothing available any more: its on hand drops to what orders hold (its allocated; 0 when
nothing is allocated). A named figure below what orders hold is an error, not a clamp:
someone has to look at it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from backend.core.errors import DomainValidationError, ErrorDetail

from ..models import MovementReason, StockItem, StockMovement, Warehouse
from .common import Actor, Code, movement, quantity_error


@dataclass(frozen=True)
class Level:
    variant_id: int
    sku: str
    unit: str
    on_hand: Decimal
    row: int | None = None  # the upload's row it came from, for the errors


@dataclass(frozen=True)
class LevelsResult:
    rows: int
    added: int  # variants the warehouse held no row of
    changed: int
    unchanged: int
    zeroed: int  # variants not named (``full``) whose available dropped to 0


def level_errors(levels: Sequence[Level]) -> list[ErrorDetail]:
    """Each level whose figure cannot be stored, before anything is locked."""
    found = []
    for level in levels:
        problem = quantity_error(level.on_hand, level.unit, what="quantity")
        if problem is not None:
            code, message = problem
            found.append(_error(code, f"{level.sku}: {message}", level))
    return found


def apply_levels(warehouse: Warehouse, levels: Sequence[Level], *, full: bool,
                 reason: MovementReason, actor: Actor, reference: str = "",
                 comment: str = "") -> LevelsResult:
    """Set each level's on hand in ``warehouse``, under the rows' locks, writing a
    movement per change; raise ``DomainValidationError`` (one error per SKU) and change
    nothing if any figure is wrong."""
    if errors := level_errors(levels):
        raise DomainValidationError(errors)
    wanted = {level.variant_id: level for level in levels}
    items = _locked_items(warehouse, set(wanted), full=full)
    existing = set(items)
    missing = set(wanted) - existing
    if missing:
        StockItem.objects.bulk_create(
            [StockItem(warehouse=warehouse, variant_id=pk) for pk in sorted(missing)],
            ignore_conflicts=True)
        items.update(_locked_items(warehouse, missing, full=False))
    errors = []
    for level in levels:
        item = items[level.variant_id]
        if level.on_hand < item.allocated:
            errors.append(_error(
                Code.ALLOCATED_EXCEEDS_ON_HAND,
                f"{level.sku}: orders hold {item.allocated.normalize()}; on hand cannot be "
                f"{level.on_hand.normalize()}.", level))
    if errors:
        raise DomainValidationError(errors)
    now = timezone.now()
    changed_items: list[StockItem] = []
    movements: list[StockMovement] = []
    counts = {"changed": 0, "unchanged": 0, "zeroed": 0}
    for variant_id, item in items.items():
        level = wanted.get(variant_id)
        target = level.on_hand if level is not None else item.allocated
        if level is not None and target == item.on_hand:
            counts["unchanged"] += 1
        if target == item.on_hand:
            continue
        if level is None:
            counts["zeroed"] += 1
        elif variant_id in existing:
            counts["changed"] += 1
        delta = target - item.on_hand
        item.on_hand, item.updated_at = target, now
        changed_items.append(item)
        movements.append(movement(item, reason, actor, on_hand_delta=delta,
                                  reference=reference, comment=comment))
    if changed_items:
        StockItem.objects.bulk_update(changed_items, ["on_hand", "updated_at"], batch_size=2000)
        StockMovement.objects.bulk_create(movements, batch_size=2000)
    # A new row set to 0 was counted as unchanged above; it is an addition all the same.
    counts["unchanged"] -= sum(1 for pk in missing if wanted[pk].on_hand == 0)
    return LevelsResult(rows=len(levels), added=len(missing), **counts)


def _locked_items(warehouse: Warehouse, variant_ids: set[int], *,
                  full: bool) -> dict[int, StockItem]:
    """The warehouse's rows (all of them when ``full``, else those of ``variant_ids``),
    locked in primary-key order: the order every stock writer locks in."""
    rows = StockItem.objects.select_for_update().filter(warehouse=warehouse)
    if not full:
        rows = rows.filter(variant_id__in=variant_ids)
    return {item.variant_id: item for item in rows.order_by("pk")}


def _error(code: Code, message: str, level: Level) -> ErrorDetail:  # type: ignore[valid-type]
    params: dict[str, object] = {"skus": [level.sku]}
    if level.row is not None:
        params["row"] = level.row
    return ErrorDetail(code=code, message=message, field="levels", params=params)
