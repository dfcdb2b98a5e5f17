"""What the dealer network's expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``).

Searches match parts of names over every visible row; submitting an application compares
its name with every registered organization and application (trigram similarity).
"""

from backend.accounts.schema.costs import NAME_SEARCH_WEIGHT
from backend.core.graphql.cost import MUTATION_WEIGHT, QUERY_WEIGHT, FieldCost

COSTS = {
    "Query.subDealers": FieldCost(QUERY_WEIGHT, query=True,
                                  arguments={"search": NAME_SEARCH_WEIGHT}),
    "Query.partnerApplications": FieldCost(QUERY_WEIGHT, query=True,
                                           arguments={"search": NAME_SEARCH_WEIGHT}),
    "Mutation.partnerApplicationSubmit": FieldCost(MUTATION_WEIGHT * 4, query=True),
}
