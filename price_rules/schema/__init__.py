"""The price rules' root fields and their costs, joined to the API by
``backend.api.schema``.

Importing this package also adds the viewer's prices to the catalog's types
(``catalog_prices``), before the schema is built.
"""

from . import catalog_prices  # noqa: F401  (adds fields to the catalog's types)
from .costs import COSTS
from .mutations import PriceRulesMutations as Mutations
from .queries import PriceRulesQueries as Queries

__all__ = ["COSTS", "Mutations", "Queries"]
