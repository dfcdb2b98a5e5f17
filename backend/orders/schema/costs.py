"""What the orders' expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``)."""

COSTS: dict = {}
