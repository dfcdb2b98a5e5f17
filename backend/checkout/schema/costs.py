"""What the checkout's expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``). Each part of the checkout adds its fields' weights."""

from backend.accounts.schema.costs import NAME_SEARCH_WEIGHT
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost

# Placing an order: pricing, the delivery plan, row locks and a few dozen writes (about 35
# queries), the cost of a bulk write.
PLACE_WEIGHT = 5_000

COSTS: dict[str, FieldCost] = {
    "Query.orderClients": FieldCost(QUERY_WEIGHT, query=True,
                                    arguments={"search": NAME_SEARCH_WEIGHT}),
    "Mutation.orderPlace": FieldCost(PLACE_WEIGHT, query=True),
}
