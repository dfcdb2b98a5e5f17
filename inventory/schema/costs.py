"""What the inventory's expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``).

A search matches parts of SKUs and names over stock rows joined to the variants (50
warehouses x 100,000 variants on the bench data: up to millions of rows), as the
catalog's SKU list does; movements grow without bound. A warehouse's nested pages load
for the whole list in one windowed query.

A page's stock loads the viewer's warehouses once and the page's stock and supply in two
queries, then builds each variant's answer in memory: a few microseconds per warehouse;
the weights count that work per occurrence, like a relation's object or two.
"""

from backend.accounts.schema.costs import NAME_SEARCH_WEIGHT
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost

STOCK_SEARCH_WEIGHT = 20_000

COSTS = {
    "Query.warehouses": FieldCost(QUERY_WEIGHT, query=True,
                                  arguments={"filter.search": NAME_SEARCH_WEIGHT}),
    "Query.stockItems": FieldCost(QUERY_WEIGHT, query=True,
                                  arguments={"filter.search": STOCK_SEARCH_WEIGHT}),
    "Query.incomingSupply": FieldCost(QUERY_WEIGHT, query=True,
                                      arguments={"filter.search": STOCK_SEARCH_WEIGHT}),
    "Query.stockMovements": FieldCost(QUERY_WEIGHT, query=True,
                                      arguments={"filter.search": STOCK_SEARCH_WEIGHT}),
    "Query.leftovers": FieldCost(QUERY_WEIGHT, query=True,
                                 arguments={"filter.search": STOCK_SEARCH_WEIGHT}),
    "Query.carriers": FieldCost(QUERY_WEIGHT, query=True),
    "Query.deliveryZones": FieldCost(QUERY_WEIGHT, query=True),
    "Warehouse.stock": FieldCost(QUERY_WEIGHT, query=True,
                                 arguments={"filter.search": STOCK_SEARCH_WEIGHT}),
    "Warehouse.incoming": FieldCost(QUERY_WEIGHT, query=True),
    "ProductVariant.stock": FieldCost(2),
    "ProductVariant.availability": FieldCost(2),
    "Product.availability": FieldCost(2),
}
