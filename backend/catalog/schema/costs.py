"""What the catalog's expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``), measured by ``bench/query_limits.py`` on the benchmark
data (20,000 products, 100,000 variants).

A search runs full-text and trigram matching for the page and again for its count;
attribute filters are EXISTS subqueries over products and variants (about 100 ms for a page
and its count); a list of SKUs is compared case-insensitively with every variant (no
index serves it) and ordered as asked (about 100 ms); counting all variants reads 100,000
rows. Facets read every attribute value of the products found, on the products and on
their variants, and group them (``bench/facets.py``: 160–250 ms for the whole catalog,
about a search's page and count, 10–70 ms inside a category or a search).
"""

from backend.core.graphql.cost import COUNT_WEIGHT, QUERY_WEIGHT, SEARCH_WEIGHT, FieldCost

FACETS_WEIGHT = 20_000
# The viewer's price of every product found, computed in SQL for the filter (one statement
# over the products' variants and the viewer's price lists; see price_rules/sort_keys.py).
PRICE_FILTER_WEIGHT = 5_000
# Whether a variant of each product found is available in the viewer's warehouses: an
# EXISTS over the stock rows (the variant's index), about a price filter's work.
STOCK_FILTER_WEIGHT = 5_000

COSTS = {
    "Query.products": FieldCost(QUERY_WEIGHT, query=True, arguments={
        "filter.search": SEARCH_WEIGHT, "filter.attributes": 12_000, "filter.categories": 100,
        "filter.priceMin": PRICE_FILTER_WEIGHT, "filter.priceMax": PRICE_FILTER_WEIGHT,
        "filter.inStockInMyNetwork": STOCK_FILTER_WEIGHT}),
    "Query.variants": FieldCost(QUERY_WEIGHT, query=True, arguments={"skus": 20_000}),
    "ProductVariantConnection.totalCount": FieldCost(COUNT_WEIGHT * 10, query=True),
    "Query.productFacets": FieldCost(FACETS_WEIGHT, query=True, arguments={
        "filter.search": SEARCH_WEIGHT, "filter.attributes": 12_000, "filter.categories": 100,
        "filter.priceMin": PRICE_FILTER_WEIGHT, "filter.priceMax": PRICE_FILTER_WEIGHT,
        "filter.inStockInMyNetwork": STOCK_FILTER_WEIGHT}),
    "Query.categories": FieldCost(QUERY_WEIGHT, query=True, arguments={"filter.search": 100}),
}
