"""Which lists a buyer's price comes from, in which order.

The seller's lists assigned to the buyer are ranked: the most specific assignment first
(organization, then price group, then region, then the owner's default), then the highest
priority, then the lowest list id (a stable tie-breaker, so equal lists never flip between
requests). Each list is followed by its fallbacks. A variant takes its price from the first
list of that sequence that has a tier for its quantity; a list lacking the variant passes it
on. So a personal list of ten SKUs does not hide the rest of the catalog, and an explicit
fallback reaches a list that is not assigned to the buyer at all.

Lists not valid on the day, or in a currency other than the buyer's, are skipped (their
fallbacks are still followed, in case those are valid).
"""

from __future__ import annotations

from datetime import date

from .errors import PriceErrorCode, PriceRuleError, Problem
from .types import Assignment, AssignmentKind, Buyer, PriceList, Seller


def assignment_matches(assignment: Assignment, buyer: Buyer) -> bool:
    kind = assignment.kind
    if kind is AssignmentKind.ORGANIZATION:
        return assignment.target == buyer.organization_id
    if kind is AssignmentKind.PRICE_GROUP:
        return assignment.target in buyer.price_group_ids
    if kind is AssignmentKind.REGION:
        return bool(buyer.region) and assignment.target == buyer.region
    return True


def ranked_candidates(seller: Seller, buyer: Buyer) -> tuple[PriceList, ...]:
    """The seller's lists assigned to the buyer, best first, each once (at its most
    specific assignment). Dates and currency are not looked at here."""
    by_id = {price_list.id: price_list for price_list in seller.lists}
    best_rank: dict[int, AssignmentKind] = {}
    for assignment in seller.assignments:
        price_list = by_id.get(assignment.list_id)
        if price_list is None or price_list.owner_id != seller.organization_id:
            continue
        if assignment_matches(assignment, buyer):
            current = best_rank.get(price_list.id)
            if current is None or assignment.kind < current:
                best_rank[price_list.id] = assignment.kind
    return tuple(sorted((by_id[i] for i in best_rank),
                        key=lambda pl: (best_rank[pl.id], -pl.priority, pl.id)))


def list_sequence(seller: Seller, buyer: Buyer, day: date) -> tuple[PriceList, ...]:
    """The lists to look a variant up in, in order: each candidate then its fallbacks, each
    list once, only those valid on ``day`` in the buyer's currency. A fallback cycle is
    refused (``FALLBACK_CYCLE``) rather than followed forever."""
    by_id = {price_list.id: price_list for price_list in seller.lists}
    sequence: list[PriceList] = []
    seen: set[int] = set()
    for candidate in ranked_candidates(seller, buyer):
        walked: list[int] = []
        current: PriceList | None = candidate
        while current is not None:
            if current.id in walked:
                cycle = (*walked[walked.index(current.id):], current.id)
                raise PriceRuleError([Problem(
                    PriceErrorCode.FALLBACK_CYCLE,
                    f"Lists {' -> '.join(map(str, cycle))} fall back in a cycle.",
                    list_ids=tuple(walked[walked.index(current.id):]))])
            walked.append(current.id)
            if current.id not in seen:
                seen.add(current.id)
                if current.is_valid_on(day) and current.currency == buyer.currency:
                    sequence.append(current)
            current = by_id.get(current.fallback_id) if current.fallback_id else None
    return tuple(sequence)
