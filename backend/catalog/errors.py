from backend.core.errors import error_code_enum

CatalogErrorCode = error_code_enum(
    "CatalogErrorCode",
    "DUPLICATE_SKU",
    "DUPLICATE_SLUG",
    "INVALID_QUANTITY",
    "INVALID_ATTRIBUTE_VALUE",
    "INVALID_PARENT",
    "IN_USE",
    "INVALID_IMAGE",
    "PRICE_REQUIRES_SIGN_IN",  # sorting or filtering by price as an anonymous visitor
)
