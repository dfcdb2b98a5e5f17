"""Browser downloads of price workbooks: a short-lived signed link, then a streamed file.

The API authenticates with a bearer token that a plain link cannot carry, so the
``priceListExport`` mutation (authenticated as usual) signs what the download is (a list
or the viewer's own prices) and for whom (user, token version, active organization)
into a link valid for ``PRICE_DOWNLOAD_TTL_SECONDS``. The link is rebuilt into the same
viewer as the token would make (a sign-out or a lost membership stops it at once) and
every check runs again at download time: visibility decides the list, the organization
decides the prices. A forged, expired or foreign link answers 403/404 with no data.

The workbook is written (openpyxl, write-only) into an anonymous temporary file, which the
response then streams; the file has no name on disk and is gone when the response closes.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from typing import IO
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from backend.accounts.signed_links import (
    DownloadLink,
    LinkRefused,
    open_link,
    refused,
    sign_link,
)
from backend.core.viewer import Viewer

from ..visibility import visible_price_lists
from .columns import LIST_HEADERS, MY_PRICE_HEADERS, SHEET_NAMES
from .exports import list_rows, my_price_rows
from .workbook_file import MONEY, write_workbook

SALT = "price_rules.excel.download"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LANGUAGES = ("ru", "en")


def sign_download(viewer: Viewer, *, price_list_id: int | None, language: str) -> DownloadLink:
    """A link to the workbook of ``price_list_id`` (None: the viewer's own prices)."""
    return sign_link(viewer, salt=SALT, path="/downloads/prices/",
                     ttl=settings.PRICE_DOWNLOAD_TTL_SECONDS, claims={
                         "l": price_list_id,
                         "lang": language if language in LANGUAGES else "ru"})


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    """The workbook a signed link names."""
    try:
        viewer, claims = open_link(token, salt=SALT,
                                   max_age=settings.PRICE_DOWNLOAD_TTL_SECONDS,
                                   read=lambda viewer, claims: (viewer, claims))
    except LinkRefused as refusal:
        return refusal.response()
    language = claims.get("lang") if claims.get("lang") in LANGUAGES else "ru"
    day = timezone.localdate()
    if claims["l"] is not None:
        price_list = visible_price_lists(viewer).filter(pk=claims["l"]).first()
        if price_list is None:
            return refused(404, "NOT_FOUND", "No such price list.")
        name = price_list.name
        response = _workbook(lambda file: write_workbook(
            file, price_list.name, LIST_HEADERS[language], list_rows(price_list),
            widths=(18, 48, 14, 14, 10, 10), formats={3: MONEY}))
    else:
        if viewer.organization is None:
            return refused(404, "NOT_FOUND", "Choose the organization whose prices to "
                                              "download.")
        organization = viewer.organization
        name = f"{SHEET_NAMES[language]} {day.isoformat()}"
        response = _workbook(lambda file: write_workbook(
            file, SHEET_NAMES[language], MY_PRICE_HEADERS[language],
            my_price_rows(viewer, organization, day),
            widths=(18, 40, 24, 14, 14, 14, 10, 10, 10, 30), formats={4: MONEY, 5: MONEY}))
    response["Content-Disposition"] = _attachment(name)
    response["Cache-Control"] = "private, no-store"
    return response


def _workbook(write: Callable[[IO[bytes]], object]) -> FileResponse:
    """The workbook ``write`` makes, served from a temporary file that is deleted as soon
    as it is closed (by the response once sent, or here if writing fails)."""
    # Not a with-block: the response closes the file once it has sent it.
    file = tempfile.TemporaryFile(prefix="price-export-")  # noqa: SIM115
    try:
        write(file)
        file.seek(0)
    except BaseException:
        file.close()
        raise
    return FileResponse(file, content_type=XLSX)


def _attachment(name: str) -> str:
    """A file name every browser takes: ASCII fallback, UTF-8 name (RFC 6266)."""
    plain = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "price-list"
    return (f'attachment; filename="{plain}.xlsx"; '
            f"filename*=UTF-8''{quote(name + '.xlsx', safe='')}")
