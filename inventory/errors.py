"""The inventory's error codes, as the API lists them, and the error type every inventory
mutation (and ``allocationPreview``) answers with.

The engine's shortfall reasons and quote problems are codes here under the same names, so
a shortfall, a shipment's problem and a refused input speak one enum.
"""

from __future__ import annotations

import graphene

from backend.core.errors import error_code_enum
from backend.core.graphql.errors import error_type

from .engine.types import QuoteProblem, ShortfallReason

SERVICE_CODES = (
    "UNKNOWN_WAREHOUSE",  # no such warehouse, or one the viewer may not see
    "UNKNOWN_SKU",  # no such variant (by SKU or id)
    "INVALID_QUANTITY",  # negative, zero where it must be positive, or too large
    "FRACTIONAL_QUANTITY",  # a fraction of a unit sold whole (pieces, packs, sets)
    "ALLOCATED_EXCEEDS_ON_HAND",  # on hand would fall below what orders hold
    "RESERVED_EXCEEDS_QUANTITY",  # incoming supply would fall below its pre-orders
    "SUPPLY_RESERVED",  # incoming supply with pre-orders cannot be deleted
    "WAREHOUSE_CODE_TAKEN",
    "INVALID_COORDINATES",  # latitude without longitude, or out of range
    "UNKNOWN_REGION",  # not one of the official regions (accounts/regions.py)
    "STOCK_CENTER_ONLY",  # a partner creates only stock centers, for itself
    "UNKNOWN_OWNER",  # the owner organization does not exist or may not hold warehouses
    "WAREHOUSE_INACTIVE",
    "NOT_MANAGER",  # the viewer may see the warehouse but not change it
    "NO_SELLER",  # the organization buys from nobody: nobody's stock to plan from
    "INVALID_DISCOUNT",  # a leftover's discount is not between 0 and 100
    "TOO_MANY_LINES",
    "DUPLICATE_LINE",  # the same variant twice in one request
)

# A stock upload (inventory/excel), each reported per row.
UPLOAD_CODES = (
    "UPLOAD_INVALID",  # the upload as a whole failed: its rows say why
    "INVALID_FILE",  # not an .xlsx workbook, or a damaged one
    "FILE_TOO_LARGE",
    "TOO_MANY_ROWS",
    "MISSING_STOCK_COLUMN",  # the header lacks the SKU or the quantity column
    "INVALID_NUMBER",
    "DUPLICATE_STOCK_ROW",  # the same SKU on two rows of one file
    "TOO_MANY_ERRORS",
)

InventoryErrorCode = error_code_enum(
    "InventoryErrorCode", *(reason.value for reason in ShortfallReason),
    *(problem.value for problem in QuoteProblem), *SERVICE_CODES, *UPLOAD_CODES)

InventoryError = error_type(
    "InventoryError", InventoryErrorCode,
    "An error of an inventory operation: the input field it is about, and the SKUs.",
    skus=graphene.List(graphene.NonNull(graphene.String), description=(
        "NOT_ENOUGH_STOCK, UNKNOWN_SKU, FRACTIONAL_QUANTITY...: every SKU concerned.")),
)
