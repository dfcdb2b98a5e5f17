"""The checkout's error codes (cart, quick order, order files, placement), with the common
ones. Every code needs ru/en ``errors.<CODE>`` in the storefront."""

from backend.core.errors import error_code_enum

LINE_CODES = (
    "UNKNOWN_SKU",  # params: skus, suggestions (nearest SKUs)
    "NOT_ORDERABLE",  # unpublished, not visible to the buyer, or without a price for it
    "INVALID_QUANTITY",  # not a positive number the column holds
    "FRACTIONAL_QUANTITY",  # a fraction of a piece, pack or set
    "BELOW_MINIMUM",  # params: nearest (the nearest valid quantity)
    "NOT_MULTIPLE",  # not a multiple of the order multiple / pack; params: nearest
    "TOO_MANY_LINES",
)

FILE_CODES = (
    "INVALID_FILE",  # not an xlsx or CSV file, or a damaged one
    "FILE_TOO_LARGE",  # over ORDER_FILE_MAX_BYTES
    "MISSING_COLUMN",  # the mapping names no SKU or no quantity column
    "UNKNOWN_COLUMN",  # the mapping names a column the sheet lacks
    "EMPTY_FILE",  # no data rows
)

PLACEMENT_CODES = (
    "EMPTY_CART",
    "NO_SELLER",  # the buyer buys from nobody
    "PRICES_CHANGED",  # params: changes [{sku, before, after}]
    "NO_PRICE",
    "NOT_ENOUGH_STOCK",  # params: skus, missing
    "PREORDER_NOT_ALLOWED",
    "CREDIT_REFUSED",
    "CART_CHANGED",  # the cart was placed or changed by a concurrent request
    "SAMPLES_ONLY",  # a samples order holds a SKU that is not offered as a sample
    "SAMPLE_LIMIT",  # over SAMPLE_MAX_QUANTITY per line or SAMPLE_MAX_LINES
    "IDEMPOTENCY_KEY_REUSED",  # the key was used for a different cart or buyer
    "UNKNOWN_REGION",
    "UNKNOWN_WAREHOUSE",
    "PICKUP_NOT_ALLOWED",
    "NO_DELIVERY_ZONE",
    "NO_RATE",
    "NOT_A_CLIENT",  # ordering for an organization the viewer may not order for
)

SAVED_CART_CODES = (
    "NAME_TAKEN",
)

CheckoutErrorCode = error_code_enum("CheckoutErrorCode", *LINE_CODES, *FILE_CODES,
                                    *PLACEMENT_CODES, *SAVED_CART_CODES)
