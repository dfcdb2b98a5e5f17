"""A dispatch's packing list: an HTML page the browser prints (print CSS), in Russian or
English by the reader's language.

``Dispatch.packingListUrl`` is the page's address with a signed token standing for the
reader (user, token version, active organization), valid ``LINK_TTL_SECONDS``: the browser
opens it in a new tab without the API's bearer header. The page rebuilds that viewer (a
sign-out or a lost membership stops the link at once) and reads the dispatch through
``visible_dispatches``: a dispatch the viewer does not see is 404, as one that does not
exist. A request carrying a bearer token is served for that token's viewer too.
"""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from backend.accounts.models import User
from backend.accounts.tokens import AccessClaims
from backend.accounts.viewer import viewer_for_claims
from backend.core.graphql.view import viewer_from_request
from backend.core.viewer import Viewer, ViewerError
from backend.orders.numbers import format_number

from .models import DISPATCH_NUMBERS, DispatchLine
from .visibility import visible_dispatches

SALT = "order_workflow.packing_list"
LINK_TTL_SECONDS = 12 * 3600
LANGUAGES = ("ru", "en")

TEXTS = {
    "ru": {"title": "Упаковочный лист", "order": "Заказ", "date": "Дата отгрузки",
           "seller": "Грузоотправитель", "buyer": "Грузополучатель", "document": "Документ",
           "carrier": "Перевозчик", "tracking": "Трек-номер", "warehouse": "Склад",
           "address": "Адрес доставки", "position": "№", "sku": "Артикул",
           "name": "Наименование", "unit": "Ед.", "quantity": "Количество",
           "total": "Итого мест", "comment": "Комментарий", "print": "Печать",
           "shipped_by": "Отгрузил", "received_by": "Принял"},
    "en": {"title": "Packing list", "order": "Order", "date": "Shipped on",
           "seller": "Shipper", "buyer": "Consignee", "document": "Document",
           "carrier": "Carrier", "tracking": "Tracking number", "warehouse": "Warehouse",
           "address": "Delivery address", "position": "#", "sku": "SKU", "name": "Item",
           "unit": "Unit", "quantity": "Quantity", "total": "Total units",
           "comment": "Comment", "print": "Print", "shipped_by": "Shipped by",
           "received_by": "Received by"},
}
UNITS = {"ru": {"PCS": "шт", "M": "м", "M2": "м²", "M3": "м³", "KG": "кг", "L": "л",
                "PACK": "упак", "SET": "компл"},
         "en": {"PCS": "pcs", "M": "m", "M2": "m²", "M3": "m³", "KG": "kg", "L": "l",
                "PACK": "pack", "SET": "set"}}


def packing_list_url(viewer: Viewer, dispatch_id: int) -> str:
    """The page's relative address, signed for ``viewer`` (no token when anonymous)."""
    user = viewer.user
    path = f"/orders/dispatches/{dispatch_id}/packing-list/"
    if not isinstance(user, User):
        return path
    organization = viewer.organization
    token = signing.dumps({"u": user.pk, "v": user.token_version, "d": dispatch_id,
                           "o": organization.pk if organization is not None else None},
                          salt=SALT, compress=True)
    return f"{path}?t={token}"


def _viewer(request: HttpRequest, dispatch_id: int) -> Viewer:
    token = request.GET.get("t")
    if not token:
        return viewer_from_request(request)
    try:
        claims = signing.loads(token, salt=SALT, max_age=LINK_TTL_SECONDS)
        if int(claims["d"]) != dispatch_id:
            raise Http404
        return viewer_for_claims(AccessClaims(int(claims["u"]), int(claims["v"])),
                                 claims["o"], organization_chosen=claims["o"] is not None)
    except (signing.BadSignature, KeyError, TypeError, ValueError, ViewerError):
        raise Http404 from None


def _language(request: HttpRequest, viewer: Viewer) -> str:
    asked = request.GET.get("lang")
    if asked in LANGUAGES:
        return asked
    language = getattr(viewer.user, "language", None)
    return language if language in LANGUAGES else "ru"


@require_GET
def packing_list(request: HttpRequest, dispatch_id: int) -> HttpResponse:
    viewer = _viewer(request, dispatch_id)
    if viewer.user is None:
        raise Http404
    dispatch = (visible_dispatches(viewer).select_related(
        "order", "order__seller", "order__buyer", "warehouse").filter(pk=dispatch_id).first())
    if dispatch is None:
        raise Http404
    language = _language(request, viewer)
    lines = list(DispatchLine.objects.filter(dispatch=dispatch).select_related("line")
                 .order_by("line__position"))
    order = dispatch.order
    address = ", ".join(part for part in (order.delivery_region, order.delivery_city,
                                          order.delivery_address) if part)
    rows = [{"position": index, "sku": row.line.sku, "name": row.line.name,
             "unit": UNITS[language].get(row.line.unit, row.line.unit),
             "quantity": row.quantity.normalize()}
            for index, row in enumerate(lines, start=1)]
    response = render(request, "order_workflow/packing_list.html", {
        "t": TEXTS[language], "language": language, "dispatch": dispatch, "order": order,
        "number": DISPATCH_NUMBERS.format(dispatch.number, language),
        "order_number": format_number(order.year, order.serial), "address": address,
        "rows": rows, "total": sum((row.quantity for row in lines), 0),
    })
    response["Cache-Control"] = "private, no-store"
    return response
