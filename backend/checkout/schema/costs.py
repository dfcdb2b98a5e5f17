"""What the checkout's expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``). Each part of the checkout adds its fields' weights."""

from backend.core.graphql.cost import FieldCost

COSTS: dict[str, FieldCost] = {
}
