"""What the price rules' expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``).

Name searches match parts of names over the visible lists, groups and promotions (few);
an entry search matches parts of SKUs and names over a list's entries joined to the
variants (a base list has one per variant and tier: 100,000s on the benchmark data), as
the catalog's SKU list does. A bulk entries write checks and writes up to 5,000 rows with
the floors of their variants; a percentage change rewrites a whole list.

A page's viewer prices load one price context whatever the page size and resolve each
variant in memory: tens of microseconds per price, a few per tier walked; their weights
count that work per occurrence, like a relation's object or two.
"""

from backend.accounts.schema.costs import NAME_SEARCH_WEIGHT
from backend.core.graphql.cost import MUTATION_WEIGHT, QUERY_WEIGHT, FieldCost

ENTRY_SEARCH_WEIGHT = 20_000
BULK_WRITE_WEIGHT = MUTATION_WEIGHT * 20

COSTS = {
    "Query.priceLists": FieldCost(QUERY_WEIGHT, query=True,
                                  arguments={"filter.search": NAME_SEARCH_WEIGHT}),
    "Query.priceListEntries": FieldCost(QUERY_WEIGHT, query=True,
                                        arguments={"filter.search": ENTRY_SEARCH_WEIGHT}),
    "Query.priceGroups": FieldCost(QUERY_WEIGHT, query=True,
                                   arguments={"filter.search": NAME_SEARCH_WEIGHT}),
    "Query.promotions": FieldCost(QUERY_WEIGHT, query=True,
                                  arguments={"filter.search": NAME_SEARCH_WEIGHT}),
    "Query.mapFloors": FieldCost(QUERY_WEIGHT, query=True,
                                 arguments={"filter.search": NAME_SEARCH_WEIGHT}),
    "Mutation.priceListEntriesReplace": FieldCost(BULK_WRITE_WEIGHT, query=True),
    "Mutation.priceListEntriesUpsert": FieldCost(BULK_WRITE_WEIGHT, query=True),
    "Mutation.priceListEntriesChangeByPercent": FieldCost(BULK_WRITE_WEIGHT, query=True),
    "ProductVariant.price": FieldCost(2),
    "ProductVariant.priceTiers": FieldCost(4),
    "Product.priceRange": FieldCost(4),
}
