from backend.core.errors import error_code_enum

# Besides its own codes, the enum carries the account codes that the organization and
# invitation services it calls may raise, so those reach the client by name.
DealerNetworkErrorCode = error_code_enum(
    "DealerNetworkErrorCode",
    "NOT_A_DEALER",
    "INVALID_INN",
    "INVALID_KPP",
    "DUPLICATE_INN",
    "INVALID_PARENT",
    "TREE_TOO_DEEP",
    "INVALID_CURRENCY",
    "INVALID_EMAIL",
    "INVALID_PHONE",
    "ALREADY_MEMBER",
    "DUPLICATE_APPLICATION",  # no longer raised: a duplicate is recorded and flagged
    "APPLICATIONS_THROTTLED",
    "INVALID_STATUS",
    "NO_SUPPLIER",
    "UNKNOWN_REGION",
)
