"""A dispatch's universal transfer document (УПД, status 1: an invoice-factura and a
transfer document in one), in its landscape layout: the seller's and the buyer's blocks
(with shipper and consignee), the currency, the lines table with its VAT columns, the
totals, the signatures (director, chief accountant, who handed over and who received).

The lines are the dispatch's units priced as their order lines; the invoice the payment
refers to is the dispatch's own (per shipment) or the order's."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from backend.orders.numbers import format_number as order_number
from plugins.order_workflow.models import DISPATCH_NUMBERS, Dispatch

from ..models import Invoice
from ..services.invoice_lines import ZERO, dispatch_drafts
from ..services.numbers import format_number
from .common import (
    CURRENCIES,
    html_to_pdf,
    long_date,
    money,
    party,
    quantity,
    render_html,
    requisites_of,
    unit_of,
)

TEMPLATE = "credit/upd.html"


def _invoice_of(dispatch: Dispatch) -> Invoice | None:
    return (Invoice.objects.filter(Q(dispatch_id=dispatch.pk)
                                   | Q(order_id=dispatch.order_id, dispatch_id__isnull=True))
            .order_by("-dispatch_id").first())


def upd_context(dispatch: Dispatch) -> dict:
    order = dispatch.order
    seller, buyer = order.seller, order.buyer
    requisites = requisites_of(seller, buyer)
    drafts = dispatch_drafts(dispatch.pk)
    rate = f"{order.vat_rate.normalize():f}".replace(".", ",")
    lines = []
    for position, draft in enumerate(drafts, start=1):
        code, symbol = unit_of(draft.unit)
        lines.append({"position": position, "sku": draft.sku, "name": draft.name,
                      "unit_code": code, "unit": symbol, "quantity": quantity(draft.quantity),
                      "price": money(draft.unit_price_net), "total_net": money(draft.total_net),
                      "vat_rate": f"{rate}%", "total_vat": money(draft.total_vat),
                      "total_gross": money(draft.total_gross)})
    invoice = _invoice_of(dispatch)
    shipped_on = timezone.localtime(dispatch.shipped_at).date()
    currency_name, currency_code = CURRENCIES.get(order.currency, (order.currency, ""))
    address = ", ".join(part for part in (order.delivery_region, order.delivery_city,
                                          order.delivery_address) if part)
    seller_party, buyer_party = party(seller, requisites.get(seller.pk)), party(
        buyer, requisites.get(buyer.pk))
    return {
        "number": dispatch.document_number or DISPATCH_NUMBERS.format(dispatch.number, "ru"),
        "date": long_date(shipped_on), "seller": seller_party, "buyer": buyer_party,
        "consignee": f"{buyer_party.name}, {address or buyer_party.address}",
        "shipper": f"{seller_party.name}, {seller_party.address}",
        "payment_document": (f"№ {format_number(invoice.year, invoice.serial, 'ru')} от "
                             f"{invoice.issued_on:%d.%m.%Y}") if invoice else "",
        "order": order_number(order.year, order.serial),
        "currency_name": currency_name, "currency_code": currency_code, "lines": lines,
        "total_net": money(sum((d.total_net for d in drafts), ZERO)),
        "total_vat": money(sum((d.total_vat for d in drafts), ZERO)),
        "total_gross": money(sum((d.total_gross for d in drafts), ZERO)),
    }


def upd_html(dispatch: Dispatch) -> str:
    return render_html(TEMPLATE, upd_context(dispatch))


def upd_pdf(dispatch: Dispatch) -> bytes:
    return html_to_pdf(upd_html(dispatch))
