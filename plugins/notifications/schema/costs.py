"""What the notifications' root fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``)."""

from backend.core.graphql.cost import MUTATION_WEIGHT, QUERY_WEIGHT, FieldCost

COSTS = {
    "Query.notifications": FieldCost(QUERY_WEIGHT, query=True),
    "Query.notificationUnreadCount": FieldCost(QUERY_WEIGHT, query=True),
    "Query.notificationPreferences": FieldCost(QUERY_WEIGHT, query=True),
    "Mutation.notificationsMarkRead": FieldCost(MUTATION_WEIGHT, query=True),
    "Mutation.notificationPreferencesUpdate": FieldCost(MUTATION_WEIGHT, query=True),
}
