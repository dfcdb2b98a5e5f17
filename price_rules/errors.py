"""The price rules' error codes: the engine's (``price_rules.engine.PriceErrorCode``) and the
services' own, with the common ones, as the API will list them."""

from backend.core.errors import error_code_enum

from .engine import PriceErrorCode

SERVICE_CODES = (
    "NOT_OWNER",  # the list, group or rule belongs to another organization
    "MEMBER_OUTSIDE_SUBTREE",
    "ASSIGNMENT_OUTSIDE_SUBTREE",
    "ASSIGNMENT_TARGET",  # not exactly one of organization, group, region, owner default
    "UNKNOWN_VARIANT",
    "INVALID_CURRENCY",
    "DERIVED_LIST",  # a derived list's entries come from its formula, not from input
    "MANUFACTURER_ONLY",  # MAP floors are the manufacturer's
    "LIST_IN_USE",  # another list falls back to it or is derived from it
)

# Uploads of a price list workbook (price_rules/excel/imports.py), each reported per row.
EXCEL_CODES = (
    "INVALID_FILE",  # not an .xlsx workbook, or a damaged one
    "FILE_TOO_LARGE",  # over PRICE_IMPORT_MAX_BYTES, packed or unpacked
    "TOO_MANY_ROWS",  # over PRICE_IMPORT_MAX_ROWS
    "MISSING_COLUMN",  # the header lacks the SKU or the price column
    "UNKNOWN_SKU",
    "INVALID_NUMBER",  # a price or quantity that is not a number the list can store
    "UNKNOWN_UNIT",
    "TOO_MANY_ERRORS",  # more row errors than one answer lists
)

PriceRulesErrorCode = error_code_enum(
    "PriceRulesErrorCode", *(code.value for code in PriceErrorCode), *SERVICE_CODES,
    *EXCEL_CODES)
