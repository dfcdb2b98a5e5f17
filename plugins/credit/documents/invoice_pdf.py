"""An invoice as the Russian «Счёт на оплату»: the seller's bank details on top, the
number and date, the supplier and the buyer (name, INN, KPP, address), the reason (the
order), the lines, totals with VAT at the order's rate, the total in words, the due date,
the signatures (director, chief accountant)."""

from __future__ import annotations

from backend.orders.numbers import format_number as order_number

from ..models import Invoice
from ..services.numbers import format_number
from .common import html_to_pdf, long_date, money, party, quantity, render_html, requisites_of
from .common import unit_of as unit
from .words import amount_in_words

TEMPLATE = "credit/invoice.html"


def invoice_context(invoice: Invoice) -> dict:
    seller, buyer = invoice.seller, invoice.buyer
    requisites = requisites_of(seller, buyer)
    lines = [{"position": line.position, "sku": line.sku, "name": line.name,
              "unit": unit(line.unit)[1], "quantity": quantity(line.quantity),
              "price": money(line.unit_price_net), "total_net": money(line.total_net),
              "total_vat": money(line.total_vat), "total_gross": money(line.total_gross)}
             for line in invoice.lines.order_by("position")]
    rate = f"{invoice.vat_rate.normalize():f}".replace(".", ",")
    return {
        "number": format_number(invoice.year, invoice.serial, "ru"),
        "issued_on": long_date(invoice.issued_on),
        "due_on": invoice.due_on.strftime("%d.%m.%Y"),
        "seller": party(seller, requisites.get(seller.pk)),
        "buyer": party(buyer, requisites.get(buyer.pk)),
        "order": order_number(invoice.order.year, invoice.order.serial)
        if invoice.order is not None else "",
        "lines": lines, "count": len(lines), "vat_rate": rate, "currency": invoice.currency,
        "total_net": money(invoice.total_net), "total_vat": money(invoice.total_vat),
        "total_gross": money(invoice.total_gross),
        "in_words": amount_in_words(invoice.total_gross, invoice.currency),
    }


def invoice_html(invoice: Invoice) -> str:
    return render_html(TEMPLATE, invoice_context(invoice))


def invoice_pdf(invoice: Invoice) -> bytes:
    return html_to_pdf(invoice_html(invoice))
