"""Browser downloads of the order list: a short-lived signed link, then a streamed
workbook, as price workbooks are downloaded (``price_rules/excel/downloads.py``).

``orderListExport`` (authenticated as usual) signs the filter, the sort and for whom
(user, token version, active organization) into a link valid for
``ORDER_DOWNLOAD_TTL_SECONDS``. At download the viewer is rebuilt as the token would make
it (a sign-out or a lost membership stops the link at once) and the list is read again
through the viewer's visibility: the link carries a filter, never rows or ids.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from backend.accounts.signed_links import (
    DownloadLink,
    LinkRefused,
    open_link,
    refused,
    sign_link,
)
from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer

# The price workbooks' link, refusal and temporary-file response serve these downloads too.
from price_rules.excel.downloads import _workbook
from price_rules.excel.workbook_file import MONEY, write_workbook

from .export import (
    DATE_COLUMN,
    DATE_FORMAT,
    HEADERS,
    LANGUAGES,
    MONEY_COLUMNS,
    SHEET_NAMES,
    WIDTHS,
    order_rows,
)
from .filters import listed_orders

SALT = "orders.download"
_DATES = ("placed_from", "placed_to")
_DECIMALS = ("total_min", "total_max")


def _signable(filter: dict[str, Any]) -> dict[str, Any]:
    """The filter's plain values as JSON can carry them (dates and decimals as text)."""
    return {key: (str(value) if key in _DATES + _DECIMALS and value is not None else value)
            for key, value in filter.items()}


def _read(filter: dict[str, Any]) -> dict[str, Any]:
    values = dict(filter)
    for key in _DATES:
        if values.get(key):
            values[key] = date.fromisoformat(values[key])
    for key in _DECIMALS:
        if values.get(key) is not None:
            values[key] = Decimal(values[key])
    return values


def sign_export(viewer: Viewer, filter: dict[str, Any], sort: dict[str, Any] | None,
                language: str) -> DownloadLink:
    return sign_link(viewer, salt=SALT, path="/downloads/orders/",
                     ttl=settings.ORDER_DOWNLOAD_TTL_SECONDS, claims={
                         "f": _signable(filter), "s": sort,
                         "lang": language if language in LANGUAGES else "ru"})


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    """The workbook of the orders a signed link's filter names, as its viewer sees them."""
    try:
        orders, claims = open_link(
            token, salt=SALT, max_age=settings.ORDER_DOWNLOAD_TTL_SECONDS,
            read=lambda viewer, claims: (
                listed_orders(viewer, _read(claims["f"]), claims["s"]), claims))
    except LinkRefused as refusal:
        return refusal.response()
    except DomainValidationError as error:
        detail = error.errors[0]
        return refused(400, detail.code_value, detail.message)
    language = claims.get("lang") if claims.get("lang") in LANGUAGES else "ru"
    formats = {DATE_COLUMN: DATE_FORMAT, **dict.fromkeys(MONEY_COLUMNS, MONEY)}
    response = _workbook(lambda file: write_workbook(
        file, SHEET_NAMES[language], HEADERS[language], order_rows(orders, language),
        widths=WIDTHS, formats=formats))
    day = timezone.localdate().isoformat()
    name = quote(f"{SHEET_NAMES[language]} {day}.xlsx", safe="")
    response["Content-Disposition"] = (f'attachment; filename="orders-{day}.xlsx"; '
                                       f"filename*=UTF-8''{name}")
    response["Cache-Control"] = "private, no-store"
    return response
