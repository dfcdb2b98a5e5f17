"""What the orders' expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``).

A search matches the typed number exactly, and part of the buyer's reference over the
orders the viewer sees (a dealer's thousands, staff's every order): a scan of those rows,
for the page and its count. An order's lines, shipments and events load for the whole
page in one query each and are built in memory: 14 lines on average, their weight counts
that work per order.
"""

from backend.core.graphql.cost import MUTATION_WEIGHT, QUERY_WEIGHT, FieldCost

ORDER_SEARCH_WEIGHT = 2_000
# One order's share of its page's lines (shipments, events): a few rows each.
NESTED_ROWS_WEIGHT = 2

COSTS = {
    "Query.orders": FieldCost(QUERY_WEIGHT, query=True,
                              arguments={"filter.search": ORDER_SEARCH_WEIGHT}),
    "Order.lines": FieldCost(NESTED_ROWS_WEIGHT),
    "Order.shipments": FieldCost(NESTED_ROWS_WEIGHT),
    "Order.events": FieldCost(NESTED_ROWS_WEIGHT),
}
COSTS["Mutation.orderListExport"] = FieldCost(MUTATION_WEIGHT, query=True, arguments={
    "filter.search": ORDER_SEARCH_WEIGHT})
