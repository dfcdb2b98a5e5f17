"""What the accounts' expensive fields cost beyond the built-in rules
(``backend/core/graphql/cost.py``).

Checking or setting a password runs Argon2 (about a tenth of a second and 100 MB of
memory, on purpose), so a document may hold only a few; searches match parts of names
over every visible row; the permission list runs no query at all.
"""

from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost

PASSWORD_WEIGHT = 10_000
NAME_SEARCH_WEIGHT = 250

COSTS = {
    "Mutation.tokenCreate": FieldCost(PASSWORD_WEIGHT, query=True),
    "Mutation.invitationAccept": FieldCost(PASSWORD_WEIGHT, query=True),
    "Query.organizations": FieldCost(QUERY_WEIGHT, query=True,
                                     arguments={"filter.search": NAME_SEARCH_WEIGHT}),
    "Query.auditEvents": FieldCost(QUERY_WEIGHT, query=True,
                                   arguments={"filter.person": NAME_SEARCH_WEIGHT}),
    "Query.members": FieldCost(QUERY_WEIGHT, query=True,
                               arguments={"filter.search": NAME_SEARCH_WEIGHT}),
    "Query.permissions": FieldCost(),
}
