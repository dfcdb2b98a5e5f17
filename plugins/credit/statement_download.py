"""Downloads of a reconciliation statement (PDF or xlsx): a short-lived signed link, as
the order list's workbook (``backend/orders/downloads.py``).

``statementDownload`` checks the statement can be built (PERIOD_INVALID, NO_ENTRIES) and
signs for whom (user, token version, active organization), the account, the period, the
format and the language into a link valid ``ORDER_DOWNLOAD_TTL_SECONDS``. At download the
viewer is rebuilt as the token would make it (a sign-out or a lost membership stops the
link at once) and the account is read again through ``visible_document_accounts``: the
statement is built from the ledger as it is then.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from backend.accounts.models import User
from backend.accounts.tokens import AccessClaims
from backend.accounts.viewer import viewer_for_claims
from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer, ViewerError
from price_rules.excel.downloads import XLSX, DownloadLink, _refused, _workbook

from .documents.statement_text import TEXTS
from .documents.statement_xlsx import write_statement_xlsx
from .services.statement import LANGUAGES, build_statement
from .visibility import visible_document_accounts

SALT = "credit.statement"
FORMATS = ("PDF", "XLSX")


def sign_statement(viewer: Viewer, account_id: int, start: date, end: date, file_format: str,
                   language: str) -> DownloadLink:
    user = viewer.user
    assert isinstance(user, User)
    organization = viewer.organization
    token = signing.dumps({
        "u": user.pk, "v": user.token_version,
        "o": organization.pk if organization is not None else None,
        "a": account_id, "f": start.isoformat(), "t": end.isoformat(), "x": file_format,
        "lang": language if language in LANGUAGES else "ru",
    }, salt=SALT, compress=True)
    ttl = settings.ORDER_DOWNLOAD_TTL_SECONDS
    return DownloadLink(url=f"/downloads/statements/{token}/",
                        expires_at=timezone.now() + timedelta(seconds=ttl))


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    """The statement a signed link names, as its viewer may see it."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=settings.ORDER_DOWNLOAD_TTL_SECONDS)
        viewer = viewer_for_claims(AccessClaims(int(claims["u"]), int(claims["v"])),
                                   claims["o"], organization_chosen=claims["o"] is not None)
        start, end = date.fromisoformat(claims["f"]), date.fromisoformat(claims["t"])
        file_format = claims["x"] if claims["x"] in FORMATS else "PDF"
    except signing.SignatureExpired:
        return _refused(403, "LINK_EXPIRED", "The download link has expired; ask for a new one.")
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return _refused(403, "INVALID_LINK", "The download link is not valid.")
    except ViewerError as error:
        return _refused(403, error.code, str(error))
    account = (visible_document_accounts(viewer).select_related("seller", "buyer")
               .filter(pk=claims["a"]).first())
    if account is None:
        return _refused(404, "NOT_FOUND", "No such account.")
    language = claims.get("lang") if claims.get("lang") in LANGUAGES else "ru"
    try:
        statement = build_statement(account, start, end, language=language)
    except DomainValidationError as error:
        detail = error.errors[0]
        return _refused(400, detail.code_value, detail.message)
    name = f"{TEXTS[language]['sheet']} {account.buyer.name} {start.isoformat()}—{end.isoformat()}"
    if file_format == "PDF":
        # imported on a PDF's first request: ReportLab takes 0.2 s to load, which the API's
        # and the workers' start would otherwise pay
        from .documents.statement_pdf import statement_pdf

        response = HttpResponse(statement_pdf(statement), content_type="application/pdf")
        extension = "pdf"
    else:
        response = _workbook(lambda file: write_statement_xlsx(file, statement))
        response["Content-Type"] = XLSX
        extension = "xlsx"
    plain = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "statement"
    response["Content-Disposition"] = (f'attachment; filename="{plain}.{extension}"; '
                                       f"filename*=UTF-8''{quote(f'{name}.{extension}', safe='')}")
    response["Cache-Control"] = "private, no-store"
    return response
