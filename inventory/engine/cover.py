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
   after ``EXACT_BUDGET`` units of work: the best set found so far stands
   (``Cover.minimal`` says whether it is proved). That happens only when many warehouses
   each hold a little of everything; small orders and networks are always exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from heapq import heapify, heappop, heappush

from .ledger import ZERO, Ledger
from .types import Line, Source

# The exact search's work at most (a step costs the holders of the variants it still
# misses), before the best cover found so far is trusted.
EXACT_BUDGET = 10_000


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
        self.work_left = budget
        self.minimal = True
        self.totals = {v: sum(holders.values(), ZERO) for v, holders in held.items()}
        # Each variant's holders, largest (capped) stock first, for the lower bound.
        self.largest = {v: sorted(((min(q, targets[v]), pos) for pos, q in holders.items()),
                                  reverse=True) for v, holders in held.items()}

    def run(self) -> list[int]:
        forced = [pos for pos in sorted(self.vectors) if self._indispensable(pos)]
        need = self._after(self.targets, forced)
        greedy = forced + self._greedy(need, set(forced))
        best: list[int] = greedy
        for size in range(max(len(forced) + self._lower_bound(need, set(forced)), 1),
                          len(greedy)):
            found = self._smallest(need, forced, size - len(forced))
            if found is not None:
                best = found
                break
            if self.work_left <= 0:
                self.minimal = False
                break
        return best

    def _indispensable(self, pos: int) -> bool:
        return any(self.totals[v] - self.held[v][pos] < self.targets[v]
                   for v in self.vectors[pos])

    def _after(self, need: dict[int, Decimal], chosen: Sequence[int]) -> dict[int, Decimal]:
        """What is still missing once ``chosen`` are taken (``need`` is left as it is)."""
        need = dict(need)
        for pos in chosen:
            for variant_id, quantity in self.vectors[pos].items():
                missing = need.get(variant_id)
                if missing is not None:
                    need[variant_id] = missing - quantity
        return {v: q for v, q in need.items() if q > 0}

    def _greedy(self, need: dict[int, Decimal], taken: set[int]) -> list[int]:
        """Repeatedly the warehouse covering the largest share of what is still missing
        (shares, so metres and pieces weigh alike), the better ranked on a tie. Lazily:
        a share only shrinks as the need does, so a stale one is an upper bound and only
        the warehouse on top of the heap is worked out again. The shares are floats: they
        only choose; what is covered is counted in decimals."""
        shares = {pos: [(v, float(q) / float(self.targets[v])) for v, q in vector.items()]
                  for pos, vector in self.vectors.items() if pos not in taken}
        missing = {v: float(q) / float(self.targets[v]) for v, q in need.items()}

        def gain(pos: int) -> float:
            total = 0.0
            for v, share in shares[pos]:
                left = missing.get(v)
                if left:
                    total += share if share < left else left
            return total

        heap = [(-gain(pos), pos) for pos in shares]
        heapify(heap)
        chosen = []
        while need and heap:
            _, pos = heappop(heap)
            fresh = (-gain(pos), pos)
            if heap and fresh > heap[0]:
                heappush(heap, fresh)
                continue
            chosen.append(pos)
            need = self._after(need, [pos])
            missing = {v: float(q) / float(self.targets[v]) for v, q in need.items()}
        return chosen

    def _lower_bound(self, need: dict[int, Decimal], excluded: set[int]) -> int:
        """The most warehouses any single missing variant still needs on its own."""
        bound = 0
        for variant_id, missing in need.items():
            count, total = 0, ZERO
            for quantity, pos in self.largest[variant_id]:
                if pos in excluded:
                    continue
                total += quantity
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
        if room <= 0 or self.work_left <= 0:
            return
        self.work_left -= sum(len(self.held[v]) for v in need)
        if self._lower_bound(need, excluded) > room:
            return
        # Some holder of the variant with the fewest holders left must be in the cover;
        # trying them in rank order, each later branch excludes the earlier ones.
        variant_id = min(need, key=lambda v: (sum(p not in excluded for p in self.held[v]), v))
        holders = sorted(p for p in self.held[variant_id] if p not in excluded)
        if room == 1:  # the last one: a holder that covers everything left, or none
            self.work_left -= len(holders) * len(need)
            found.extend([*chosen, pos] for pos in holders if not self._after(need, [pos]))
            return
        self.work_left -= len(holders) * (len(need) + len(excluded) + len(holders))
        tried = set(excluded)
        for pos in holders:
            tried.add(pos)
            self._branch(self._after(need, [pos]), [*chosen, pos], set(tried),
                         room - 1, found)
