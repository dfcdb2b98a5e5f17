"""Price rules' GraphQL, joined to the API by ``backend.api.schema``.

Importing this package adds the viewer's prices to the catalog's types
(``catalog_prices``), before the schema is built.
"""

from . import catalog_prices  # noqa: F401  (adds fields to the catalog's types)
from .costs import COSTS

__all__ = ["COSTS"]
