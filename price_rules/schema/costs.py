"""What the price fields cost beyond the built-in rules (``backend/core/graphql/cost.py``).

A page's prices load one price context (16 queries, whatever the page size) and resolve
each variant in memory: tens of microseconds per price, a few per tier walked. The weights
count that work per occurrence, like a relation's object or two.
"""

from backend.core.graphql.cost import FieldCost

COSTS = {
    "ProductVariant.price": FieldCost(2),
    "ProductVariant.priceTiers": FieldCost(4),
    "Product.priceRange": FieldCost(4),
}
