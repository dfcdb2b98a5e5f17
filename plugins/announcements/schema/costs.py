"""What the announcements' root fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``): the lists filter by audience and read marks in SQL."""

from backend.core.graphql.cost import MUTATION_WEIGHT, QUERY_WEIGHT, FieldCost

COSTS = {
    "Query.announcements": FieldCost(QUERY_WEIGHT, query=True),
    "Query.announcementsUnreadCount": FieldCost(QUERY_WEIGHT, query=True),
    "Mutation.announcementCreate": FieldCost(MUTATION_WEIGHT * 2, query=True),
    "Mutation.announcementUpdate": FieldCost(MUTATION_WEIGHT * 2, query=True),
}
