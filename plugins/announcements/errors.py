from backend.core.errors import error_code_enum

# INVALID_IMAGE comes from the catalog's image checks, reused as they are.
AnnouncementErrorCode = error_code_enum(
    "AnnouncementErrorCode",
    "NOT_A_PUBLISHER",
    "AUDIENCE_REQUIRED",
    "AUDIENCE_CONFLICT",
    "UNKNOWN_PRICE_GROUP",
    "UNKNOWN_PROMOTION",
    "UNKNOWN_PRODUCT",
    "UNKNOWN_REGION",
    "TOO_MANY_PRODUCTS",
    "PRODUCTS_REQUIRED",
    "PUBLISH_DATE_IN_PAST",
    "INVALID_IMAGE",
)
