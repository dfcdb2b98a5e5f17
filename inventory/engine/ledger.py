"""What is still free while a plan is built, and serving lines from it.

The ledger is the only place quantities are taken, so a plan never promises a unit twice:
two lines of the same variant draw on the same (warehouse, variant) stock and on the same
incoming supply. ``fork`` gives a scratch copy for trying a warehouse without committing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from .types import Line, Shortfall, ShortfallReason, Source, Stock, Supply

ZERO = Decimal(0)


class Take(NamedTuple):
    """Units of a line from a warehouse's stock (``supply_id`` None) or from one supply."""

    line: Line
    warehouse_id: int
    quantity: Decimal
    supply_id: int | None
    ready_date: date


class Ledger:
    def __init__(self, stock: dict[tuple[int, int], Decimal],
                 supply: dict[int, list[tuple[Supply, date]]],
                 used: dict[tuple[int, int] | int, Decimal] | None = None) -> None:
        self._stock = stock
        self._supply = supply
        # What this plan (or this trial) has taken: stock by (warehouse, variant), supply
        # by its id. The base figures are shared between forks and never changed.
        self._used: dict[tuple[int, int] | int, Decimal] = {} if used is None else used

    @classmethod
    def build(cls, sources: Mapping[int, Source], stock: Sequence[Stock],
              supply: Sequence[Supply], today: date, rank: Mapping[int, int]) -> Ledger:
        """Only the given sources' rows count; duplicate stock rows add up. Supply of a
        variant is asked earliest ready first (expected date, or today if it is late, plus
        the warehouse's handling days), then in the warehouses' rank, then by id."""
        levels: dict[tuple[int, int], Decimal] = {}
        for row in stock:
            if row.warehouse_id in sources and row.available > 0:
                key = (row.warehouse_id, row.variant_id)
                levels[key] = levels.get(key, ZERO) + row.available
        incoming: dict[int, list[tuple[Supply, date]]] = {}
        for item in supply:
            source = sources.get(item.warehouse_id)
            if source is not None and item.available > 0:
                ready = max(item.expected_date, today) + timedelta(days=source.handling_days)
                incoming.setdefault(item.variant_id, []).append((item, ready))
        for items in incoming.values():
            items.sort(key=lambda pair: (pair[1], rank[pair[0].warehouse_id], pair[0].supply_id))
        return cls(levels, incoming)

    def fork(self) -> Ledger:
        return Ledger(self._stock, self._supply, dict(self._used))

    def stock_left(self, warehouse_id: int, variant_id: int) -> Decimal:
        key = (warehouse_id, variant_id)
        base = self._stock.get(key)
        return ZERO if base is None else base - self._used.get(key, ZERO)

    def serve(self, lines: Sequence[Line], order: Sequence[Source], today: date,
              supply_from: Collection[int] | None = None) -> tuple[list[Take], list[Shortfall]]:
        """Each line from the stock of ``order``'s warehouses in that order, then (if its
        product takes pre-orders) from incoming supply at ``supply_from`` (every source
        when None). What remains becomes a shortfall with the exact missing quantity."""
        takes: list[Take] = []
        shortfalls: list[Shortfall] = []
        used = self._used
        for line in lines:
            remaining = line.quantity
            if remaining <= 0:
                continue
            for source in order:
                key = (source.warehouse_id, line.variant_id)
                base = self._stock.get(key)
                if base is None:
                    continue
                free = base - used.get(key, ZERO)
                if free <= 0:
                    continue
                taken = min(free, remaining)
                used[key] = used.get(key, ZERO) + taken
                takes.append(Take(line, source.warehouse_id, taken, None,
                                  today + timedelta(days=source.handling_days)))
                remaining -= taken
                if not remaining:
                    break
            if remaining and line.preorder_allowed:
                remaining = self._preorder(line, remaining, supply_from, takes)
            if remaining:
                reason = (ShortfallReason.NOT_ENOUGH_STOCK if line.preorder_allowed
                          else ShortfallReason.PREORDER_NOT_ALLOWED)
                shortfalls.append(Shortfall(line.key, line.variant_id, line.sku, line.quantity,
                                            remaining, reason))
        return takes, shortfalls

    def _preorder(self, line: Line, remaining: Decimal, supply_from: Collection[int] | None,
                  takes: list[Take]) -> Decimal:
        used = self._used
        for item, ready in self._supply.get(line.variant_id, ()):
            if supply_from is not None and item.warehouse_id not in supply_from:
                continue
            free = item.available - used.get(item.supply_id, ZERO)
            if free <= 0:
                continue
            taken = min(free, remaining)
            used[item.supply_id] = used.get(item.supply_id, ZERO) + taken
            takes.append(Take(line, item.warehouse_id, taken, item.supply_id, ready))
            remaining -= taken
            if not remaining:
                break
        return remaining
