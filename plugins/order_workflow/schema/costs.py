"""What the moderation's expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``).

The queue's search matches the number exactly and part of the buyer's name over the
orders the viewer moderates (staff: the manufacturer's every order): a scan, for the page
and its count, weighed like the order list's search. A moderation's proposals and
dialogue load for the whole page in one query each: a few rows per order.
"""

from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost

QUEUE_SEARCH_WEIGHT = 2_000
NESTED_ROWS_WEIGHT = 2

COSTS = {
    "Query.moderationQueue": FieldCost(QUERY_WEIGHT, query=True,
                                       arguments={"filter.search": QUEUE_SEARCH_WEIGHT}),
    "OrderModeration.proposals": FieldCost(NESTED_ROWS_WEIGHT),
    "OrderModeration.dialogue": FieldCost(NESTED_ROWS_WEIGHT),
    "OrderLine.openProposals": FieldCost(NESTED_ROWS_WEIGHT),
}
