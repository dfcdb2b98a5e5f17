"""FEWEST_SHIPMENTS: the smallest set of warehouses whose stock covers the order.

"Covers" means: for every variant, the set's stock reaches what the whole network can give
of it (the order's quantity, or all the network has when that is less; the rest goes to
pre-order or a shortfall as with any strategy). The set is found by a greedy cover, then
proved minimal: a lower bound (the variant that alone needs the most warehouses) often
equals the greedy size; otherwise every smaller set is tried, smallest first and in the
NEAREST ranking's order (so ties go to the nearer warehouses), as long as the number of
sets to try stays within ``EXACT_BUDGET``. Past that budget (many warehouses each holding
a little of everything) the greedy set stands: at most ln(lines) + 1 times the minimum.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import combinations
from math import comb

from .ledger import ZERO, Ledger
from .types import Line, Source

EXACT_BUDGET = 2_000  # candidate sets tried at most before trusting the greedy cover


def fewest_warehouses(lines: Sequence[Line], ranked: Sequence[Source], ledger: Ledger,
                      budget: int = EXACT_BUDGET) -> list[Source]:
    """The chosen warehouses, in ``ranked``'s order."""
    demand: dict[int, Decimal] = {}
    for line in lines:
        if line.quantity > 0:
            demand[line.variant_id] = demand.get(line.variant_id, ZERO) + line.quantity
    variants = sorted(demand)
    levels = [[ledger.stock_left(s.warehouse_id, v) for v in variants] for s in ranked]
    targets = [min(demand[v], sum((row[i] for row in levels), ZERO))
               for i, v in enumerate(variants)]
    # Each candidate's stock, capped at the target: more than the target never helps.
    candidates = [(index, [min(q, t) for q, t in zip(row, targets, strict=True)])
                  for index, row in enumerate(levels) if any(q > 0 for q in row)]
    if not any(t > 0 for t in targets):
        return []
    greedy = _greedy(candidates, targets)
    bound = _lower_bound(candidates, targets)
    tried = 0
    for size in range(bound, len(greedy)):
        tried += comb(len(candidates), size)
        if tried > budget:
            break
        for chosen in combinations(candidates, size):
            if _covers(chosen, targets):
                return [ranked[index] for index, _ in chosen]
    return [ranked[index] for index in sorted(greedy)]


def _covers(chosen: Sequence[tuple[int, list[Decimal]]], targets: list[Decimal]) -> bool:
    for i, target in enumerate(targets):
        if target > 0 and sum((vector[i] for _, vector in chosen), ZERO) < target:
            return False
    return True


def _greedy(candidates: list[tuple[int, list[Decimal]]], targets: list[Decimal]) -> list[int]:
    """Repeatedly the warehouse that covers the largest share of what is still missing
    (shares, so metres and pieces weigh alike); the better ranked on a tie."""
    remaining = list(targets)
    chosen: list[int] = []
    left = list(candidates)
    while any(r > 0 for r in remaining):
        best, best_gain = -1, 0.0
        for position, (_, vector) in enumerate(left):
            gain = 0.0
            for i, need in enumerate(remaining):
                if need > 0 and vector[i] > 0:
                    gain += float(min(vector[i], need) / targets[i])
            if gain > best_gain:
                best, best_gain = position, gain
        if best < 0:  # cannot happen: the targets never exceed the candidates' sum
            break
        index, vector = left.pop(best)
        chosen.append(index)
        remaining = [max(ZERO, r - q) for r, q in zip(remaining, vector, strict=True)]
    return chosen


def _lower_bound(candidates: list[tuple[int, list[Decimal]]], targets: list[Decimal]) -> int:
    """The most warehouses any single variant needs on its own."""
    bound = 1
    for i, target in enumerate(targets):
        if target <= 0:
            continue
        needed, total = 0, ZERO
        for quantity in sorted((vector[i] for _, vector in candidates), reverse=True):
            total += quantity
            needed += 1
            if total >= target:
                break
        bound = max(bound, needed)
    return bound
