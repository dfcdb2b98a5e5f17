"""What the checkout's expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``). Each part of the checkout adds its fields' weights.

The cart is about ten statements whatever its lines (the cart, its lines, the buyer's
visibility, one price context, the lines' stock): ten root queries' worth. SKU suggestions
compare the query with every visible variant's SKU and name by trigram similarity, a scan
like the price entries' search. A saved cart's lines load for a page in one batch.
"""

from backend.accounts.schema.costs import NAME_SEARCH_WEIGHT
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost

CART_WEIGHT = QUERY_WEIGHT * 10
SKU_SUGGESTIONS_WEIGHT = 20_000

COSTS: dict[str, FieldCost] = {
    "Query.cart": FieldCost(CART_WEIGHT, query=True),
    "Query.skuSuggestions": FieldCost(SKU_SUGGESTIONS_WEIGHT, query=True),
    "Query.savedCarts": FieldCost(QUERY_WEIGHT, query=True,
                                  arguments={"search": NAME_SEARCH_WEIGHT}),
    "SavedCart.lines": FieldCost(2),
}
