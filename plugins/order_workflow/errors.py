"""The order workflow's error codes, with the common ones (NOT_FOUND, PERMISSION_DENIED,
INVALID, REQUIRED...). Every code has ru/en texts in the storefront (``errors.<CODE>``)."""

from backend.core.errors import error_code_enum

WORKFLOW_CODES = (
    "CONCURRENT_CHANGE",  # the order changed since the viewer read it (a stale ``version``)
    "WRONG_STATE",  # the action is not allowed in the order's moderation state
    "PROPOSAL_NOT_OPEN",  # an answer to a proposal already answered or withdrawn
    "TRANSITION_NOT_ALLOWED",  # a unit move the status graph (or the viewer's side) forbids
    "NOT_ENOUGH_UNITS",  # moving more units than the status holds
    "OUT_OF_STOCK",  # confirming a change the seller's stock cannot cover
    "CREDIT_REFUSED",  # confirming a change the buyer's credit cannot cover
    "PAYMENT_REQUIRED",  # confirming an order held for the buyer's card payment, unpaid
    "NOT_FORWARDABLE",  # forwarding an order that is not a confirmed sub-dealer order
    "ALREADY_FORWARDED",  # a line forwarded before
    "REASON_REQUIRED",  # a rejection or cancellation says why
)

WorkflowErrorCode = error_code_enum("WorkflowErrorCode", *WORKFLOW_CODES)
