"""The inventory's root fields and their costs, joined to the API by
``backend.api.schema``.

Importing this package also adds the viewer's stock to the catalog's types
(``catalog_stock``), before the schema is built.
"""

from . import catalog_stock  # noqa: F401  (adds fields to the catalog's types)
from .costs import COSTS
from .queries import InventoryQueries as Queries

__all__ = ["COSTS", "Queries"]
