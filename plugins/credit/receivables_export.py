"""The receivables monitor as a workbook, behind a short-lived signed link, as the order
list's (``backend/orders/downloads.py``).

``receivablesExport`` signs the filter, the sort and for whom (user, token version, active
organization) into ``/downloads/receivables/<token>/``, valid for
``ORDER_DOWNLOAD_TTL_SECONDS``. At download the viewer is rebuilt as the token would make
it (a sign-out or a lost membership stops the link at once) and the monitor is read again
through the viewer's visibility, in pages of ``BATCH`` accounts (each page its figures in
the same few queries), written by openpyxl in write-only mode: memory stays bounded
whatever the number of accounts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from backend.accounts.signed_links import DownloadLink, LinkRefused, open_link, sign_link
from backend.core.viewer import Viewer
from price_rules.excel.downloads import _workbook
from price_rules.excel.workbook_file import MONEY, write_workbook

from .services.receivables import ReceivableRows, receivables

SALT = "credit.receivables"
BATCH = 1000
LANGUAGES = ("ru", "en")
HEADERS = {
    "ru": ("Клиент", "ИНН", "Лимит", "Задолженность", "Доступно", "К оплате на неделе",
           "Просрочено", "Дней просрочки", "Последний платёж", "Сумма платежа", "Валюта"),
    "en": ("Client", "INN", "Credit limit", "Balance", "Available", "Due this week",
           "Overdue", "Days overdue", "Last payment", "Payment amount", "Currency"),
}
SHEET_NAMES = {"ru": "Дебиторская задолженность", "en": "Receivables"}
WIDTHS = (36, 14, 14, 14, 14, 16, 14, 10, 14, 14, 8)
MONEY_COLUMNS = (2, 3, 4, 5, 6, 9)
DATE_COLUMN = 8


def sign_export(viewer: Viewer, values: dict[str, Any], sort: dict[str, Any] | None,
                language: str) -> DownloadLink:
    return sign_link(viewer, salt=SALT, path="/downloads/receivables/",
                     ttl=settings.ORDER_DOWNLOAD_TTL_SECONDS, claims={
                         "f": values, "s": sort,
                         "lang": language if language in LANGUAGES else "ru"})


def receivable_rows(rows: ReceivableRows) -> Iterator[list[Any]]:
    """One row per account, in the monitor's order, read a page at a time."""
    start = 0
    while True:
        page = rows[start:start + BATCH]
        if not page:
            return
        for row in page:
            found = row.figures
            figures = found.figures
            yield [row.client_name, row.client_inn, row.credit_limit,
                   figures.balance, figures.available, figures.due_this_week,
                   figures.overdue, figures.overdue_days, found.last_payment_on,
                   found.last_payment_amount, row.currency]
        start += BATCH


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    """The workbook of the receivables a signed link's filter names, as its viewer sees
    them."""
    try:
        rows, claims = open_link(
            token, salt=SALT, max_age=settings.ORDER_DOWNLOAD_TTL_SECONDS,
            read=lambda viewer, claims: (receivables(viewer, claims["f"], claims["s"]),
                                         claims))
    except LinkRefused as refusal:
        return refusal.response()
    language = claims.get("lang") if claims.get("lang") in LANGUAGES else "ru"
    formats = {DATE_COLUMN: "yyyy-mm-dd", **dict.fromkeys(MONEY_COLUMNS, MONEY)}
    response = _workbook(lambda file: write_workbook(
        file, SHEET_NAMES[language], HEADERS[language], receivable_rows(rows),
        widths=WIDTHS, formats=formats))
    day = timezone.localdate().isoformat()
    name = quote(f"{SHEET_NAMES[language]} {day}.xlsx", safe="")
    response["Content-Disposition"] = (f'attachment; filename="receivables-{day}.xlsx"; '
                                       f"filename*=UTF-8''{name}")
    response["Cache-Control"] = "private, no-store"
    return response
