"""Signed links to the credit documents as PDF: an invoice (``Invoice.pdfUrl``) and a
dispatch's UPD (``ShipmentDocument.updUrl``).

A link is the document's address with a signed token standing for the reader (user, token
version, active organization), valid ``LINK_TTL_SECONDS``: the browser opens it in a new
tab without the API's bearer header. The view rebuilds that viewer (a sign-out or a lost
membership stops the link at once) and reads the row through ``visibility``: a document
the viewer does not see is 404, as one that does not exist. A request carrying a bearer
token is served for that token's viewer too. (The same scheme as the packing list's.)
"""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from backend.accounts.models import User
from backend.accounts.tokens import AccessClaims
from backend.accounts.viewer import viewer_for_claims
from backend.core.graphql.view import viewer_from_request
from backend.core.viewer import Viewer, ViewerError

from .documents.invoice_pdf import invoice_pdf
from .documents.upd_pdf import upd_pdf
from .services.numbers import format_number
from .visibility import visible_invoices, visible_shipment_documents

SALT = "credit.documents"
LINK_TTL_SECONDS = 12 * 3600


def _signed(viewer: Viewer, path: str, kind: str, row_id: int) -> str:
    user = viewer.user
    if not isinstance(user, User):
        return path
    organization = viewer.organization
    token = signing.dumps({"u": user.pk, "v": user.token_version, "k": kind, "i": row_id,
                           "o": organization.pk if organization is not None else None},
                          salt=SALT, compress=True)
    return f"{path}?t={token}"


def invoice_pdf_url(viewer: Viewer, invoice_id: int) -> str:
    return _signed(viewer, f"/downloads/invoices/{invoice_id}/pdf/", "invoice", invoice_id)


def upd_url(viewer: Viewer, dispatch_id: int) -> str:
    return _signed(viewer, f"/downloads/dispatches/{dispatch_id}/upd/", "upd", dispatch_id)


def _viewer(request: HttpRequest, kind: str, row_id: int) -> Viewer:
    token = request.GET.get("t")
    if not token:
        return viewer_from_request(request)
    try:
        claims = signing.loads(token, salt=SALT, max_age=LINK_TTL_SECONDS)
        if claims["k"] != kind or int(claims["i"]) != row_id:
            raise Http404
        return viewer_for_claims(AccessClaims(int(claims["u"]), int(claims["v"])),
                                 claims["o"], organization_chosen=claims["o"] is not None)
    except (signing.BadSignature, KeyError, TypeError, ValueError, ViewerError):
        raise Http404 from None


def _pdf(content: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def invoice_download(request: HttpRequest, invoice_id: int) -> HttpResponse:
    viewer = _viewer(request, "invoice", invoice_id)
    if viewer.user is None:
        raise Http404
    invoice = (visible_invoices(viewer).select_related("seller", "buyer", "order")
               .filter(pk=invoice_id).first())
    if invoice is None:
        raise Http404
    name = format_number(invoice.year, invoice.serial, "en")
    return _pdf(invoice_pdf(invoice), f"{name}.pdf")


@require_GET
def upd_download(request: HttpRequest, dispatch_id: int) -> HttpResponse:
    viewer = _viewer(request, "upd", dispatch_id)
    if viewer.user is None:
        raise Http404
    dispatch = (visible_shipment_documents(viewer)
                .select_related("order", "order__seller", "order__buyer")
                .filter(pk=dispatch_id).first())
    if dispatch is None:
        raise Http404
    return _pdf(upd_pdf(dispatch), f"UPD-{dispatch.number}.pdf")
