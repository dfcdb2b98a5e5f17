"""The inventory's root fields and their costs, joined to the API by
``backend.api.schema``.

Importing this package also adds the viewer's stock to the catalog's types
(``catalog_stock``), before the schema is built.
"""

import graphene

from . import catalog_stock  # noqa: F401  (adds fields to the catalog's types)
from .costs import COSTS
from .mutations import InventoryMutations as Mutations
from .preview import PreviewQueries
from .queries import InventoryQueries


class Queries(InventoryQueries, PreviewQueries, graphene.ObjectType):
    """The read API's lists and the allocation preview (``preview.py``)."""


__all__ = ["COSTS", "Mutations", "Queries"]
