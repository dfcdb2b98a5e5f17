from backend.core.errors import error_code_enum

AccountErrorCode = error_code_enum(
    "AccountErrorCode",
    "INVALID_CREDENTIALS",
    "INACTIVE_USER",
    "LOGIN_THROTTLED",
    "INVALID_TOKEN",
    "TOKEN_EXPIRED",
    "TOKEN_REUSED",
    "INVALID_INN",
    "INVALID_KPP",
    "DUPLICATE_INN",
    "INVALID_PARENT",
    "TREE_TOO_DEEP",
    "INVALID_CURRENCY",
)
