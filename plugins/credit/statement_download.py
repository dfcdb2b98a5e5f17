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
from datetime import date
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
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
from price_rules.excel.downloads import XLSX, _workbook

from .documents.statement_text import TEXTS
from .documents.statement_xlsx import write_statement_xlsx
from .services.statement import LANGUAGES, build_statement
from .visibility import visible_document_accounts

SALT = "credit.statement"
FORMATS = ("PDF", "XLSX")


def sign_statement(viewer: Viewer, account_id: int, start: date, end: date, file_format: str,
                   language: str) -> DownloadLink:
    return sign_link(viewer, salt=SALT, path="/downloads/statements/",
                     ttl=settings.ORDER_DOWNLOAD_TTL_SECONDS, claims={
                         "a": account_id, "f": start.isoformat(), "t": end.isoformat(),
                         "x": file_format,
                         "lang": language if language in LANGUAGES else "ru"})


@require_GET
def download(request: HttpRequest, token: str) -> HttpResponse:
    """The statement a signed link names, as its viewer may see it."""

    def read(viewer: Viewer, claims: dict) -> tuple:
        start, end = date.fromisoformat(claims["f"]), date.fromisoformat(claims["t"])
        return viewer, claims, start, end, claims["x"] if claims["x"] in FORMATS else "PDF"

    try:
        viewer, claims, start, end, file_format = open_link(
            token, salt=SALT, max_age=settings.ORDER_DOWNLOAD_TTL_SECONDS, read=read)
    except LinkRefused as refusal:
        return refusal.response()
    account = (visible_document_accounts(viewer).select_related("seller", "buyer")
               .filter(pk=claims["a"]).first())
    if account is None:
        return refused(404, "NOT_FOUND", "No such account.")
    language = claims.get("lang") if claims.get("lang") in LANGUAGES else "ru"
    try:
        statement = build_statement(account, start, end, language=language)
    except DomainValidationError as error:
        detail = error.errors[0]
        return refused(400, detail.code_value, detail.message)
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
