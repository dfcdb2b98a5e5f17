from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation
from backend.core.permissions import Perm

from ...errors import CatalogErrorCode

CatalogError = error_type("CatalogError", CatalogErrorCode, "An error of a catalog operation.")


class CatalogMutation(BaseMutation):
    """Catalog mutations: CatalogError with CatalogErrorCode; staff with MANAGE_CATALOG."""

    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": CatalogError, "error_code_enum": CatalogErrorCode,
                     "permissions": (Perm.MANAGE_CATALOG,)}
