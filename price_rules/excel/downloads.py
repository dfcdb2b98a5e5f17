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
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import IO
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from backend.accounts.models import User
from backend.accounts.tokens import AccessClaims
from backend.accounts.viewer import viewer_for_claims
from backend.core.viewer import Viewer, ViewerError

from ..visibility import visible_price_lists
from .columns import LIST_HEADERS, MY_PRICE_HEADERS, SHEET_NAMES
from .exports import list_rows, my_price_rows
from .workbook_file import MONEY, write_workbook

SALT = "price_rules.excel.download"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LANGUAGES = ("ru", "en")


@dataclass(frozen=True)
class DownloadLink:
    url: str
    expires_at: datetime


def sign_download(viewer: Viewer, *, price_list_id: int | None, language: str) -> DownloadLink:
    """A link to the workbook of ``price_list_id`` (None: the viewer's own prices)."""
    user = viewer.user
    assert isinstance(user, User)
    organization = viewer.organization
    token = signing.dumps({
        "u": user.pk, "v": user.token_version,
        "o": organization.pk if organization is not None else None,
        "l": price_list_id, "lang": language if language in LANGUAGES else "ru",
    }, salt=SALT, compress=True)
    ttl = settings.PRICE_DOWNLOAD_TTL_SECONDS
    return DownloadLink(url=f"/downloads/prices/{token}/",
                        expires_at=timezone.now() + timedelta(seconds=ttl))


def _refused(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"message": message, "extensions": {"code": code}}]},
                        status=status)


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    """The workbook a signed link names."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=settings.PRICE_DOWNLOAD_TTL_SECONDS)
        viewer = viewer_for_claims(AccessClaims(int(claims["u"]), int(claims["v"])),
                                   claims["o"], organization_chosen=claims["o"] is not None)
    except signing.SignatureExpired:
        return _refused(403, "LINK_EXPIRED", "The download link has expired; ask for a new one.")
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return _refused(403, "INVALID_LINK", "The download link is not valid.")
    except ViewerError as error:
        return _refused(403, error.code, str(error))
    language = claims.get("lang") if claims.get("lang") in LANGUAGES else "ru"
    day = timezone.localdate()
    if claims["l"] is not None:
        price_list = visible_price_lists(viewer).filter(pk=claims["l"]).first()
        if price_list is None:
            return _refused(404, "NOT_FOUND", "No such price list.")
        name = price_list.name
        response = _workbook(lambda file: write_workbook(
            file, price_list.name, LIST_HEADERS[language], list_rows(price_list),
            widths=(18, 48, 14, 14, 10, 10), formats={3: MONEY}))
    else:
        if viewer.organization is None:
            return _refused(404, "NOT_FOUND", "Choose the organization whose prices to "
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
