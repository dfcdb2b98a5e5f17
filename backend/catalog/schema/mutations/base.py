from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation
from backend.core.permissions import Perm

from ...errors import CatalogErrorCode

CatalogError = error_type("CatalogError", CatalogErrorCode, "An error of a catalog operation.")


class CatalogMutation(BaseMutation):
    """Catalog mutations: CatalogError with CatalogErrorCode; staff with MANAGE_CATALOG."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", CatalogError)
        options.setdefault("error_code_enum", CatalogErrorCode)
        options.setdefault("permissions", (Perm.MANAGE_CATALOG,))
        super().__init_subclass_with_meta__(**options)
