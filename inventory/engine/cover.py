"""FEWEST_SHIPMENTS: the smallest set of warehouses whose stock covers the order.

"Covers" means: for every variant, the set's stock reaches what the whole network can give
of it (the order's quantity, or all the network has when that is less; the rest goes to
pre-order or a shortfall as with any strategy). How the set is found:

1. Warehouses without which some variant cannot reach its target are in every cover.
2. A greedy cover completes them (the warehouse covering the largest share of what is
   still missing, the better ranked on a tie): a valid answer, at most ln(lines) + 1 times
   the minimum.
3. An exact search proves it minimal or finds a smaller set: sizes from a lower bound (the
   variant that alone needs the most warehouses) up, branching on the uncovered variant
   with the fewest holders, each set seen once. At the minimal size the sets are compared
   in the NEAREST ranking's order, so ties go to the nearer warehouses. The search stops
   after ``EXACT_BUDGET`` steps: the best set found so far stands (``Cover.minimal`` says
   whether it is proved), which happens only with many warehouses each holding a little
   of everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .ledger import ZERO, Ledger
from .types import Line, Source

EXACT_BUDGET = 400  # search steps at most before trusting the best cover found


@dataclass(frozen=True)
class Cover:
    sources: tuple[Source, ...]  # in the ranking's order
    minimal: bool  # proved the fewest


Vector = dict[int, Decimal]  # variant -> stock that counts (capped at its target)


def fewest_warehouses(lines: Sequence[Line], ranked: Sequence[Source], ledger: Ledger,
                      budget: int = EXACT_BUDGET) -> Cover:
    demand: dict[int, Decimal] = {}
    for line in lines:
        if line.quantity > 0:
            demand[line.variant_id] = demand.get(line.variant_id, ZERO) + line.quantity
    position = {s.warehouse_id: n for n, s in enumerate(ranked)}
    held: dict[int, dict[int, Decimal]] = {}  # variant -> position -> free stock
    for variant_id in demand:
        for warehouse_id in ledger.holders.get(variant_id, ()):
            free = ledger.stock_left(warehouse_id, variant_id)
            if free > 0 and warehouse_id in position:
                held.setdefault(variant_id, {})[position[warehouse_id]] = free
    targets = {v: min(demand[v], sum(q.values(), ZERO)) for v, q in held.items()}
    vectors: dict[int, Vector] = {}
    for variant_id, holders in held.items():
        for pos, free in holders.items():
            vectors.setdefault(pos, {})[variant_id] = min(free, targets[variant_id])
    search = _Search(vectors, targets, held, budget)
    chosen = search.run()
    return Cover(tuple(ranked[pos] for pos in sorted(chosen)), search.minimal)


class _Search:
    def __init__(self, vectors: dict[int, Vector], targets: dict[int, Decimal],
                 held: dict[int, dict[int, Decimal]], budget: int) -> None:
        self.vectors, self.targets, self.held = vectors, targets, held
        self.steps_left = budget
        self.minimal = True

    def run(self) -> list[int]:
        forced = [pos for pos in sorted(self.vectors) if self._indispensable(pos)]
        need = self._after(dict(self.targets), forced)
        greedy = forced + self._greedy(need, set(forced))
        best: list[int] = greedy
        for size in range(max(len(forced) + self._lower_bound(need, set(forced)), 1),
                          len(greedy)):
            found = self._smallest(need, forced, size - len(forced))
            if found is not None:
                best = found
                break
            if self.steps_left <= 0:
                self.minimal = False
                break
        return best

    def _indispensable(self, pos: int) -> bool:
        for variant_id in self.vectors[pos]:
            holders = self.held[variant_id]
            if sum(holders.values(), ZERO) - holders[pos] < self.targets[variant_id]:
                return True
        return False

    def _after(self, need: dict[int, Decimal], chosen: Sequence[int]) -> dict[int, Decimal]:
        for pos in chosen:
            for variant_id, quantity in self.vectors[pos].items():
                missing = need.get(variant_id)
                if missing is not None:
                    need[variant_id] = missing - quantity
        return {v: q for v, q in need.items() if q > 0}

    def _greedy(self, need: dict[int, Decimal], taken: set[int]) -> list[int]:
        """Shares rather than quantities, so metres and pieces weigh alike."""
        need = dict(need)
        chosen = []
        while need:
            best, best_gain = -1, 0.0
            for pos in sorted(self.vectors):
                if pos in taken:
                    continue
                gain = 0.0
                for variant_id, quantity in self.vectors[pos].items():
                    missing = need.get(variant_id)
                    if missing is not None:
                        gain += float(min(quantity, missing) / self.targets[variant_id])
                if gain > best_gain:
                    best, best_gain = pos, gain
            if best < 0:  # cannot happen: the targets never exceed what the holders have
                break
            taken.add(best)
            chosen.append(best)
            need = self._after(need, [best])
        return chosen

    def _lower_bound(self, need: dict[int, Decimal], excluded: set[int]) -> int:
        """The most warehouses any single missing variant still needs on its own."""
        bound = 0
        for variant_id, missing in need.items():
            count, total = 0, ZERO
            for quantity in sorted((q for pos, q in self.held[variant_id].items()
                                    if pos not in excluded), reverse=True):
                total += min(quantity, self.targets[variant_id])
                count += 1
                if total >= missing:
                    break
            else:
                return len(self.vectors) + 1  # cannot be covered without the excluded
            bound = max(bound, count)
        return bound

    def _smallest(self, need: dict[int, Decimal], chosen: list[int],
                  room: int) -> list[int] | None:
        """Among the covers adding at most ``room`` warehouses to ``chosen``, the first in
        the ranking's order; None when there is none (or the budget ran out first)."""
        found: list[list[int]] = []
        self._branch(need, chosen, set(chosen), room, found)
        return min((sorted(c) for c in found), default=None)

    def _branch(self, need: dict[int, Decimal], chosen: list[int], excluded: set[int],
                room: int, found: list[list[int]]) -> None:
        if not need:
            found.append(list(chosen))
            return
        if room <= 0 or self.steps_left <= 0:
            return
        self.steps_left -= 1
        if self._lower_bound(need, excluded) > room:
            return
        # Some holder of the variant with the fewest holders left must be in the cover;
        # trying them in rank order, each later branch excludes the earlier ones.
        variant_id = min(need, key=lambda v: (sum(p not in excluded for p in self.held[v]), v))
        tried = set(excluded)
        for pos in sorted(p for p in self.held[variant_id] if p not in excluded):
            tried.add(pos)
            self._branch(self._after(dict(need), [pos]), [*chosen, pos], set(tried),
                         room - 1, found)
