from backend.core.errors import error_code_enum

NotificationErrorCode = error_code_enum(
    "NotificationErrorCode",
    "DUPLICATE_TOPIC",
)
