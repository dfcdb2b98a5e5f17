"""The orders' error codes (order list, approval, export), with the common ones."""

from backend.core.errors import error_code_enum

ORDER_CODES = (
    "NOT_AWAITING_APPROVAL",  # approve/reject an order that is not waiting for it
    "COMMENT_REQUIRED",  # a rejection says why
    "INVALID_FILTER",  # a period or total range the wrong way round, an unknown organization
    "EXPORT_TOO_LARGE",  # more rows than ORDER_EXPORT_MAX_ROWS: narrow the filter
    "WRONG_STATE",  # a plugin refuses the rejection in its state (a confirmed order)
)

OrdersErrorCode = error_code_enum("OrdersErrorCode", *ORDER_CODES)
